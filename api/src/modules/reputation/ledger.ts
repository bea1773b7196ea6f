import type { EntityManager } from '@mikro-orm/postgresql';
import { placeholders, sql } from '../../platform/db/sql.js';
import type { ReputationRules } from './reputation.rules.js';

export type ReputationKind =
  | 'QUESTION_UPVOTED'
  | 'ANSWER_UPVOTED'
  | 'DOWNVOTE_RECEIVED'
  | 'DOWNVOTE_CAST'
  | 'ANSWER_ACCEPTED'
  | 'ACCEPTED_AN_ANSWER'
  | 'STAFF_PICK'
  | 'POST_REMOVED'
  | 'ADJUSTMENT'
  | 'ARTICLE_PROMOTED'
  | 'REVERSAL';

const UPVOTE_KINDS: ReputationKind[] = ['QUESTION_UPVOTED', 'ANSWER_UPVOTED'];
const DOWNVOTE_KINDS: ReputationKind[] = ['DOWNVOTE_RECEIVED', 'DOWNVOTE_CAST'];
/** What a vote credits the member voted for (serial voting reverses these). */
export const VOTE_RECEIVED_KINDS: ReputationKind[] = ['QUESTION_UPVOTED', 'ANSWER_UPVOTED', 'DOWNVOTE_RECEIVED'];
const ACCEPT_KINDS: ReputationKind[] = ['ANSWER_ACCEPTED', 'ACCEPTED_AN_ANSWER'];

interface Credit {
  memberId: number;
  kind: ReputationKind;
  points: number;
  postId: number;
  threadId: number;
  actorId: number;
  /** Counts against the member's daily vote cap. */
  capped: boolean;
  reason?: string;
}

/**
 * Writes one ledger event and moves the member's cached total by the same points, inside the
 * caller's transaction. A capped credit first upserts the member's counter for the UTC day
 * (reputation_cap_days): the upsert locks that row and reads its latest committed value, so
 * concurrent credits to one member are counted against the cap one after another. A credit
 * that crosses the cap is credited in part (uncapped_points keeps what it would have been).
 */
async function credit(tx: EntityManager, rules: ReputationRules, c: Credit): Promise<void> {
  if (c.points === 0) return;
  if (c.capped && c.points > 0) {
    await sql(
      tx,
      `with day as (select (now() at time zone 'utc')::date as d),
            counted as (
              insert into reputation_cap_days as k (member_id, day, earned, last_credit)
              select ?, day.d, least(?::int, ?::int), least(?::int, ?::int) from day
              on conflict (member_id, day) do update
                set last_credit = least(excluded.last_credit, greatest(0, ?::int - k.earned)),
                    earned = k.earned + least(excluded.last_credit, greatest(0, ?::int - k.earned))
              returning last_credit),
            ev as (insert into reputation_events
                     (member_id, kind, points, post_id, thread_id, actor_id, cap_day, uncapped_points)
                   select ?, ?, counted.last_credit, ?, ?, ?, day.d, ? from counted, day
                   returning points)
       update members m set reputation = m.reputation + ev.points from ev where m.id = ?`,
      [
        c.memberId,
        c.points,
        rules.dailyVoteCap,
        c.points,
        rules.dailyVoteCap,
        rules.dailyVoteCap,
        rules.dailyVoteCap,
        c.memberId,
        c.kind,
        c.postId,
        c.threadId,
        c.actorId,
        c.points,
        c.memberId,
      ],
    );
    return;
  }
  await sql(
    tx,
    `with ev as (insert into reputation_events (member_id, kind, points, post_id, thread_id, actor_id, reason)
                 values (?, ?, ?, ?, ?, ?, ?) returning points)
     update members m set reputation = m.reputation + ev.points from ev where m.id = ?`,
    [c.memberId, c.kind, c.points, c.postId, c.threadId, c.actorId, c.reason ?? null, c.memberId],
  );
}

