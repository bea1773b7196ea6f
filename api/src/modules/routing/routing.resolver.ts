import { Ctx, Field, FieldResolver, Float, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Member } from '../accounts/member.entity.js';
import { Thread } from '../community/thread.entity.js';
import type { StoredRoute } from './routing.queries.js';

@ObjectType({ description: 'A member a new question was routed to (staff only), and why.' })
export class ThreadRoute {
  memberId!: number;
  @Field(() => String, { description: 'Why, e.g. “You answered 4 questions tagged postgres in the last 90 days”.' })
  reason!: string;
  @Field(() => Float, { description: 'The decayed, weighted count of matching accepted answers.' })
  score!: number;
  @Field(() => Boolean, { description: 'Asked first as an advocate (of this category, or of all).' })
  advocate!: boolean;
  @Field(() => Date) notifiedAt!: Date;
}

@Resolver(() => ThreadRoute)
export class ThreadRouteResolver {
  @FieldResolver(() => Member)
  member(@Root() route: ThreadRoute, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(route.memberId);
  }
}

const toRoute = (r: StoredRoute): ThreadRoute =>
  Object.assign(new ThreadRoute(), {
    memberId: r.memberId,
    reason: r.text,
    score: r.score,
    advocate: r.reason.advocate,
    notifiedAt: r.notifiedAt,
  });

@Resolver(() => Thread)
export class ThreadRoutingResolver {
  @FieldResolver(() => [ThreadRoute], {
    nullable: true,
    description:
      'Staff only (null for everyone else): the members this question was routed to when it was asked, advocates first, then by score.',
  })
  async routedTo(@Root() thread: Thread, @Ctx() ctx: Context): Promise<ThreadRoute[] | null> {
    if (!ctx.guardian.can('routing.read', null)) return null;
    return (await ctx.loaders.routesByThreadId.load(thread.id)).map(toRoute);
  }
}
