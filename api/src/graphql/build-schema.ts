import { buildSchema, type NonEmptyArray } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { Assembly } from '../platform/module.js';

/** The executable schema from the modules' resolvers; also the source of schema/schema.graphql (npm run codegen). */
export function buildHearthSchema(assembly: Pick<Assembly, 'resolvers'>): Promise<GraphQLSchema> {
  // Commands validate their input (one place for the rules), so type-graphql's class-validator pass is off.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  return buildSchema({ resolvers: assembly.resolvers as unknown as NonEmptyArray<Function>, validate: false });
}
