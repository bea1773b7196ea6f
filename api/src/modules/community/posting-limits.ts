import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaffViewer, type Guardian } from '../../platform/authz/guardian.js';
import { describeWait, limited, type AbuseLimits } from '../../platform/abuse-limits.js';
import { sql } from '../../platform/db/sql.js';
import { isNewMember } from '../reputation/privileges.js';
import type { Category } from './category.entity.js';

/**
 * Posting, editing and voting limits (SECURITY.md; numbers in platform/abuse-limits.ts). Each
 * refusal is RATE_LIMITED with the limit and when it lifts, thrown inside the writing
 * transaction before anything is written. Staff are exempt.
 *
 * Posts, threads and edits are counted from the member's own rows (the database is the source
 * of truth: deleting a post gives nothing back), with (author, created_at) indexes. Votes are
 * counted in a per-member daily counter row, so the vote path gains one statement only.
 */

const DAY_MS = 86_400_000;
/** pg_advisory_xact_lock(class, member id): the class keeps these locks apart from any other use. */
const MEMBER_WRITES_LOCK = 0x48524c4d; // "HRLM"

/**
 * Serializes one member's limited writes (posts, threads, edits): a transaction-scoped advisory
 * lock, so two concurrent requests are checked one after the other and the second sees the
 * first's row (each check is a new statement under READ COMMITTED).
 *
 * Not the member row (FOR NO KEY UPDATE): a vote locks the thread, then updates its author's
 * member row (the reputation total); a reply by that author that had locked their own row and
 * then updated the thread's reply count would deadlock with it. Only a member's own limited
 * writes take this lock, each before any row lock, so it can wait on nothing that waits on it.
 */
export async function lockMemberWrites(tx: EntityManager, memberId: number): Promise<void> {
  await sql(tx, 'select pg_advisory_xact_lock(?::int, ?::int)', [MEMBER_WRITES_LOCK, memberId]);
}

/**
 * Invisible characters removed, whitespace folded, lower-cased: what "the same body" compares,
 * in SQL on both sides (the stored body and the new one), so both are folded alike.
 */
const INVISIBLE = String.raw`[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f\U000e0100-\U000e01ef]`;
const SPACES = String.raw`[[:space:]\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+`;
const folded = (expr: string) => `lower(btrim(regexp_replace(regexp_replace(${expr}, ?, '', 'g'), ?, ' ', 'g')))`;

interface Check {
  column: string;
  params: unknown[];
  /** Given the column's value (a timestamp or null), the refusal or null. */
  refusal: (at: Date | null) => { message: string; retryAfter: number } | null;
}

/** The category a post goes to, for its slow mode (an admin's per-category setting). */
export type PostCategory = Pick<Category, 'id' | 'name' | 'slowModeSeconds'>;

/**
 * Checks a new post (a question when `thread`, else a reply) against the interval, identical
 * text, threads-per-day and first-day-replies limits and its category's slow mode: one lock and
 * one statement, only for what is switched on. Call first in the writing transaction.
 */
