import type { EntityManager } from '@mikro-orm/postgresql';
import { createTwoFilesPatch } from 'diff';
import { sql } from '../../platform/db/sql.js';
import { ContributorRole, type SourceBaseline } from './article.entity.js';
import { extractEnvironment } from './environment.js';

interface SourcePost {
  postId: number;
  authorId: number;
  body: string;
  revision: number;
  /** Members other than the author who edited it. */
  editorIds: number[];
}

/** A thread as an article is made from it: the question and the answers that may matter. */
export interface ThreadSource {
  threadId: number;
  title: string;
  tags: string[];
  categoryId: number;
  status: string;
  acceptedPostId: number | null;
  question: SourcePost;
  /** Live answers that are accepted, staff-picked or asked for, by id. */
  answers: Map<number, SourcePost & { pickedAt: Date | null }>;
}

/**
 * Reads the thread (not deleted) with its live question, accepted answer, staff picks and the
 * answer `keepPostId` (the one an article was built from), each with its latest revision and
 * editors, in one statement. Null when the thread is gone.
 */
export async function loadThreadSource(
  em: EntityManager,
  threadId: number,
  keepPostId: number | null = null,
): Promise<ThreadSource | null> {
  const rows = await sql<{
    thread_id: number;
    title: string;
    tags: string[];
    category_id: number;
    status: string;
    accepted_post_id: number | null;
    post_id: number;
    is_question: boolean;
    author_id: number;
    body: string;
    picked_at: Date | null;
    revision: number;
    editor_ids: number[];
  }>(
    em,
    `select t.id as thread_id, t.title, t.tags, t.category_id, t.status, t.accepted_post_id,
            p.id as post_id, p.is_question, p.author_id, p.body, p.staff_picked_at as picked_at,
            r.revision, r.editor_ids
       from threads t
       join posts p on p.thread_id = t.id and p.deleted_at is null
                   and (p.is_question or p.id = t.accepted_post_id or p.id = ? or p.staff_picked_at is not null)
       cross join lateral (
         select coalesce(max(rv.revision), 1) as revision,
                coalesce(array_agg(distinct rv.editor_id) filter (where rv.editor_id <> p.author_id), '{}') as editor_ids
           from post_revisions rv where rv.post_id = p.id) r
      where t.id = ? and t.deleted_at is null
      order by p.id`,
    [keepPostId ?? 0, threadId],
  );
  const question = rows.find((r) => r.is_question);
  if (!question) return null;
  const asPost = (r: (typeof rows)[number]) => ({
    postId: r.post_id,
    authorId: r.author_id,
    body: r.body,
    revision: r.revision,
    editorIds: r.editor_ids,
    pickedAt: r.picked_at,
  });
  return {
    threadId: question.thread_id,
    title: question.title,
    tags: question.tags,
    categoryId: question.category_id,
    status: question.status,
    acceptedPostId: question.accepted_post_id,
    question: asPost(question),
    answers: new Map(rows.filter((r) => !r.is_question).map((r) => [r.post_id, asPost(r)])),
  };
}

/**
 * The answer an article is made from: the one staff chose by hand while it lives, else the
 * accepted answer, else the latest staff pick.
 */
export function answerFor(source: ThreadSource, chosenPostId: number | null): SourcePost | null {
  const picks = [...source.answers.values()].filter((a) => a.pickedAt).sort((a, b) => +b.pickedAt! - +a.pickedAt!);
  return (
    (chosenPostId !== null ? source.answers.get(chosenPostId) : undefined) ??
    (source.acceptedPostId !== null ? source.answers.get(source.acceptedPostId) : undefined) ??
    picks[0] ??
    null
  );
}

export interface ArticleContent {
  title: string;
  issue: string;
  environment: string;
  resolution: string;
  cause: string | null;
  tags: string[];
  categoryId: number | null;
}

export interface SourceRevision {
  postId: number;
  revision: number;
  role: 'QUESTION' | 'ANSWER' | 'STAFF_PICK';
}

/**
 * A draft's content, as the thread says it: the question is the Issue, the answer the
 * Resolution, followed by the staff's other picks.
 */
export function draftFrom(
  source: ThreadSource,
  answer: SourcePost,
): { content: ArticleContent; sources: SourceRevision[] } {
  const picks = [...source.answers.values()].filter((a) => a.pickedAt && a.postId !== answer.postId);
  const alsoPicked = picks.map((p) => `\n\n---\n\n**Also recommended by staff:**\n\n${p.body}`).join('');
  return {
    content: {
      title: source.title,
      issue: source.question.body,
      environment: extractEnvironment(`${source.title}\n${source.question.body}`),
      resolution: answer.body + alsoPicked,
      cause: null,
      tags: source.tags,
      categoryId: source.categoryId,
    },
    sources: [
      { postId: source.question.postId, revision: source.question.revision, role: 'QUESTION' },
      { postId: answer.postId, revision: answer.revision, role: 'ANSWER' },
      ...picks.map((p) => ({ postId: p.postId, revision: p.revision, role: 'STAFF_PICK' as const })),
    ],
  };
}

