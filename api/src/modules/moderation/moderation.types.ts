import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/pagination.js';
import { Post } from '../community/post.entity.js';

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
}
registerEnumType(ReviewItemKind, {
  name: 'ReviewItemKind',
  description:
    'FLAGGED_POST: flags below the hide threshold. HIDDEN_POST: its flags hid it. EDITED_AFTER_HIDE: its author edited it while hidden.',
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
    'AGREE: hide it (spam and abuse: remove it, with the reputation penalty, when staff decide). DISAGREE: show it again. ' +
    'IGNORE: close the item, leaving the post as it is. ESCALATE: hand it to staff.',
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

@ObjectType({ description: 'A post waiting for (or decided by) review.', simpleResolvers: true })
export class ReviewItem {
  @Field(() => ID) id!: number;
  @Field(() => ReviewItemKind) kind!: ReviewItemKind;
  @Field(() => ReviewItemStatus) status!: ReviewItemStatus;
  @Field(() => Boolean, { description: 'Escalated: only moderators decide it.' }) staffOnly!: boolean;
  @Field(() => Date, { nullable: true, description: 'Until when claimedBy holds it.' }) claimExpiresAt!: Date | null;
  @Field(() => ReviewDecision, { nullable: true }) decision!: ReviewDecision | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => Date) createdAt!: Date;
  postId!: number;
  authorId!: number;
  claimedBy!: number | null;
  decidedBy!: number | null;
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
