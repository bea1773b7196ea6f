import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The question (isQuestion) or a reply. bodyHtml is rendered and sanitized once, at write time. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'posts' })
export class Post {
  [OptionalProps]?:
    | 'isQuestion'
    | 'score'
    | 'upVotes'
    | 'downVotes'
    | 'createdAt'
    | 'editedAt'
    | 'deletedAt'
    | 'deletedBy'
    | 'removalReason'
    | 'staffPickedAt'
    | 'staffPickedBy'
    | 'acceptedAt'
    | 'hiddenAt'
    | 'hiddenBy'
    | 'hiddenReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  threadId!: number;

  @Property({ type: 'integer' })
  authorId!: number;

  @Field(() => Boolean, { description: 'True for the opening post of a thread.' })
  @Property({ type: 'boolean' })
  isQuestion: boolean = false;

  @Field(() => String, { description: 'Markdown source (a fixed placeholder when hidden from the viewer).' })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => String, {
    description: 'Sanitized HTML rendered from the markdown body (a fixed placeholder when hidden from the viewer).',
  })
  @Property({ type: 'text' })
  bodyHtml!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  score: number = 0;

  @Property({ type: 'integer' })
  upVotes: number = 0;

  @Property({ type: 'integer' })
  downVotes: number = 0;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  editedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When staff picked this answer as exemplary.' })
  @Property({ type: 'timestamptz', nullable: true })
  staffPickedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  staffPickedBy: number | null = null;

  @Field(() => Date, {
    nullable: true,
    description: "When the answer became its thread's solution; null unless it is the solution now.",
  })
  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  deletedBy: number | null = null;

  /** Why a moderator removed the post; null when it was deleted (by its author or a moderator). */
  @Property({ type: 'text', nullable: true })
  removalReason: RemovalReason | null = null;

  /** Hidden pending review (see visibility.ts: who still reads it); null when shown. */
  @Property({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null = null;

  /** The moderator who hid it; null when hidden by the system (its flags' weight). */
  @Property({ type: 'integer', nullable: true })
  hiddenBy: number | null = null;

  /** FLAGGED when the flags hid it, else the moderator's reason. */
  @Property({ type: 'text', nullable: true })
  hiddenReason: string | null = null;
}

/** hiddenReason of a post hidden by the weight of its flags. */
export const HIDDEN_BY_FLAGS = 'FLAGGED';

export enum RemovalReason {
  SPAM = 'SPAM',
  ABUSE = 'ABUSE',
  OFF_TOPIC = 'OFF_TOPIC',
  OTHER = 'OTHER',
}
registerEnumType(RemovalReason, {
  name: 'RemovalReason',
  description: 'Why a moderator removed a post; SPAM and ABUSE cost its author reputation.',
});

/** Removals that cost the author the removal penalty. */
export const PENALISED_REMOVALS: ReadonlySet<RemovalReason> = new Set([RemovalReason.SPAM, RemovalReason.ABUSE]);