export async function ensurePostAllowed(
  tx: EntityManager,
  guardian: Guardian,
  limits: AbuseLimits,
  post: { body: string; thread: boolean; category: PostCategory },
): Promise<void> {
  const viewer = guardian.requireViewer();
  if (isStaffViewer(viewer)) return;
  const now = Date.now();
  const isNew = isNewMember(guardian.settings, viewer, new Date(now));
  const since = (ms: number) => new Date(now - ms);
  const waitFrom = (at: Date, ms: number) => (at.getTime() + ms - now) / 1000;
  const who = isNew ? 'new members: ' : '';
  const checks: Check[] = [];

  const postInterval = (isNew ? limits.newMemberPostIntervalSeconds : limits.postIntervalSeconds) * 1000;
  if (postInterval > 0) {
    checks.push({
      column: 'select max(created_at) from posts where author_id = ? and created_at > ?',
      params: [viewer.id, since(postInterval)],
      refusal: (at) =>
        at && {
          retryAfter: waitFrom(at, postInterval),
          message: `You can post again in ${describeWait(waitFrom(at, postInterval))} (${who}one post every ${describeWait(postInterval / 1000)}).`,
        },
    });
  }
  const threadInterval = (isNew ? limits.newMemberThreadIntervalSeconds : limits.threadIntervalSeconds) * 1000;
  if (post.thread && threadInterval > 0) {
    checks.push({
      column: 'select max(created_at) from threads where author_id = ? and created_at > ?',
      params: [viewer.id, since(threadInterval)],
      refusal: (at) =>
        at && {
          retryAfter: waitFrom(at, threadInterval),
          message: `You can start another thread in ${describeWait(waitFrom(at, threadInterval))} (${who}one thread every ${describeWait(threadInterval / 1000)}).`,
        },
    });
  }
  const slowMode = post.category.slowModeSeconds * 1000;
  if (slowMode > 0) {
    checks.push({
      column: `select max(p.created_at) from posts p join threads t on t.id = p.thread_id
                where p.author_id = ? and p.created_at > ? and t.category_id = ?`,
      params: [viewer.id, since(slowMode), post.category.id],
      refusal: (at) =>
        at && {
          retryAfter: waitFrom(at, slowMode),
          message: `${post.category.name} is in slow mode: one post every ${describeWait(slowMode / 1000)}. You can post there again in ${describeWait(waitFrom(at, slowMode))}.`,
        },
    });
  }
  const identical = limits.identicalPostSeconds * 1000;
  if (identical > 0) {
    checks.push({
      column: `select max(created_at) from posts where author_id = ? and created_at > ?
                  and ${folded('body')} = ${folded('?')}`,
      params: [viewer.id, since(identical), INVISIBLE, SPACES, post.body, INVISIBLE, SPACES],
      refusal: (at) =>
        at && {
          retryAfter: waitFrom(at, identical),
          message: `You already posted this same text. You can post it again in ${describeWait(waitFrom(at, identical))} (the same text is refused for ${describeWait(identical / 1000)}).`,
        },
    });
  }
  if (post.thread && limits.threadsPerDay > 0) {
    // The threadsPerDay-th most recent thread in the last 24 hours: while there is one, the cap
    // is reached, and it lifts when that thread is 24 hours old.
    checks.push({
      column:
        'select created_at from threads where author_id = ? and created_at > ? order by created_at desc offset ? limit 1',
      params: [viewer.id, since(DAY_MS), limits.threadsPerDay - 1],
      refusal: (at) =>
        at && {
          retryAfter: waitFrom(at, DAY_MS),
          message: `You can start at most ${limits.threadsPerDay} threads a day. You can start another in ${describeWait(waitFrom(at, DAY_MS))}.`,
        },
    });
  }
  const firstDayEnds = viewer.createdAt.getTime() + DAY_MS;
  if (!post.thread && isNew && now < firstDayEnds && limits.firstDayReplies > 0) {
    checks.push({
      column:
        'select created_at from posts where author_id = ? and not is_question order by created_at desc offset ? limit 1',
      params: [viewer.id, limits.firstDayReplies - 1],
      refusal: (at) =>
        at && {
          retryAfter: (firstDayEnds - now) / 1000,
          message: `New members can post at most ${limits.firstDayReplies} replies on their first day. You can reply again in ${describeWait((firstDayEnds - now) / 1000)}.`,
        },
    });
  }
  if (checks.length === 0) return;

  await lockMemberWrites(tx, viewer.id);
  const [row] = await sql<Record<string, Date | null>>(
    tx,
    `select ${checks.map((c, i) => `(${c.column}) as c${i}`).join(', ')}`,
    checks.flatMap((c) => c.params),
  );
  // Of the limits reached, report the one that lifts last: that is when posting works again.
  const refusals = checks.flatMap((c, i) => c.refusal(row![`c${i}`] ? new Date(row![`c${i}`]!) : null) ?? []);
  const worst = refusals.sort((a, b) => b.retryAfter - a.retryAfter)[0];
  if (worst) throw limited(worst.message, worst.retryAfter);
}

/** Edits per 24 hours (revisions after the first, of anyone's posts). Call first in the transaction. */
export async function ensureEditAllowed(tx: EntityManager, guardian: Guardian, limits: AbuseLimits): Promise<void> {
  const viewer = guardian.requireViewer();
  if (isStaffViewer(viewer) || limits.editsPerDay === 0) return;
  const now = Date.now();
  await lockMemberWrites(tx, viewer.id);
  const [row] = await sql<{ at: Date | null }>(
    tx,
    `select (select created_at from post_revisions where editor_id = ? and revision > 1 and created_at > ?
              order by created_at desc offset ? limit 1) as at`,
    [viewer.id, new Date(now - DAY_MS), limits.editsPerDay - 1],
  );
  if (row?.at) {
    const wait = (new Date(row.at).getTime() + DAY_MS - now) / 1000;
    throw limited(
      `You can edit at most ${limits.editsPerDay} times a day. You can edit again in ${describeWait(wait)}.`,
      wait,
    );
  }
}

/**
 * Votes per UTC day: one upsert of the voter's counter row for today, which counts the vote only
 * while under the cap (a vote rolled back, e.g. CONFLICT, takes its count with it). The row lock
 * serializes one member's votes; nothing else locks it, so it cannot deadlock. Retracting a vote
 * (0) is not counted. Call first in the vote's transaction.
 */
export async function ensureVoteAllowed(
  tx: EntityManager,
  guardian: Guardian,
  limits: AbuseLimits,
  value: number,
): Promise<void> {
  const viewer = guardian.requireViewer();
  if (value === 0 || limits.votesPerDay === 0 || isStaffViewer(viewer)) return;
  const counted = await sql(
    tx,
    `insert into member_vote_days as d (member_id, day, votes) values (?, (now() at time zone 'utc')::date, 1)
     on conflict (member_id, day) do update set votes = d.votes + 1 where d.votes < ?
     returning votes`,
    [viewer.id, limits.votesPerDay],
  );
  if (counted.length === 0) {
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    const wait = (midnight.getTime() - Date.now()) / 1000;
    throw limited(
      `You can vote at most ${limits.votesPerDay} times a day. You can vote again in ${describeWait(wait)} (at midnight UTC).`,
      wait,
    );
  }
}
