import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config.js';
import { printSchemaSdl } from '../graphql/print-schema.js';
import { assembly } from '../modules.js';

/** Writes schema/schema.graphql from the code (the web app's codegen reads it). */
const file = path.join(ROOT_DIR, 'schema', 'schema.graphql');
fs.writeFileSync(file, await printSchemaSdl(assembly));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