/** The people an article credits: the asker, the answerer, and whoever edited either post. */
export function contributorsOf(
  source: ThreadSource,
  answer: SourcePost | null,
): { memberId: number; role: ContributorRole }[] {
  const editors = [...source.question.editorIds, ...(answer?.editorIds ?? [])];
  return [
    { memberId: source.question.authorId, role: ContributorRole.ASKER },
    ...(answer ? [{ memberId: answer.authorId, role: ContributorRole.ANSWERER }] : []),
    ...[...new Set(editors)].map((memberId) => ({ memberId, role: ContributorRole.EDITOR })),
  ];
}

export function baselineOf(source: ThreadSource, answer: SourcePost | null, chosen: boolean): SourceBaseline {
  return {
    acceptedPostId: source.acceptedPostId,
    questionPostId: source.question.postId,
    questionRevision: source.question.revision,
    answerPostId: answer?.postId ?? null,
    answerRevision: answer?.revision ?? null,
    answerChosen: chosen,
    threadStatus: source.status,
  };
}

export type SourceChange =
  | { kind: 'accepted_changed'; from: number | null; to: number }
  | { kind: 'answer_gone'; postId: number }
  | { kind: 'unaccepted'; postId: number }
  | { kind: 'answer_edited'; postId: number; from: number; to: number }
  | { kind: 'question_edited'; postId: number; from: number; to: number }
  | { kind: 'reopened'; from: string }
  | { kind: 'thread_gone' };

/**
 * How the thread now differs from what the article was built from or last verified against:
 * the answers that matter to readers, not every reply or vote. Empty: nothing to review.
 */
export function sourceChanges(baseline: SourceBaseline, source: ThreadSource | null): SourceChange[] {
  if (!source) return [{ kind: 'thread_gone' }];
  const changes: SourceChange[] = [];
  const kept = baseline.answerPostId !== null ? source.answers.get(baseline.answerPostId) : undefined;
  const accepted = source.acceptedPostId;
  if (accepted !== null && accepted !== baseline.acceptedPostId && accepted !== baseline.answerPostId) {
    changes.push({ kind: 'accepted_changed', from: baseline.answerPostId, to: accepted });
  } else if (baseline.answerPostId !== null && !kept) {
    changes.push({ kind: 'answer_gone', postId: baseline.answerPostId });
  } else if (
    accepted === null &&
    baseline.acceptedPostId !== null &&
    baseline.acceptedPostId === baseline.answerPostId
  ) {
    changes.push({ kind: 'unaccepted', postId: baseline.acceptedPostId });
  }
  if (kept && kept.revision !== baseline.answerRevision) {
    changes.push({ kind: 'answer_edited', postId: kept.postId, from: baseline.answerRevision ?? 1, to: kept.revision });
  }
  if (source.question.revision !== baseline.questionRevision) {
    changes.push({
      kind: 'question_edited',
      postId: source.question.postId,
      from: baseline.questionRevision ?? 1,
      to: source.question.revision,
    });
  }
  // Reopening a closed or locked thread says its question is live again (an un-accept, which
  // also leaves the thread OPEN, is reported above as what it is).
  const shut = (status: string | null) => status === 'CLOSED' || status === 'LOCKED';
  if (shut(baseline.threadStatus) && !shut(source.status)) {
    changes.push({ kind: 'reopened', from: baseline.threadStatus! });
  }
  return changes;
}

export function describeChange(change: SourceChange): string {
  switch (change.kind) {
    case 'accepted_changed':
      return 'A different answer was accepted in the source thread.';
    case 'answer_gone':
      return 'The source answer was deleted or removed.';
    case 'unaccepted':
      return 'The source answer is no longer the accepted solution.';
    case 'answer_edited':
      return `The source answer was edited (revision ${change.from} → ${change.to}).`;
    case 'question_edited':
      return `The question was edited (revision ${change.from} → ${change.to}).`;
    case 'reopened':
      return 'The source thread was reopened.';
    case 'thread_gone':
      return 'The source thread was deleted.';
  }
}

/** A unified diff of one text, labelled for staff; empty when equal. */
export function textDiff(label: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(
    `${label} (before)`,
    `${label} (now)`,
    ensureNewline(before),
    ensureNewline(after),
    '',
    '',
    {
      context: 3,
    },
  )
    .split('\n')
    .slice(1) // drop the "====" separator line
    .join('\n');
}

const ensureNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/**
 * The diff that explains a source change: the texts the article was built from against the
 * texts now. Revision bodies come from post_revisions (every version is kept).
 */
export async function changeDiff(em: EntityManager, changes: SourceChange[]): Promise<string> {
  const parts: string[] = [];
  for (const c of changes) {
    if (c.kind === 'answer_edited' || c.kind === 'question_edited') {
      const [row] = await sql<{ before: string | null; after: string | null }>(
        em,
        `select (select body from post_revisions where post_id = ? and revision = ?) as before,
                (select body from posts where id = ?) as after`,
        [c.postId, c.from, c.postId],
      );
      parts.push(textDiff(c.kind === 'answer_edited' ? 'answer' : 'question', row?.before ?? '', row?.after ?? ''));
    } else if (c.kind === 'accepted_changed') {
      const [row] = await sql<{ before: string | null; after: string | null }>(
        em,
        `select (select body from posts where id = ?) as before, (select body from posts where id = ?) as after`,
        [c.from ?? 0, c.to],
      );
      parts.push(textDiff('accepted answer', row?.before ?? '', row?.after ?? ''));
    }
  }
  return parts.filter(Boolean).join('\n');
}
