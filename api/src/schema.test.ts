import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { printSchemaSdl } from './graphql/print-schema.js';
import { assembly } from './modules.js';

// Clients (community-web's generated types among them) are built from the checked-in SDL, so it
// must match what the code serves.
it('schema/schema.graphql matches the schema built from the code', async () => {
  const checkedIn = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
  const fromCode = await printSchemaSdl(assembly);
  expect(fromCode === checkedIn, 'schema/schema.graphql is stale: run `npm run codegen` and commit the result').toBe(
    true,
  );
});
