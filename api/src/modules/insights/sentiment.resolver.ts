import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Member } from '../accounts/member.entity.js';
import { Post } from '../community/post.entity.js';
import { CUES, type Cue } from './sentiment/cues.js';
import type { SentimentLabel as Label } from './sentiment/analyze.js';
import { sentimentTrend, summarize } from './sentiment/sentiment.store.js';

export enum SentimentLabel {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(SentimentLabel, {
  name: 'SentimentLabel',
  description: "vader's usual thresholds: compound ≥ 0.05 positive, ≤ -0.05 negative.",
});
export const SentimentCue = Object.fromEntries(CUES.map((c) => [c, c])) as { [C in Cue]: C };
registerEnumType(SentimentCue, {
  name: 'SentimentCue',
  description: "Cues found by Hearth's rules in the author's own words (code and quotes ignored).",
});

@ObjectType({ description: 'The sentiment of one post (staff only).', simpleResolvers: true })
export class PostSentiment {
  @Field(() => Int, { description: "vader's compound score in thousandths, -1000..1000." }) score!: number;
  @Field(() => SentimentLabel) label!: Label;
  @Field(() => [SentimentCue]) cues!: Cue[];
  @Field(() => Date) computedAt!: Date;
}

@ObjectType({ description: 'One post in a sentiment trend.', simpleResolvers: true })
export class SentimentPoint {
  @Field(() => ID) postId!: number;
  @Field(() => ID) threadId!: number;
  @Field(() => Date, { description: 'When the post was written.' }) at!: Date;
  @Field(() => Int) score!: number;
  @Field(() => SentimentLabel) label!: Label;
  @Field(() => [SentimentCue]) cues!: Cue[];
}

@ObjectType({ description: 'Sentiment over recent posts (staff only): mean score, its label, cues, and the trend.' })
export class SentimentSignal {
  @Field(() => Int, { description: 'Mean score of the recent posts, in thousandths; 0 without posts.' })
  score!: number;
  @Field(() => SentimentLabel) label!: Label;
  @Field(() => [SentimentCue], { description: 'Cues in the recent posts, most frequent first.' }) cues!: Cue[];
  @Field(() => [SentimentPoint], { description: 'The recent posts, oldest first.' }) trend!: SentimentPoint[];
}

@Resolver(() => Post)
export class PostSentimentResolver {
  @FieldResolver(() => PostSentiment, {
    nullable: true,
    description: 'Staff only: the sentiment computed after the post was written or edited; null until computed.',
  })
  async sentiment(@Root() post: Post, @Ctx() ctx: Context): Promise<PostSentiment | null> {
    ctx.guardian.ensureCan('insights.read', null);
    return ctx.loaders.sentimentByPostId.load(post.id);
  }
}

@Resolver(() => Member)
export class MemberSentimentResolver {
  @FieldResolver(() => SentimentSignal, {
    nullable: true,
    description: "Staff only: the sentiment of the member's most recent posts.",
  })
  async sentimentSignal(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg('limit', () => Int, { defaultValue: 20, description: 'Recent posts to include (1–200).' }) limit: number,
  ): Promise<SentimentSignal> {
    ctx.guardian.ensureCan('insights.read', null);
    return summarize(await sentimentTrend(ctx.em, [member.id], limit));
  }
}
