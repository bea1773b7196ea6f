import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../platform/authz/actor.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import '../community.events.js';
import { Post } from '../post.entity.js';
import type { Thread } from '../thread.entity.js';
import { readablePost } from '../visibility.js';

const MAX_REASON = 500;

function validReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw new ValidationError({ reason: 'Say why the post is hidden: its author reads it.' });
  if (trimmed.length > MAX_REASON) throw new ValidationError({ reason: `At most ${MAX_REASON} characters.` });
  return trimmed;
}

/**
 * Hides a post pending review in the caller's transaction, which holds the post's lock
 * (readablePost with `lock`). `byId` is the moderator, or null for the system (the flags'
 * weight). Returns the fresh row, or null when it was hidden already: hiding happens once.
 */
export async function markHidden(
  tx: EntityManager,
  actor: Actor,
  target: { post: Post; thread: Thread; byId: number | null; reason: string },
): Promise<Post | null> {
  const { post, thread } = target;
  const [row] = await sql<Record<string, unknown>>(
    tx,
    `update posts set hidden_at = now(), hidden_by = ?, hidden_reason = ?
      where id = ? and hidden_at is null returning *`,
    [target.byId, target.reason, post.id],
  );
  if (!row) return null;
  await recordEvent(tx, actor, {
    name: 'post.hidden',
    subject: ref('post', post.id),
    related: [ref('thread', thread.id), ref('member', post.authorId)],
    data: {
      postId: post.id,
      threadId: thread.id,
      authorId: post.authorId,
      isQuestion: post.isQuestion,
      byId: target.byId,
      reason: target.reason,
      before: { hidden: false },
      after: { hidden: true, reason: target.reason },
    },
  });
  return snapshotShape(tx, Post).map(row);
}

/** Shows a hidden post again, in the caller's transaction (post locked); null when it was not hidden. */
export async function markUnhidden(
  tx: EntityManager,
  actor: Actor,
  target: { post: Post; thread: Thread; reason: string | null },
): Promise<Post | null> {
  const { post, thread } = target;
  const [row] = await sql<Record<string, unknown> & { old_reason: string }>(
    tx,
    `update posts p set hidden_at = null, hidden_by = null, hidden_reason = null
       from (select hidden_reason from posts where id = ? for no key update) old
      where p.id = ? and p.hidden_at is not null returning p.*, old.hidden_reason as old_reason`,
    [post.id, post.id],
  );
  if (!row) return null;
  await recordEvent(tx, actor, {
    name: 'post.unhidden',
    subject: ref('post', post.id),
    related: [ref('thread', thread.id), ref('member', post.authorId)],
    data: {
      postId: post.id,
      threadId: thread.id,
      authorId: post.authorId,
      isQuestion: post.isQuestion,
      reason: target.reason,
      before: { hidden: true, reason: row.old_reason },
      after: { hidden: false },
    },
  });
  return snapshotShape(tx, Post).map(row);
}

/** A moderator hides a post pending review, saying why (its author reads the reason). */
export async function hidePost(scope: Scope, input: { postId: number; reason: string }): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const found = await readablePost(scope.em, viewer, input.postId);
  scope.guardian.ensureCan('post.hide', found);
  const reason = validReason(input.reason);
  return transact(scope.em, async (tx) => {
    const locked = await readablePost(tx, viewer, input.postId, { lock: true });
    scope.guardian.ensureCan('post.hide', locked);
    const hidden = await markHidden(tx, scope.guardian.requireActor(), { ...locked, byId: viewer.id, reason });
    if (!hidden) throw new ConflictError('This post is already hidden.');
    return hidden;
  });
}

/** A moderator shows a hidden post again. */
export async function unhidePost(scope: Scope, input: { postId: number; reason?: string | null }): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const found = await readablePost(scope.em, viewer, input.postId);
  scope.guardian.ensureCan('post.hide', found);
  const reason = input.reason == null || input.reason.trim() === '' ? null : validReason(input.reason);
  return transact(scope.em, async (tx) => {
    const locked = await readablePost(tx, viewer, input.postId, { lock: true });
    scope.guardian.ensureCan('post.hide', locked);
    const shown = await markUnhidden(tx, scope.guardian.requireActor(), { ...locked, reason });
    if (!shown) throw new ConflictError('This post is not hidden.');
    return shown;
  });
}
