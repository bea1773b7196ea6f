import { lexicographicSortSchema, printSchema } from 'graphql';
import type { Assembly } from '../platform/module.js';
import { buildHearthSchema } from './build-schema.js';

/** The SDL checked in as schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printSchemaSdl(assembly: Pick<Assembly, 'resolvers'>): Promise<string> {
  const schema = await buildHearthSchema(assembly);
  return `# Generated from api/src by \`npm run codegen\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
