import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildHearthSchema } from './build-schema.js';

/** The SDL checked in as schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printSchemaSdl(): Promise<string> {
  const schema = await buildHearthSchema();
  return `# Generated from api/src by \`npm run codegen\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
