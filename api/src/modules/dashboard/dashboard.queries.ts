import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { readableThreadSql } from '../community/visibility.js';

/** The dashboard's period: [from, to), optionally one category. */
export interface Period {
  from: Date;
  to: Date;
  categoryId: number | null;
}

/** Median and 90th percentile of durations in seconds (null without any), and how many. */
export interface Durations {
  median: number | null;
  p90: number | null;
  count: number;
}

export interface ResponseWeek {
  weekStart: Date;
  questions: number;
  solved: number;
  firstResponse: Durations;
  solution: Durations;
}

export interface ResponseFigures {
  questions: number;
  solved: number;
  solvedByCommunity: number;
  firstResponse: Durations;
  solution: Durations;
  weekly: ResponseWeek[];
}

const params = (p: Period, before: unknown[] = []) => [...before, ...(p.categoryId ? [p.categoryId] : [])];
const inCategory = (p: Period, t = 't') => (p.categoryId ? `and ${t}.category_id = ?` : '');

/**
 * Threads a visitor may read (the viewer's category rights, not deleted, question not hidden,
 * not merged away): the questions the figures count.
 */
const countedThread = (viewer: Viewer | null, t = 't') =>
  `${readableThreadSql(viewer, t)} and not ${t}.question_hidden and ${t}.merged_into_id is null`;

const durations = (column: string, prefix: string) => `
  percentile_cont(0.5) within group (order by ${column}) as ${prefix}_median,
  percentile_cont(0.9) within group (order by ${column}) as ${prefix}_p90,
  count(${column})::int as ${prefix}_count`;

const toDurations = (r: Record<string, unknown>, prefix: string): Durations => {
  const n = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
  return { median: n(r[`${prefix}_median`]), p90: n(r[`${prefix}_p90`]), count: Number(r[`${prefix}_count`]) };
};

/**
 * Over the questions asked in the period: time to the first visible reply by someone other
 * than the asker, time to the accepted answer (median and p90, interpolated, in seconds), how
 * many were solved and how many by the community (an accepted answer by a member who is not
 * staff), overall and per UTC week — one statement (`grouping sets`), the cohort read from
 * threads_created_idx and each thread's replies from posts_thread_replies_idx.
 */
export async function responseFigures(em: EntityManager, viewer: Viewer | null, p: Period): Promise<ResponseFigures> {
  const rows = await sql<Record<string, unknown>>(
    em,
    `with q as (
       select date_trunc('week', t.created_at at time zone 'UTC') at time zone 'UTC' as week,
              (select extract(epoch from min(r.created_at) - t.created_at)
                 from posts r
                where r.thread_id = t.id and not r.is_question and r.deleted_at is null
                  and r.hidden_at is null and r.author_id <> t.author_id) as first_response,
              extract(epoch from a.accepted_at - t.created_at) as solution,
              a.accepted_at is not null as solved,
              coalesce(a.by_community, false) as by_community
         from threads t
         left join lateral (
           select a.accepted_at, am.role = 'MEMBER' as by_community
             from posts a join members am on am.id = a.author_id
            where a.id = t.accepted_post_id and a.deleted_at is null and a.hidden_at is null
            limit 1) a on true
        where t.created_at >= ? and t.created_at < ? and ${countedThread(viewer)} ${inCategory(p)})
     select week, count(*)::int as questions, (count(*) filter (where solved))::int as solved,
            (count(*) filter (where by_community))::int as by_community,
            ${durations('first_response', 'fr')}, ${durations('solution', 'so')}
       from q group by grouping sets ((), (week)) order by week nulls first`,
    params(p, [p.from, p.to]),
  );
  const [all, ...weeks] = rows;
  return {
    questions: Number(all?.questions ?? 0),
    solved: Number(all?.solved ?? 0),
    solvedByCommunity: Number(all?.by_community ?? 0),
    firstResponse: all ? toDurations(all, 'fr') : { median: null, p90: null, count: 0 },
    solution: all ? toDurations(all, 'so') : { median: null, p90: null, count: 0 },
    weekly: weeks.map((w) => ({
      weekStart: new Date(w.week as string),
      questions: Number(w.questions),
      solved: Number(w.solved),
      firstResponse: toDurations(w, 'fr'),
      solution: toDurations(w, 'so'),
    })),
  };
}

/** The age buckets of the unanswered queue, youngest first. */
export const AGE_BUCKETS = [
  { bucket: 'UNDER_1_HOUR', label: '< 1 h', upTo: '1 hour' },
  { bucket: 'UNDER_1_DAY', label: '1–24 h', upTo: '1 day' },
  { bucket: 'UNDER_1_WEEK', label: '1–7 d', upTo: '7 days' },
  { bucket: 'UNDER_30_DAYS', label: '7–30 d', upTo: '30 days' },
  { bucket: 'OVER_30_DAYS', label: '> 30 d', upTo: null },
] as const;

export interface AgeCount {
  bucket: (typeof AGE_BUCKETS)[number]['bucket'];
  label: string;
  count: number;
}

/**
 * The unanswered queue now, by age: open questions with no reply (the forum's own
 * "Unanswered" rule, reply_count = 0, which counts visible replies), in every bucket (zeros
 * included). One statement over threads_unanswered_idx (or its per-category twin).
 */
export async function unansweredByAge(em: EntityManager, viewer: Viewer | null, p: Period): Promise<AgeCount[]> {
  const bucketOf = AGE_BUCKETS.map((b, i) =>
    b.upTo ? `when now() - t.created_at < interval '${b.upTo}' then ${i}` : `else ${i}`,
  ).join(' ');
  const rows = await sql<{ i: number; count: number }>(
    em,
    `select case ${bucketOf} end as i, count(*)::int as count
       from threads t
      where t.deleted_at is null and t.reply_count = 0 and t.status = 'OPEN'
        and ${countedThread(viewer)} ${inCategory(p)}
      group by 1`,
    params(p),
  );
  const counts = new Map(rows.map((r) => [Number(r.i), r.count]));
  return AGE_BUCKETS.map((b, i) => ({ bucket: b.bucket, label: b.label, count: counts.get(i) ?? 0 }));
}

export interface AdvocateRow {
  memberId: number;
  acceptedAnswers: number;
  askersHelped: number;
  advocate: boolean;
}

/**
 * Members who are not staff, by the answers of theirs accepted in the period (then by askers
 * helped), most first. One statement over posts_accepted_at_idx.
 */
export async function topAdvocates(
  em: EntityManager,
  viewer: Viewer | null,
  p: Period,
  first: number,
): Promise<AdvocateRow[]> {
  const rows = await sql<{ member_id: number; accepted: number; askers: number; is_advocate: boolean }>(
    em,
    `select a.author_id as member_id, count(*)::int as accepted, count(distinct t.author_id)::int as askers,
            bool_or(m.is_advocate) as is_advocate
       from posts a
       join threads t on t.id = a.thread_id and t.accepted_post_id = a.id
       join members m on m.id = a.author_id
      where a.accepted_at >= ? and a.accepted_at < ? and a.deleted_at is null and a.hidden_at is null
        and a.accepted_at is not null and m.role = 'MEMBER'
        and ${countedThread(viewer)} ${inCategory(p)}
      group by a.author_id
      order by accepted desc, askers desc, a.author_id
      limit ?`,
    params(p, [p.from, p.to]).concat([first]),
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    acceptedAnswers: r.accepted,
    askersHelped: r.askers,
    advocate: r.is_advocate,
  }));
}
