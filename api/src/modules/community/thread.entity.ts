import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ThreadStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
  LOCKED = 'LOCKED',
}
registerEnumType(ThreadStatus, {
  name: 'ThreadStatus',
  description:
    'OPEN: awaiting a solution. ANSWERED: a reply is accepted. CLOSED: no new replies. LOCKED: frozen (no replies, votes or edits).',
});

export enum CloseReason {
  DUPLICATE = 'DUPLICATE',
  OFF_TOPIC = 'OFF_TOPIC',
  RESOLVED = 'RESOLVED',
  OTHER = 'OTHER',
}
registerEnumType(CloseReason, {
  name: 'CloseReason',
  description: 'Why a thread was closed. DUPLICATE: it asks what another thread asks (duplicateOf).',
});

export enum PinScope {
  CATEGORY = 'CATEGORY',
  GLOBAL = 'GLOBAL',
}
registerEnumType(PinScope, {
  name: 'PinScope',
  description: 'CATEGORY: first in its category list. GLOBAL: first on the home list too.',
});

/** A question (or discussion) and its replies; counters are kept by atomic SQL in commands. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'threads' })
export class Thread {
  [OptionalProps]?:
    | 'status'
    | 'tags'
    | 'score'
    | 'viewCount'
    | 'replyCount'
    | 'questionPostId'
    | 'acceptedPostId'
    | 'createdAt'
    | 'lastActivityAt'
    | 'deletedAt'
    | 'lockedFrom'
    | 'closeReason'
    | 'closeNote'
    | 'duplicateOfId'
    | 'mergedIntoId'
    | 'questionHidden'
    | 'pinnedScope'
    | 'pinnedAt'
    | 'pinnedBy';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  categoryId!: number;

  @Property({ type: 'integer' })
  authorId!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ThreadStatus)
  @Property({ type: 'text' })
  status: ThreadStatus = ThreadStatus.OPEN;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  tags: string[] = [];

  @Field(() => Int, { description: "The question's score." })
  @Property({ type: 'integer' })
  score: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  viewCount: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  replyCount: number = 0;

  @Property({ type: 'integer', nullable: true })
  questionPostId: number | null = null;

  @Property({ type: 'integer', nullable: true })
  acceptedPostId: number | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  lastActivityAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  /** The status a locked thread had: unlocking restores it. */
  @Property({ type: 'text', nullable: true })
  lockedFrom: ThreadStatus | null = null;

  @Field(() => CloseReason, { nullable: true, description: 'Why it is closed (kept while it is locked).' })
  @Property({ type: 'text', nullable: true })
  closeReason: CloseReason | null = null;

  @Field(() => String, { nullable: true, description: "The closer's note, shown with the reason." })
  @Property({ type: 'text', nullable: true })
  closeNote: string | null = null;

  @Property({ type: 'integer', nullable: true })
  duplicateOfId: number | null = null;

  @Property({ type: 'integer', nullable: true })
  mergedIntoId: number | null = null;

  /** Its question is hidden pending review (kept by a trigger on posts.hidden_at). */
  @Property({ type: 'boolean' })
  questionHidden = false;

  @Field(() => PinScope, { nullable: true })
  @Property({ type: 'text', nullable: true })
  pinnedScope: PinScope | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  pinnedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  pinnedBy: number | null = null;
}
