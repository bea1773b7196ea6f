import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, Field, FieldResolver, Float, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { sql } from '../../platform/db/sql.js';
import { Member } from '../accounts/member.entity.js';
import {
  GROUP_SENTIMENT_DAYS,
  GROUP_SENTIMENT_POSTS,
  influenceOfGroups,
  sentimentOfGroups,
  TREND_THRESHOLD,
  type GroupInfluence,
  type GroupSentiment,
  type MemberGroups,
} from '../insights/group-signals.js';
import { InfluencePart } from '../insights/influence.resolver.js';
import type { SentimentLabel as Label } from '../insights/sentiment/analyze.js';
import type { Cue } from '../insights/sentiment/cues.js';
import { SentimentCue, SentimentLabel } from '../insights/sentiment.resolver.js';
import { CustomerSignals } from './customers.resolver.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof customerSignalLoaders> {}
}

/** Each customer's linked member ids, for a page of customers in one statement. */
async function memberGroups(em: EntityManager, customerIds: readonly number[]): Promise<MemberGroups> {
  const rows = await sql<{ customer_id: number; member_id: number }>(
    em,
    `select customer_id, member_id from customer_links where customer_id = any(?::int[]) order by member_id`,
    [`{${customerIds.join(',')}}`],
  );
  return new Map(customerIds.map((id) => [id, rows.filter((r) => r.customer_id === id).map((r) => r.member_id)]));
}

/**
 * Per-request loaders of customers' influence and sentiment: the links of the page's customers
 * in one statement, then the insights module's one statement per signal.
 */
export function customerSignalLoaders(em: EntityManager) {
  return {
    customerInfluence: new DataLoader<number, GroupInfluence>(async (ids) => {
      const found = await influenceOfGroups(em, await memberGroups(em, ids));
      return ids.map((id) => found.get(id)!);
    }),
    customerSentiment: new DataLoader<number, GroupSentiment>(async (ids) => {
      const found = await sentimentOfGroups(em, await memberGroups(em, ids));
      return ids.map((id) => found.get(id)!);
    }),
  };
}

@ObjectType({
  description:
    'A customer’s influence: its most influential linked member’s score and parts (score = Σ value × weight), not a sum.',
  simpleResolvers: true,
})
class CustomerInfluence {
  @Field(() => Float) score!: number;
  @Field(() => [InfluencePart], { description: 'The parts of that member’s score; empty without influence.' })
  parts!: InfluencePart[];
  @Field(() => Int, { description: 'Linked members with any influence.' }) membersWithInfluence!: number;
  @Field(() => String, { description: 'Whose score it is and how it adds up, in words.' }) explanation!: string;
  memberId!: number | null;
}

enum SentimentTrendDirection {
  IMPROVING = 'IMPROVING',
  STEADY = 'STEADY',
  WORSENING = 'WORSENING',
}
registerEnumType(SentimentTrendDirection, {
  name: 'SentimentTrendDirection',
  description: `The newer half's mean score against the older half's: a change of ${TREND_THRESHOLD} thousandths or more either way.`,
});

@ObjectType({ description: 'How many posts of the sample show a cue.', simpleResolvers: true })
class SentimentCueCount {
  @Field(() => SentimentCue) cue!: Cue;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The sample’s newer half against its older half.', simpleResolvers: true })
class SentimentTrend {
  @Field(() => SentimentTrendDirection) direction!: SentimentTrendDirection;
  @Field(() => Int, { nullable: true, description: 'Mean of the ⌊n/2⌋ newest posts; null under 2 posts.' })
  recentScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'Mean of the ⌊n/2⌋ oldest posts.' }) olderScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'recentScore − olderScore.' }) change!: number | null;
  @Field(() => Int, { description: 'Posts in each half.' }) postsPerHalf!: number;
}

@ObjectType({
  description: `A customer’s sentiment over its linked members’ ${GROUP_SENTIMENT_POSTS} most recent scored posts of the last ${GROUP_SENTIMENT_DAYS} days.`,
  simpleResolvers: true,
})
class CustomerSentiment {
  @Field(() => Int, { description: 'Mean score of the sample, in thousandths (-1000..1000); 0 without posts.' })
  score!: number;
  @Field(() => SentimentLabel, { description: 'By the same thresholds as a post’s.' }) label!: Label;
  @Field(() => [SentimentCueCount], { description: 'Cues seen in the sample, most frequent first.' })
  cues!: SentimentCueCount[];
  @Field(() => SentimentTrend) trend!: SentimentTrend;
  @Field(() => Int, { description: 'Posts in the sample.' }) sampleSize!: number;
  @Field(() => Date, { description: 'The sample’s earliest possible post time.' }) since!: Date;
}

/** Influence and sentiment on Customer.signals: staff with the customer permission only (as the record). */
@Resolver(() => CustomerSignals)
export class CustomerInsightSignalsResolver {
  @FieldResolver(() => CustomerInfluence)
  async influence(@Root() signals: CustomerSignals, @Ctx() ctx: Context): Promise<CustomerInfluence> {
    ctx.guardian.ensureCan('customer.read', await ctx.loaders.customerAccess());
    return ctx.loaders.customerInfluence.load(signals.customerId);
  }

  @FieldResolver(() => CustomerSentiment)
  async sentiment(@Root() signals: CustomerSignals, @Ctx() ctx: Context): Promise<CustomerSentiment> {
    ctx.guardian.ensureCan('customer.read', await ctx.loaders.customerAccess());
    const s = await ctx.loaders.customerSentiment.load(signals.customerId);
    return { ...s, trend: { ...s.trend, direction: s.trend.direction as SentimentTrendDirection } };
  }
}

@Resolver(() => CustomerInfluence)
export class CustomerInfluenceResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The linked member whose score it is.' })
  member(@Root() influence: CustomerInfluence, @Ctx() ctx: Context) {
    return influence.memberId === null ? null : ctx.loaders.memberById.load(influence.memberId);
  }
}