/**
 * Undoes every not-yet-undone event of `kinds` caused by `actorId` on `where`: one REVERSAL per
 * event, worth exactly what was credited (a partly capped credit is undone in part), counted
 * against the same day's cap as the event it undoes (its counter moves back). `reverses_id` is
 * unique, so an event is never undone twice.
 */
export async function reverse(
  tx: EntityManager,
  where: { postId?: number; threadId?: number; actorId?: number; memberId?: number; articleId?: number; since?: Date },
  kinds: ReputationKind[],
  reason: string,
): Promise<number> {
  const conditions = [`e.kind in (${placeholders(kinds)})`];
  const params: unknown[] = [...kinds];
  const columns = {
    postId: 'post_id',
    threadId: 'thread_id',
    actorId: 'actor_id',
    memberId: 'member_id',
    articleId: 'article_id',
  } as const;
  for (const key of ['postId', 'threadId', 'actorId', 'memberId', 'articleId'] as const) {
    if (where[key] === undefined) continue;
    conditions.push(`e.${columns[key]} = ?`);
    params.push(where[key]);
  }
  if (where.since) {
    conditions.push('e.created_at >= ?');
    params.push(where.since);
  }
  const [row] = await sql<{ n: number }>(
    tx,
    `with targets as (
        select e.* from reputation_events e
         where ${conditions.join(' and ')}
           and not exists (select 1 from reputation_events r where r.reverses_id = e.id)
         order by e.id for update of e),
      rev as (
        insert into reputation_events
          (member_id, kind, points, post_id, thread_id, article_id, actor_id, reverses_id, cap_day, reason)
        select member_id, 'REVERSAL', -points, post_id, thread_id, article_id, actor_id, id, cap_day, ? from targets
        returning member_id, points, cap_day),
      counters as (
        update reputation_cap_days k set earned = k.earned + s.delta
          from (select member_id, cap_day, sum(points)::int as delta from rev
                 where cap_day is not null group by 1, 2) s
         where k.member_id = s.member_id and k.day = s.cap_day
        returning 1),
      -- Counters before members (the uncorrelated count runs first, as an InitPlan): the lock
      -- order of credit(). A reversal that moves no counter locks only members, so a
      -- transaction that also makes a capped credit makes it first (applyVoteReputation).
      -- Members are locked in id order: a reversal touching two members (an accept: answerer
      -- and asker) must not meet another locking them the other way round. NO KEY UPDATE, as
      -- the update below takes: it leaves foreign-key checks (KEY SHARE) of inserts that
      -- reference the member unblocked.
      locked as (
        select m.id from members m
         where m.id in (select member_id from rev) and (select count(*) from counters) >= 0
         order by m.id for no key update),
      totals as (
        update members m set reputation = m.reputation + s.delta
          from (select member_id, sum(points)::int as delta from rev group by member_id) s
         where m.id = s.member_id and (select count(*) from locked) >= 0)
     select count(*)::int as n from rev`,
    [...params, reason],
  );
  return row!.n;
}

/**
 * The reputation effects of a member's vote changing from `previous` to `next` (1, -1, 0):
 * the old vote's events are reversed, the new vote's written. Runs in the vote's transaction,
 * with the vote row already locked.
 *
 * An upvote is credited before the old vote is reversed: its credit locks the author's cap
 * counter, then the author, as every other upvote to that author does. Reversing a downvote
 * first would lock the author before the counter, and deadlock with a concurrent upvote on
 * another of the author's posts.
 */
