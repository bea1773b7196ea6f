import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/pagination.js';
import { Post } from '../community/post.entity.js';
import { Article } from '../knowledge/article.entity.js';

export enum FlagReason {
  SPAM = 'SPAM',
  ABUSIVE = 'ABUSIVE',
  OFF_TOPIC = 'OFF_TOPIC',
  PERSONAL_DATA = 'PERSONAL_DATA',
  OTHER = 'OTHER',
}
registerEnumType(FlagReason, { name: 'FlagReason', description: 'OTHER needs a note saying what is wrong.' });

export enum FlagStatus {
  OPEN = 'OPEN',
  AGREED = 'AGREED',
  DISAGREED = 'DISAGREED',
  IGNORED = 'IGNORED',
}
registerEnumType(FlagStatus, { name: 'FlagStatus', description: 'What review decided of a flag.' });

export enum ReviewItemKind {
  FLAGGED_POST = 'FLAGGED_POST',
  HIDDEN_POST = 'HIDDEN_POST',
  EDITED_AFTER_HIDE = 'EDITED_AFTER_HIDE',
  HELD_SIGNUP = 'HELD_SIGNUP',
  ARTICLE_REPORT = 'ARTICLE_REPORT',
}
registerEnumType(ReviewItemKind, {
  name: 'ReviewItemKind',
  description:
    'FLAGGED_POST: flags below the hide threshold. HIDDEN_POST: its flags hid it. EDITED_AFTER_HIDE: its author edited it while hidden. ' +
    'HELD_SIGNUP (staff only): a sign-up held by the per-network limit; AGREE approves it, DISAGREE rejects it (suspended until staff lift it), IGNORE leaves it held. ' +
    "ARTICLE_REPORT (staff and the article category's advocates): members reported a published article; AGREE marks it for revision.",
});

export enum ArticleReportReason {
  OUTDATED = 'OUTDATED',
  INCORRECT = 'INCORRECT',
  SPAM = 'SPAM',
  OTHER = 'OTHER',
}
registerEnumType(ArticleReportReason, {
  name: 'ArticleReportReason',
  description: 'OTHER needs a note saying what is wrong.',
});

export enum ReviewItemStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(ReviewItemStatus, { name: 'ReviewItemStatus' });

export enum ReviewDecision {
  AGREE = 'AGREE',
  DISAGREE = 'DISAGREE',
  IGNORE = 'IGNORE',
  ESCALATE = 'ESCALATE',
}
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description:
    'AGREE: hide it (spam and abuse: remove it, with the reputation penalty, when staff decide; a member reviewer’s AGREE on ' +
    'spam or abuse hides it and hands the item to staff with the agreement recorded). DISAGREE: show it again. ' +
    'IGNORE: close the item, leaving the post as it is. ESCALATE: hand it to staff. Held sign-ups and article reports: see ReviewItemKind.',
});

@ObjectType({ description: 'A flag on a post.', simpleResolvers: true })
export class Flag {
  @Field(() => ID) id!: number;
  @Field(() => FlagReason) reason!: FlagReason;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Float, { description: "Its weight when made (Discourse's flag score)." }) weight!: number;
  @Field(() => FlagStatus) status!: FlagStatus;
  @Field(() => Date) createdAt!: Date;
  flaggerId!: number;
}

@ObjectType({ description: "A member's report of a published article.", simpleResolvers: true })
export class ArticleReport {
  @Field(() => ID) id!: number;
  @Field(() => ArticleReportReason) reason!: ArticleReportReason;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) createdAt!: Date;
  reporterId!: number;
}

@ObjectType({ simpleResolvers: true })
export class ReportArticlePayload {
  @Field(() => Article) article!: Article;
  @Field(() => ArticleReport) report!: ArticleReport;
}

@ObjectType({ simpleResolvers: true })
export class FlagPostPayload {
  @Field(() => Post) post!: Post;
  @Field(() => Flag) flag!: Flag;
}

