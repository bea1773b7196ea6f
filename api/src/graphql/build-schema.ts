import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { Assembly } from '../platform/module.js';

/**
 * The executable schema from the modules' resolvers; also the source of schema/schema.graphql
 * (npm run codegen). Subscriptions read `pubSub` (the instance's LiveHub, fed by LISTEN/NOTIFY);
 * printing the schema needs none, so it gets an unused one.
 */
export function buildHearthSchema(
  assembly: Pick<Assembly, 'resolvers'>,
  pubSub: PubSub = createPubSub(),
): Promise<GraphQLSchema> {
  // Commands validate their input (one place for the rules), so type-graphql's class-validator pass is off.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  return buildSchema({ resolvers: assembly.resolvers as unknown as NonEmptyArray<Function>, validate: false, pubSub });
}
