import { transact } from '../../../platform/db/transact.js';
import { claimIdempotencyKey, recordIdempotentResult } from '../../../platform/idempotency.js';
import { isStaffViewer } from '../../../platform/authz/guardian.js';
import { assertValid, NotFoundError, type FieldErrors } from '../../../platform/errors.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import '../community.events.js';
import { readableThread } from '../visibility.js';
import { PostRevision } from '../post-revision.entity.js';
import { ensureLinksAllowed, ensureMentionsAllowed } from '../post-limits.js';
import { ensurePostAllowed } from '../posting-limits.js';
import { validateBody } from '../post.rules.js';
import { Post } from '../post.entity.js';
import type { ThreadStatus } from '../thread.entity.js';
import { renderBody } from '../render-body.js';

/**
 * Adds a reply. The thread's counter update doubles as the status check (it only matches an
 * open thread not merged away), so a reply cannot slip in after a concurrent close, lock or merge.
 */
export async function postReply(scope: Scope, input: { threadId: number; body: string }): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const errors: FieldErrors = {};
  const body = validateBody(input.body, errors);
  const { thread, category } = await readableThread(scope.em, viewer, input.threadId);
  scope.guardian.ensureCan('thread.reply', thread);
  assertValid(errors);

  const bodyHtml = await renderBody(scope, body);
  ensureLinksAllowed(scope.guardian, bodyHtml);
  ensureMentionsAllowed(scope.guardian, bodyHtml);
  return transact(scope.em, async (tx) => {
    const replayed = await claimIdempotencyKey(tx, scope, 'postReply', input);
    if (replayed !== null) return tx.findOneOrFail(Post, replayed);
    await ensurePostAllowed(tx, scope.guardian, scope.settings.abuseLimits, { body, thread: false, category });
    const updated = await sql<{ category_id: number }>(
      tx,
      `update threads set reply_count = reply_count + 1, last_activity_at = now()
        where id = ? and deleted_at is null and merged_into_id is null
          and (status in ('OPEN', 'ANSWERED') or ?::boolean)
        returning category_id`,
      [thread.id, isStaffViewer(viewer)],
    );
    if (updated.length === 0) {
      // Closed, locked, merged or deleted since we looked: report it as the policy would.
      const [row] = await sql<{ status: ThreadStatus; deleted_at: Date | null; merged_into_id: number | null }>(
        tx,
        'select status, deleted_at, merged_into_id from threads where id = ?',
        [thread.id],
      );
      if (!row || row.deleted_at) throw new NotFoundError('Thread');
      scope.guardian.ensureCan('thread.reply', { ...thread, status: row.status, mergedIntoId: row.merged_into_id });
      throw new Error(`reply refused for thread ${thread.id} in status ${row.status}`);
    }
    const now = new Date();
    const post = tx.create(Post, { threadId: thread.id, authorId: viewer.id, body, bodyHtml, createdAt: now });
    await tx.flush();
    tx.create(PostRevision, { postId: post.id, revision: 1, editorId: viewer.id, body, createdAt: now });
    await tx.flush();
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'post.created',
      subject: ref('post', post.id),
      related: [ref('thread', thread.id), ref('member', viewer.id)],
      data: { postId: post.id, threadId: thread.id, categoryId: updated[0]!.category_id, authorId: viewer.id },
    });
    await recordIdempotentResult(tx, scope, post.id);
    return post;
  });
}