export async function applyVoteReputation(
  tx: EntityManager,
  rules: ReputationRules,
  v: {
    post: { id: number; authorId: number; isQuestion: boolean; threadId: number };
    voterId: number;
    previous: number;
    next: number;
  },
): Promise<void> {
  const { post, voterId } = v;
  const source = { postId: post.id, threadId: post.threadId, actorId: voterId };
  // Only the old vote's kinds: after an upvote's credit, its new event must not be undone.
  const reverseOld = () =>
    v.previous === 0
      ? Promise.resolve(0)
      : reverse(
          tx,
          { postId: post.id, actorId: voterId },
          v.previous === 1 ? UPVOTE_KINDS : DOWNVOTE_KINDS,
          v.next === 0 ? 'vote retracted' : 'vote changed',
        );
  if (v.next === 1) {
    await credit(tx, rules, {
      ...source,
      memberId: post.authorId,
      kind: post.isQuestion ? 'QUESTION_UPVOTED' : 'ANSWER_UPVOTED',
      points: post.isQuestion ? rules.questionUpvoted : rules.answerUpvoted,
      capped: true,
    });
    await reverseOld();
    return;
  }
  await reverseOld();
  if (v.next === -1) {
    await credit(tx, rules, {
      ...source,
      memberId: post.authorId,
      kind: 'DOWNVOTE_RECEIVED',
      points: rules.downvoteReceived,
      capped: false,
    });
    if (!post.isQuestion) {
      await credit(tx, rules, {
        ...source,
        memberId: voterId,
        kind: 'DOWNVOTE_CAST',
        points: rules.downvoteCastOnAnswer,
        capped: false,
      });
    }
  }
}

/**
 * The reputation effects of accepting `answer` on a thread (after reversing those of any
 * earlier accept): the answerer earns the accept, and the asker a little for accepting someone
 * else's answer. Accepting your own answer earns nothing.
 */
export async function applyAcceptReputation(
  tx: EntityManager,
  rules: ReputationRules,
  a: { threadId: number; askerId: number; accepterId: number; answer: { id: number; authorId: number } | null },
): Promise<void> {
  // Everyone this may touch (the earlier accept's members, the answerer, the asker) is locked
  // first and in id order, as reverse() locks members: accepts across threads that share
  // members would otherwise lock them in different orders, and deadlock.
  await sql(
    tx,
    // One array of ids probed by primary key: `id in (subquery) or id in (…)` made PostgreSQL
    // test every member against the subquery (all 50,000 on the large seed: 0.37 s per accept,
    // against 0.1 ms now; EXPLAIN ANALYZE).
    `select id from members
      where id = any(array(select member_id from reputation_events
                            where thread_id = ? and kind in (${placeholders(ACCEPT_KINDS)})) || array[?, ?]::int[])
      order by id for no key update`,
    [a.threadId, ...ACCEPT_KINDS, a.askerId, a.answer?.authorId ?? a.askerId],
  );
  await reverse(tx, { threadId: a.threadId }, ACCEPT_KINDS, a.answer ? 'another answer accepted' : 'answer unaccepted');
  if (!a.answer || a.answer.authorId === a.askerId) return;
  const source = { postId: a.answer.id, threadId: a.threadId, actorId: a.accepterId, capped: false };
  await credit(tx, rules, {
    ...source,
    memberId: a.answer.authorId,
    kind: 'ANSWER_ACCEPTED',
    points: rules.answerAccepted,
  });
  if (a.accepterId === a.askerId) {
    await credit(tx, rules, {
      ...source,
      memberId: a.askerId,
      kind: 'ACCEPTED_AN_ANSWER',
      points: rules.acceptedAnAnswer,
    });
  }
}

/**
 * Staff picked (`picked`) or un-picked an answer: the pick credits its author outside the
 * vote cap; un-picking reverses that credit. Picking your own answer earns nothing.
 */
export async function applyStaffPickReputation(
  tx: EntityManager,
  rules: ReputationRules,
  p: { post: { id: number; authorId: number; threadId: number }; actorId: number; picked: boolean },
): Promise<void> {
  if (!p.picked) {
    await reverse(tx, { postId: p.post.id }, ['STAFF_PICK'], 'staff pick withdrawn');
    return;
  }
  if (p.post.authorId === p.actorId) return;
  await credit(tx, rules, {
    memberId: p.post.authorId,
    kind: 'STAFF_PICK',
    points: rules.staffPick,
    postId: p.post.id,
    threadId: p.post.threadId,
    actorId: p.actorId,
    capped: false,
  });
}