@ObjectType({ description: "What reviewers see of a post's author.", simpleResolvers: true })
export class AuthorHistory {
  @Field(() => Int, { description: 'Seconds since the account was created.' }) accountAge!: number;
  @Field(() => Date) accountCreatedAt!: Date;
  @Field(() => Int, { description: "Flags on the member's posts so far (this item's included)." })
  previousFlags!: number;
  @Field(() => Int, { description: 'Of those, the ones review agreed with.' }) previousFlagsAgreed!: number;
  @Field(() => Int, { description: 'Of those, the ones review disagreed with.' }) previousFlagsDisagreed!: number;
  memberId!: number;
}

@ObjectType({
  description: 'A post, a held sign-up or a reported article waiting for (or decided by) review.',
  simpleResolvers: true,
})
export class ReviewItem {
  @Field(() => ID) id!: number;
  @Field(() => ReviewItemKind) kind!: ReviewItemKind;
  @Field(() => ReviewItemStatus) status!: ReviewItemStatus;
  @Field(() => Boolean, { description: 'Escalated: only moderators decide it.' }) staffOnly!: boolean;
  @Field(() => Date, { nullable: true, description: 'Until when claimedBy holds it.' }) claimExpiresAt!: Date | null;
  @Field(() => ReviewDecision, { nullable: true }) decision!: ReviewDecision | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When a member reviewer agreed with spam or abuse flags and handed the removal to staff.',
  })
  agreedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  postId!: number | null;
  authorId!: number | null;
  articleId!: number | null;
  claimedBy!: number | null;
  decidedBy!: number | null;
  agreedBy!: number | null;
}

export const ReviewItemConnection = connectionType(ReviewItem, 'ReviewItem');

@ObjectType({ simpleResolvers: true })
export class ReviewAgeBucket {
  @Field(() => String, { description: 'UNDER_1H, H1_TO_4, H4_TO_24, D1_TO_3 or OVER_3D.' }) bucket!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ simpleResolvers: true })
export class ReviewerCount {
  reviewerId!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description: 'The capacity of the review queue (the items the viewer may review).',
  simpleResolvers: true,
})
export class ReviewQueueStats {
  @Field(() => Int) open!: number;
  @Field(() => Int, { nullable: true, description: 'Null when nothing waits.' }) oldestWaitingSeconds!: number | null;
  @Field(() => Int, { description: 'Items decided since midnight UTC.' }) handledToday!: number;
  @Field(() => Int, {
    nullable: true,
    description: "Seconds to clear what waits at the last 7 days' rate; null when nothing was decided then.",
  })
  projectedClearSeconds!: number | null;
  @Field(() => [ReviewAgeBucket]) byAge!: ReviewAgeBucket[];
  @Field(() => [ReviewerCount], { description: 'Items each reviewer decided today, most first.' })
  handledPerReviewer!: ReviewerCount[];
}

@InputType()
export class FlagPostInput {
  @Field(() => ID) postId!: string;
  @Field(() => FlagReason) reason!: FlagReason;
  @Field(() => String, { nullable: true, description: 'Required for OTHER; up to 500 characters.' })
  note?: string | null;
}

@InputType()
export class ReportArticleInput {
  @Field(() => ID) articleId!: string;
  @Field(() => ArticleReportReason) reason!: ArticleReportReason;
  @Field(() => String, { nullable: true, description: 'Required for OTHER; up to 500 characters.' })
  note?: string | null;
}

@InputType()
export class ReviewQueueFilterInput {
  @Field(() => [ReviewItemKind], { nullable: true }) kinds?: ReviewItemKind[] | null;
  @Field(() => ReviewItemStatus, { nullable: true, description: 'OPEN unless given.' })
  status?: ReviewItemStatus | null;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
}

@InputType()
export class ResolveReviewItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ReviewDecision) decision!: ReviewDecision;
  @Field(() => String, { nullable: true, description: 'Why (up to 500 characters); recorded with the decision.' })
  reason?: string | null;
}
