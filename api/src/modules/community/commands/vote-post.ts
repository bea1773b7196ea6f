import { transact } from '../../../platform/db/transact.js';
import { ConflictError } from '../../../platform/errors.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import type { Loaders } from '../../loaders.js';
import { enqueueBadgeCheck, voteMayEarnBadge } from '../../badges/badges.jobs.js';
import { applyVoteReputation } from '../../reputation/ledger.js';
import { visiblePost } from '../community.queries.js';
import { ensureVoteAllowed } from '../posting-limits.js';
import type { Post } from '../post.entity.js';

export type VoteValue = -1 | 0 | 1;

/**
 * Sets the viewer's vote on a post to up (1), down (-1) or none (0). The vote row is locked
 * (or inserted, retrying if a concurrent insert wins), so the score delta is computed from the
 * committed previous vote and applied with one atomic update: concurrent votes never lose one.
 * Voting the value you already have is CONFLICT.
 */
export async function votePost(
  scope: Scope & { loaders: Loaders },
  input: { postId: number; value: VoteValue },
): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await visiblePost(scope.loaders, viewer, input.postId);
  scope.guardian.ensureCan('post.vote', { post, thread, value: input.value });

  const score = await transact(scope.em, async (tx) => {
    await ensureVoteAllowed(tx, scope.guardian, scope.services.config.abuseLimits, input.value);
    for (;;) {
      const [existing] = await sql<{ value: number }>(
        tx,
        'select value from post_votes where post_id = ? and voter_id = ? for update',
        [post.id, viewer.id],
      );
      const previous = existing?.value ?? 0;
      if (previous === input.value) {
        throw new ConflictError(
          input.value === 0
            ? 'You have not voted on this post.'
            : `You have already ${input.value === 1 ? 'up' : 'down'}voted this post.`,
        );
      }
      const up = (input.value === 1 ? 1 : 0) - (previous === 1 ? 1 : 0);
      const down = (input.value === -1 ? 1 : 0) - (previous === -1 ? 1 : 0);
      // The vote row and the counters in one statement. The counters move only if the vote row
      // was written: a first vote loses to a concurrent first vote by the same member when its
      // insert meets that row, and is then re-read and locked above.
      const [write, writeParams] =
        input.value === 0
          ? ['delete from post_votes where post_id = ? and voter_id = ? returning 1', [post.id, viewer.id]]
          : existing
            ? [
                'update post_votes set value = ?, updated_at = now() where post_id = ? and voter_id = ? returning 1',
                [input.value, post.id, viewer.id],
              ]
            : [
                `insert into post_votes (post_id, voter_id, value) values (?, ?, ?)
                 on conflict (post_id, voter_id) do nothing returning 1`,
                [post.id, viewer.id, input.value],
              ];
      const [row] = await sql<{ score: number | null }>(
        tx,
        `with written as (${write}),
              counted as (
                update posts set up_votes = up_votes + ?, down_votes = down_votes + ?, score = score + ?
                 where id = ? and exists (select from written) returning score),
              thread as (
                update threads set score = score + ?
                 where id = ? and ?::boolean and exists (select from counted))
         select (select score from counted) as score`,
        [...writeParams, up, down, up - down, post.id, up - down, thread.id, post.isQuestion],
      );
      if (row!.score === null) continue; // a concurrent first vote by the same member won: re-read it
      await applyVoteReputation(tx, scope.services.config.reputation, {
        post,
        voterId: viewer.id,
        previous,
        next: input.value,
      });
      if (voteMayEarnBadge(row!.score - (up - down), row!.score)) {
        await enqueueBadgeCheck(scope.services, tx, 'post.voted', [post.authorId]);
      }
      return row!.score;
    }
  });
  scope.loaders.viewerVoteByPostId.clear(post.id).prime(post.id, input.value);
  return Object.assign(Object.create(Object.getPrototypeOf(post)) as Post, post, { score });
}
