import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';

const ACCEPT_KINDS = `('ANSWER_ACCEPTED', 'ACCEPTED_AN_ANSWER')`;

/**
 * Moves what ledger events `events` (a CTE returning reputation_events rows) added to the
 * per-category leaderboards from category `from` to category `to`, with the arithmetic of the
 * rollup trigger (weeks, months and all time by the event's UTC day; an accept counts one
 * solution, its reversal takes it back; adjustments count towards all time only). The overall
 * board (category 0) does not change. One statement.
 */
function shiftRollupsSql(events: string): string {
  return `
    with ${events},
    shifted as (
      select p.period, p.start, e.member_id, sum(e.points)::int as points, sum(e.accepted)::int as accepted
        from (select e.member_id, e.points, e.kind, (e.created_at at time zone 'utc')::date as day,
                     case when e.kind = 'ANSWER_ACCEPTED' then 1
                          when o.kind = 'ANSWER_ACCEPTED' then -1 else 0 end as accepted
                from events e left join reputation_events o on o.id = e.reverses_id) e
       cross join lateral (values ('WEEK', date_trunc('week', e.day)::date),
                                  ('MONTH', date_trunc('month', e.day)::date),
                                  ('ALL_TIME', date '1970-01-01')) as p (period, start)
       where p.period = 'ALL_TIME' or e.kind <> 'ADJUSTMENT'
       group by 1, 2, 3
      having sum(e.points) <> 0 or sum(e.accepted) <> 0),
    taken as (
      update reputation_rollups r set points = r.points - s.points, accepted = r.accepted - s.accepted
        from shifted s
       where r.period = s.period and r.period_start = s.start and r.category_id = ? and r.member_id = s.member_id)
    insert into reputation_rollups as r (period, period_start, category_id, member_id, points, accepted)
    select period, start, ?, member_id, points, accepted from shifted
    on conflict (period, period_start, category_id, member_id)
    do update set points = r.points + excluded.points, accepted = r.accepted + excluded.accepted`;
}

/**
 * A thread moved from one category to another: its reputation follows it on the per-category
 * leaderboards. Runs in the move's transaction after the thread row was updated under its
 * lock; the rollup trigger takes the thread's category under a key-share lock (the move holds FOR UPDATE), so no credit can
 * land in the old category once the move holds the thread (and the move sees every credit
 * recorded before it).
 */
export async function moveThreadRollups(
  tx: EntityManager,
  m: { threadId: number; fromCategoryId: number; toCategoryId: number },
): Promise<void> {
  if (m.fromCategoryId === m.toCategoryId) return;
  await sql(tx, shiftRollupsSql('events as (select * from reputation_events where thread_id = ?)'), [
    m.threadId,
    m.fromCategoryId,
    m.toCategoryId,
  ]);
}

/**
 * Replies moved from one thread to another (a merge): their ledger events now name the thread
 * they are in, so a later reversal (a vote taken back, the solution changed in the target)
 * finds them there, and the per-category leaderboards follow. Points never change. With
 * `withAccepts` false the accept credits of the duplicate's solution stay with the duplicate
 * (the target keeps its own solution, and the credit its author earned stands).
 */
export async function reattributeMovedPosts(
  tx: EntityManager,
  m: {
    postIds: number[];
    fromThreadId: number;
    toThreadId: number;
    fromCategoryId: number;
    toCategoryId: number;
    withAccepts: boolean;
  },
): Promise<void> {
  if (m.postIds.length === 0) return;
  const accepts = `(e.kind in ${ACCEPT_KINDS} or exists (
      select 1 from reputation_events o where o.id = e.reverses_id and o.kind in ${ACCEPT_KINDS}))`;
  const moved = `events as (
      update reputation_events e set thread_id = ?
       where e.thread_id = ? and e.post_id = any(?::int[]) ${m.withAccepts ? '' : `and not ${accepts}`}
      returning e.*)`;
  const params = [m.toThreadId, m.fromThreadId, `{${m.postIds.join(',')}}`];
  if (m.fromCategoryId === m.toCategoryId) {
    await sql(tx, `with ${moved} select count(*) from events`, params);
    return;
  }
  await sql(tx, shiftRollupsSql(moved), [...params, m.fromCategoryId, m.toCategoryId]);
}
