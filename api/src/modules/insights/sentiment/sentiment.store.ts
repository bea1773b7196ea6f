import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import { analyzeSentiment, labelFor, SENTIMENT_VERSION, type Sentiment, type SentimentLabel } from './analyze.js';
import type { Cue } from './cues.js';

export interface StoredSentiment extends Sentiment {
  postId: number;
  computedAt: Date;
}

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

/**
 * Computes and stores the sentiment of `postIds` from their current text (a question with its
 * thread's title), in two statements: one read, one upsert over arrays. Posts that no longer
 * exist are skipped. Returns how many rows were written.
 */
export async function computeSentiments(em: EntityManager, postIds: readonly number[]): Promise<number> {
  if (postIds.length === 0) return 0;
  const rows = await sql<{ id: number; body: string; title: string | null }>(
    em,
    `select p.id, p.body, case when p.is_question then t.title end as title
       from posts p join threads t on t.id = p.thread_id
      where p.id = any(?::int[])`,
    [intArray([...new Set(postIds)])],
  );
  return storeSentiments(
    em,
    rows.map((r) => ({ postId: r.id, ...analyzeSentiment(r.body, r.title) })),
  );
}

/** Upserts computed sentiments in one statement. */
export async function storeSentiments(em: EntityManager, rows: (Sentiment & { postId: number })[]): Promise<number> {
  if (rows.length === 0) return 0;
  await sql(
    em,
    `insert into post_sentiments (post_id, score, label, cues, computed_at, version)
     select s.post_id, s.score, s.label, array(select jsonb_array_elements_text(s.cues)), now(), ?
       from jsonb_to_recordset(?::jsonb) as s(post_id int, score int, label text, cues jsonb)
       join posts p on p.id = s.post_id
     on conflict (post_id) do update
       set score = excluded.score, label = excluded.label, cues = excluded.cues,
           computed_at = excluded.computed_at, version = excluded.version`,
    [
      SENTIMENT_VERSION,
      JSON.stringify(rows.map((r) => ({ post_id: r.postId, score: r.score, label: r.label, cues: r.cues }))),
    ],
  );
  return rows.length;
}

const fromRow = (r: Record<string, unknown>): StoredSentiment => ({
  postId: r.post_id as number,
  score: r.score as number,
  label: r.label as SentimentLabel,
  cues: r.cues as Cue[],
  computedAt: new Date(r.computed_at as string),
});

/** Stored sentiments by post id. */
export async function sentimentsOf(
  em: EntityManager,
  postIds: readonly number[],
): Promise<Map<number, StoredSentiment>> {
  const rows = await sql<Record<string, unknown>>(
    em,
    'select post_id, score, label, cues, computed_at from post_sentiments where post_id = any(?::int[])',
    [intArray(postIds)],
  );
  return new Map(rows.map((r) => [r.post_id as number, fromRow(r)]));
}

export interface SentimentPoint {
  postId: number;
  threadId: number;
  at: Date;
  score: number;
  label: SentimentLabel;
  cues: Cue[];
}

/**
 * The scores of the `limit` most recent posts (not deleted) by `memberIds`, oldest first, for
 * a trend over time.
 */
export async function sentimentTrend(
  em: EntityManager,
  memberIds: readonly number[],
  limit = 20,
): Promise<SentimentPoint[]> {
  if (memberIds.length === 0) return [];
  const rows = await sql<Record<string, unknown>>(
    em,
    `select * from (
       select p.id as post_id, p.thread_id, p.created_at, s.score, s.label, s.cues
         from posts p join post_sentiments s on s.post_id = p.id
        where p.author_id = any(?::int[]) and p.deleted_at is null
        order by p.created_at desc, p.id desc limit ?) r
      order by created_at, post_id`,
    [intArray(memberIds), Math.max(1, Math.min(limit, 200))],
  );
  return rows.map((r) => ({
    postId: r.post_id as number,
    threadId: r.thread_id as number,
    at: new Date(r.created_at as string),
    score: r.score as number,
    label: r.label as SentimentLabel,
    cues: r.cues as Cue[],
  }));
}

export interface SentimentSummary {
  /** Mean score of the trend's posts (thousandths); 0 with no posts. */
  score: number;
  label: SentimentLabel;
  /** Cues seen in the trend's posts, most frequent first. */
  cues: Cue[];
  trend: SentimentPoint[];
}

/** The summary of a trend: its mean score and label, and its cues by frequency. */
export function summarize(trend: SentimentPoint[]): SentimentSummary {
  const score = trend.length ? Math.round(trend.reduce((sum, p) => sum + p.score, 0) / trend.length) : 0;
  const counts = new Map<Cue, number>();
  for (const p of trend) for (const c of p.cues) counts.set(c, (counts.get(c) ?? 0) + 1);
  const cues = [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return { score, label: labelFor(score), cues, trend };
}

/**
 * Computes the sentiment of every post without one (or computed by older rules), in batches
 * of `batchSize` by id: one read and one upsert per batch. Returns the posts computed.
 */
export async function backfillSentiments(
  em: EntityManager,
  opts: { batchSize?: number; onBatch?: (done: number, lastId: number) => void } = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 1000;
  let lastId = 0;
  let done = 0;
  for (;;) {
    const rows = await sql<{ id: number; body: string; title: string | null }>(
      em,
      `select p.id, p.body, case when p.is_question then t.title end as title
         from posts p join threads t on t.id = p.thread_id
         left join post_sentiments s on s.post_id = p.id
        where p.id > ? and (s.post_id is null or s.version < ?)
        order by p.id limit ?`,
      [lastId, SENTIMENT_VERSION, batchSize],
    );
    if (rows.length === 0) return done;
    done += await storeSentiments(
      em,
      rows.map((r) => ({ postId: r.id, ...analyzeSentiment(r.body, r.title) })),
    );
    lastId = rows.at(-1)!.id;
    opts.onBatch?.(done, lastId);
    if (rows.length < batchSize) return done;
  }
}
