import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ArticleState {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ArticleState, {
  name: 'ArticleState',
  description:
    'DRAFT: being written (made from a thread, or by staff). IN_REVIEW: submitted for publication. ' +
    'PUBLISHED: readers see it. ARCHIVED: withdrawn or rejected.',
});

/**
 * A knowledge article, KCS-shaped. Its content columns hold what readers see (the published
 * version once published; the latest version before that); every change is an
 * article_versions row. Counters move by atomic SQL in commands.
 */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'articles' })
export class Article {
  [OptionalProps]?:
    | 'environment'
    | 'cause'
    | 'issueHtml'
    | 'environmentHtml'
    | 'resolutionHtml'
    | 'causeHtml'
    | 'tags'
    | 'categoryId'
    | 'state'
    | 'needsReview'
    | 'needsReviewReason'
    | 'needsReviewDiff'
    | 'reviewBy'
    | 'sourceThreadId'
    | 'sourcePostId'
    | 'sourceBaseline'
    | 'currentVersion'
    | 'publishedVersion'
    | 'helpfulCount'
    | 'notHelpfulCount'
    | 'viewCount'
    | 'queuedAt'
    | 'publishedAt'
    | 'publishedBy'
    | 'archivedAt'
    | 'archiveReason'
    | 'verifiedAt'
    | 'verifiedBy'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: "The problem, in the asker's words (markdown)." })
  @Property({ type: 'text' })
  issue!: string;

  @Field(() => String, { description: 'Product, version, platform (markdown).' })
  @Property({ type: 'text' })
  environment: string = '';

  @Field(() => String, { description: 'What solves it (markdown).' })
  @Property({ type: 'text' })
  resolution!: string;

  @Field(() => String, { nullable: true, description: 'Why it happens, when known (markdown).' })
  @Property({ type: 'text', nullable: true })
  cause: string | null = null;

  @Field(() => String, { description: 'The issue as sanitized HTML (rendered on write by the posts’ renderer).' })
  @Property({ type: 'text' })
  issueHtml: string = '';

  @Field(() => String)
  @Property({ type: 'text' })
  environmentHtml: string = '';

  @Field(() => String)
  @Property({ type: 'text' })
  resolutionHtml: string = '';

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  causeHtml: string | null = null;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  tags: string[] = [];

  @Property({ type: 'integer', nullable: true })
  categoryId: number | null = null;

  @Field(() => ArticleState)
  @Property({ type: 'text' })
  state: ArticleState = ArticleState.DRAFT;

  @Field(() => Boolean, { description: 'Flagged for staff to check against its source or readers’ votes.' })
  @Property({ type: 'boolean' })
  needsReview: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  needsReviewReason: string | null = null;

  @Field(() => String, { nullable: true, description: 'What changed in the source, as a unified diff.' })
  @Property({ type: 'text', nullable: true })
  needsReviewDiff: string | null = null;

  @Field(() => String, { description: 'The day (YYYY-MM-DD, UTC) by which staff should check it again.' })
  @Property({ type: 'date' })
  reviewBy!: string;

  @Property({ type: 'integer', nullable: true })
  sourceThreadId: number | null = null;

  @Property({ type: 'integer', nullable: true })
  sourcePostId: number | null = null;

  @Property({ type: 'json', nullable: true })
  sourceBaseline: SourceBaseline | null = null;

  @Field(() => Int, { description: 'The latest version (staged above publishedVersion while being edited).' })
  @Property({ type: 'integer' })
  currentVersion: number = 1;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  publishedVersion: number | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  helpfulCount: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  notHelpfulCount: number = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  viewCount: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  queuedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  publishedBy: number | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  archiveReason: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  verifiedBy: number | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** What an article was built from or last verified against (compared with the thread now). */
export interface SourceBaseline {
  /** The thread's solution then (it may differ from the answer a staff member chose). */
  acceptedPostId: number | null;
  questionPostId: number | null;
  questionRevision: number | null;
  answerPostId: number | null;
  answerRevision: number | null;
  /** Staff chose the answer by hand: it stays the source while it lives, even if another is accepted. */
  answerChosen: boolean;
  threadStatus: string | null;
}

export enum ContributorRole {
  ASKER = 'ASKER',
  ANSWERER = 'ANSWERER',
  EDITOR = 'EDITOR',
}
registerEnumType(ContributorRole, {
  name: 'ContributorRole',
  description: 'ASKER: asked the question. ANSWERER: wrote the answer. EDITOR: edited the question or answer.',
});
