import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CategoryKind } from './category.entity.js';
import { ThreadOrder } from './community.queries.js';
import { RemovalReason } from './post.entity.js';
import { CloseReason, PinScope, ThreadStatus } from './thread.entity.js';

export enum VoteValue {
  UP = 'UP',
  DOWN = 'DOWN',
  NONE = 'NONE',
}
registerEnumType(VoteValue, { name: 'VoteValue', description: 'NONE retracts a vote.' });
registerEnumType(ThreadOrder, {
  name: 'ThreadOrder',
  description:
    'LATEST: by last activity. NEWEST: by creation. UNANSWERED: no replies yet, newest first. TOP: by score.',
});

@InputType()
export class ThreadFilterInput {
  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Alternative to categoryId.' })
  categorySlug?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: "Only this member's threads." })
  authorHandle?: string | null;
}

@InputType()
export class AskQuestionInput {
  @Field(() => ID)
  categoryId!: string;

  @Field(() => String, { description: '15–150 characters.' })
  title!: string;

  @Field(() => String, { description: 'Markdown, 20–32,000 characters.' })
  body!: string;

  @Field(() => [String], { defaultValue: [], description: 'Up to 5 tags.' })
  tags!: string[];
}

@InputType()
export class PostReplyInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => String, { description: 'Markdown, 20–32,000 characters.' })
  body!: string;
}

@InputType()
export class VoteInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => VoteValue)
  value!: VoteValue;
}

@InputType()
export class EditPostInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { nullable: true, description: 'Questions only.' })
  title?: string | null;

  @Field(() => [String], { nullable: true, description: 'Questions only.' })
  tags?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why you edited, shown in the edit history (at most 300 characters).',
  })
  reason?: string | null;
}

@InputType()
export class RemovePostInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => RemovalReason)
  reason!: RemovalReason;
}

@InputType()
export class SetThreadStatusInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => ThreadStatus, { description: 'OPEN, CLOSED or LOCKED.' })
  status!: ThreadStatus;
}

@InputType()
export class CreateCategoryInput {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => CategoryKind, { nullable: true })
  kind?: CategoryKind | null;

  @Field(() => Int, { nullable: true })
  position?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Least seconds between two posts of one member in the category (staff exempt); 0 is off, at most 86400.',
  })
  slowModeSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Minutes a question may wait unanswered before it is escalated to staff; 0 is off (never automatically), at most 525600 (a year).',
  })
  answerTargetMinutes?: number | null;
}

@InputType()
export class UpdateCategoryInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => CategoryKind, { nullable: true })
  kind?: CategoryKind | null;

  @Field(() => Int, { nullable: true })
  position?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Least seconds between two posts of one member in the category (staff exempt); 0 is off, at most 86400.',
  })
  slowModeSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Minutes a question may wait unanswered before it is escalated to staff; 0 is off (never automatically), at most 525600 (a year).',
  })
  answerTargetMinutes?: number | null;
}

@InputType({ description: 'A moderator action on a thread, and why (members see the reason; the audit log keeps it).' })
export class ThreadReasonInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => String, { nullable: true, description: '1–500 characters; required to lock.' })
  reason?: string | null;
}

@InputType()
export class LockThreadInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => String, { description: '1–500 characters.' })
  reason!: string;
}

@InputType()
export class CloseThreadInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => CloseReason)
  reason!: CloseReason;

  @Field(() => ID, { nullable: true, description: 'DUPLICATE only (and required there): the thread this one repeats.' })
  duplicateOfId?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters, shown with the reason.' })
  note?: string | null;
}

@InputType()
export class MoveThreadInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => ID)
  categoryId!: string;

  @Field(() => String, { description: '1–500 characters.' })
  reason!: string;
}

@InputType()
export class MergeThreadInput {
  @Field(() => ID, { description: 'The duplicate: its replies move, and it becomes a pointer.' })
  threadId!: string;

  @Field(() => ID)
  intoThreadId!: string;

  @Field(() => String, { description: '1–500 characters.' })
  reason!: string;
}

@InputType()
export class PinThreadInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => PinScope)
  scope!: PinScope;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters, for the audit log.' })
  reason?: string | null;
}

@InputType()
export class HidePostInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => String, { description: 'Why (up to 500 characters): the author reads it.' })
  reason!: string;
}

@InputType()
export class UnhidePostInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => String, { nullable: true, description: 'Why it is shown again (optional, up to 500 characters).' })
  reason?: string | null;
}
