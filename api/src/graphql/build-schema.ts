import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { MemberApprovalResolver } from '../modules/accounts/member-approval.resolver.js';
import { MemberResolver } from '../modules/accounts/member.resolver.js';
import { CategoryResolver } from '../modules/community/category.resolver.js';
import { MemberAnswersResolver, PostResolver, PostRevisionResolver } from '../modules/community/post.resolver.js';
import { ThreadResolver } from '../modules/community/thread.resolver.js';
import { AdvocateChangeResolver, AdvocateResolver } from '../modules/advocates/advocates.resolver.js';
import { BadgeResolver, MemberBadgesResolver } from '../modules/badges/badges.resolver.js';
import { LeaderboardEntryResolver, ReputationResolver } from '../modules/reputation/reputation.resolver.js';

export const resolvers = [
  MemberResolver,
  MemberApprovalResolver,
  CategoryResolver,
  ThreadResolver,
  PostResolver,
  PostRevisionResolver,
  MemberAnswersResolver,
  ReputationResolver,
  LeaderboardEntryResolver,
  BadgeResolver,
  MemberBadgesResolver,
  AdvocateResolver,
  AdvocateChangeResolver,
] as const;

/** The executable schema; also the source of schema/schema.graphql (npm run codegen). */
export function buildHearthSchema(): Promise<GraphQLSchema> {
  // Commands validate their input (one place for the rules), so type-graphql's class-validator pass is off.
  return buildSchema({ resolvers, validate: false });
}
