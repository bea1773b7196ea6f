import { isStaffViewer } from '../../../platform/authz/guardian.js';
import { transact } from '../../../platform/db/transact.js';
import { eventInsertFrom, ref } from '../../../platform/events/events.js';
import { ConflictError } from '../../../platform/errors.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import { applyVoteReputation } from '../../reputation/ledger.js';
import '../community.events.js';
import { readablePost } from '../visibility.js';
import { ensureVoteAllowed } from '../posting-limits.js';
import type { Post } from '../post.entity.js';

export type VoteValue = -1 | 0 | 1;

/**
 * Sets the viewer's vote on a post to up (1), down (-1) or none (0). One statement locks the
 * post, its thread and the vote row, re-checking that the post is not deleted and its thread
 * not deleted or locked; a second writes the vote row (or inserts it, retrying if a concurrent
 * insert wins), moves the counters by the delta from the committed previous vote and records
 * `post.voted`: concurrent votes never lose one, and the event costs no round trip. Voting the
 * value you already have is CONFLICT. Returns the post with its new score.
 */
export async function votePost(scope: Scope, input: { postId: number; value: VoteValue }): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const actor = scope.guardian.requireActor();
  const { post, thread } = await readablePost(scope.em, viewer, input.postId);
  scope.guardian.ensureCan('post.vote', { post, thread, value: input.value });

  const score = await transact(scope.em, async (tx) => {
    await ensureVoteAllowed(tx, scope.guardian, scope.settings.abuseLimits, input.value);
    for (;;) {
      // Locks in the order every command takes them: the post (which the write below updates),
      // its thread (shared; for update when the vote moves the thread's score too), then the
      // member's vote row. The checks on them hold until commit: a deletion or a lock that
      // committed first is seen here, one that comes later waits for the vote.
      const [state] = await sql<{ ok: boolean; value: number | null }>(
        tx,
        `select target.ok, v.value
           from (select p.deleted_at is null and t.deleted_at is null
                        and (t.status <> 'LOCKED' or ?::boolean) as ok
                   from posts p join threads t on t.id = p.thread_id where p.id = ?
                    for no key update of p ${post.isQuestion ? 'for no key update of t' : 'for share of t'}) target
           left join lateral (select value from post_votes where post_id = ? and voter_id = ? for update) v on true`,
        [isStaffViewer(viewer), post.id, post.id, viewer.id],
      );
      if (!state?.ok) {
        // Deleted or locked meanwhile: answer as a fresh look would.
        const fresh = await readablePost(tx, viewer, post.id);
        scope.guardian.ensureCan('post.vote', { ...fresh, value: input.value });
        throw new ConflictError('This post changed meanwhile; reload and try again.');
      }
      const previous = state.value ?? 0;
      if (previous === input.value) {
        throw new ConflictError(
          input.value === 0
            ? 'You have not voted on this post.'
            : `You have already ${input.value === 1 ? 'up' : 'down'}voted this post.`,
        );
      }
      const up = (input.value === 1 ? 1 : 0) - (previous === 1 ? 1 : 0);
      const down = (input.value === -1 ? 1 : 0) - (previous === -1 ? 1 : 0);
      // The vote row, the counters and the event in one statement. The counters move (and the
      // event is recorded) only if the vote row was written: a first vote loses to a concurrent
      // first vote by the same member when its insert meets that row, and is then re-read.
      const [write, writeParams] =
        input.value === 0
          ? ['delete from post_votes where post_id = ? and voter_id = ? returning 1', [post.id, viewer.id]]
          : state.value !== null
            ? [
                'update post_votes set value = ?, updated_at = now() where post_id = ? and voter_id = ? returning 1',
                [input.value, post.id, viewer.id],
              ]
            : [
                `insert into post_votes (post_id, voter_id, value) values (?, ?, ?)
                 on conflict (post_id, voter_id) do nothing returning 1`,
                [post.id, viewer.id, input.value],
              ];
      const event = eventInsertFrom(
        actor,
        {
          name: 'post.voted',
          subject: ref('post', post.id),
          related: [ref('thread', thread.id), ref('member', post.authorId)],
          data: { postId: post.id, threadId: thread.id, authorId: post.authorId, value: input.value, previous },
        },
        'counted',
        `jsonb_build_object('score', counted.score, 'scoreBefore', counted.score - ${up - down})`,
      );
      const [row] = await sql<{ score: number | null }>(
        tx,
        `with written as (${write}),
              counted as (
                update posts set up_votes = up_votes + ?, down_votes = down_votes + ?, score = score + ?
                 where id = ? and exists (select from written) returning score),
              thread as (
                update threads set score = score + ?
                 where id = ? and ?::boolean and exists (select from counted)),
              event as (${event.text})
         select (select score from counted) as score`,
        [...writeParams, up, down, up - down, post.id, up - down, thread.id, post.isQuestion, ...event.params],
      );
      if (row!.score === null) continue; // a concurrent first vote by the same member won: re-read it
      await applyVoteReputation(tx, scope.settings.reputation, {
        post,
        voterId: viewer.id,
        previous,
        next: input.value,
      });
      return row!.score;
    }
  });
  return { ...post, score };
}