/**
 * An article made from a member's answer was published (`published`) or withdrawn: publishing
 * credits the answer's author the promotion points, outside the vote cap, unless a credit for
 * this article is still standing (a staged edit published again earns nothing more) or the
 * publisher wrote the answer; withdrawing reverses it. The caller holds the article's lock.
 */
export async function applyArticlePromotionReputation(
  tx: EntityManager,
  rules: ReputationRules,
  p: {
    articleId: number;
    authorId: number | null;
    postId: number | null;
    threadId: number | null;
    actorId: number;
    published: boolean;
  },
): Promise<void> {
  if (!p.published) {
    await reverse(tx, { articleId: p.articleId }, ['ARTICLE_PROMOTED'], 'article withdrawn');
    return;
  }
  if (p.authorId === null || p.authorId === p.actorId || rules.articlePromoted === 0) return;
  await sql(
    tx,
    `with ev as (
       insert into reputation_events (member_id, kind, points, post_id, thread_id, article_id, actor_id)
       select ?, 'ARTICLE_PROMOTED', ?, ?, ?, ?, ?
        where not exists (select 1 from reputation_events e
                           where e.article_id = ? and e.kind = 'ARTICLE_PROMOTED'
                             and not exists (select 1 from reputation_events r where r.reverses_id = e.id))
       returning member_id, points)
     update members m set reputation = m.reputation + ev.points from ev where m.id = ev.member_id`,
    [p.authorId, rules.articlePromoted, p.postId, p.threadId, p.articleId, p.actorId, p.articleId],
  );
}

/**
 * A post left the thread (deleted by its author, or removed by a moderator): if it was the
 * solution, the accept's reputation goes with it, and so does a staff pick's; a removal as
 * spam or abuse costs its author the removal penalty (never a moderator's own post).
 */
export async function applyRemovalReputation(
  tx: EntityManager,
  rules: ReputationRules,
  r: {
    post: { id: number; authorId: number; threadId: number };
    actorId: number;
    wasAccepted: boolean;
    wasPicked: boolean;
    penalised: boolean;
    reason: string;
  },
): Promise<void> {
  if (r.wasAccepted) await reverse(tx, { threadId: r.post.threadId }, ACCEPT_KINDS, 'accepted answer deleted');
  if (r.wasPicked) await reverse(tx, { postId: r.post.id }, ['STAFF_PICK'], 'picked answer deleted');
  if (!r.penalised || r.post.authorId === r.actorId) return;
  await credit(tx, rules, {
    memberId: r.post.authorId,
    kind: 'POST_REMOVED',
    points: rules.postRemovedAsSpamOrAbuse,
    postId: r.post.id,
    threadId: r.post.threadId,
    actorId: r.actorId,
    capped: false,
    reason: r.reason,
  });
}

/** A removed post was restored: its removal penalty is reversed (an accept is not restored). */
export async function applyRestoreReputation(tx: EntityManager, postId: number): Promise<void> {
  await reverse(tx, { postId }, ['POST_REMOVED'], 'post restored');
}

/**
 * A staff correction: points added or taken with a reason, outside the vote cap. A key already
 * used writes nothing and returns null (the command tells a retry from a clash); otherwise the
 * ledger event's id.
 */
export async function adjustReputation(
  tx: EntityManager,
  a: { memberId: number; points: number; actorId: number; reason: string; idempotencyKey: string | null },
): Promise<string | null> {
  const [row] = await sql<{ event_id: string }>(
    tx,
    `with ev as (insert into reputation_events (member_id, kind, points, actor_id, reason, idempotency_key)
                 values (?, 'ADJUSTMENT', ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id, points)
     update members m set reputation = m.reputation + ev.points from ev where m.id = ? returning ev.id::text as event_id`,
    [a.memberId, a.points, a.actorId, a.reason, a.idempotencyKey, a.memberId],
  );
  return row?.event_id ?? null;
}
