import { transact } from '../../../platform/db/transact.js';
import { assertValid, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql, textArray } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import '../community.events.js';
import { readablePost } from '../visibility.js';
import { ensureLinksAllowed, ensureMentionsAllowed, ensureTagsAllowed, recordTags } from '../post-limits.js';
import { ensureEditAllowed } from '../posting-limits.js';
import { normalizeTags, validateBody, validateTitle } from '../post.rules.js';
import { Post } from '../post.entity.js';
import { renderBody } from '../render-body.js';

export interface EditPostInput {
  postId: number;
  body: string;
  /** Questions only. */
  title?: string | null;
  /** Questions only. */
  tags?: string[] | null;
  /** Why, for the edit history; blank is none. */
  reason?: string | null;
}

const MAX_REASON = 300;

/**
 * Edits a post and records the new version as the next revision. The post row is locked
 * first, so concurrent edits get consecutive revision numbers and none is lost.
 */
export async function editPost(scope: Scope, input: EditPostInput): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await readablePost(scope.em, viewer, input.postId);
  scope.guardian.ensureCan('post.edit', { post, thread });

  const errors: FieldErrors = {};
  const body = validateBody(input.body, errors);
  let title: string | null = null;
  let tags: string[] | null = null;
  if (post.isQuestion) {
    title = input.title != null ? validateTitle(input.title, errors) : thread.title;
    tags = input.tags != null ? normalizeTags(input.tags, errors) : thread.tags;
  } else if (input.title != null || input.tags != null) {
    errors.title = 'Only a question has a title and tags.';
  }
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON) errors.reason = `The edit reason is at most ${MAX_REASON} characters.`;
  assertValid(errors);
  const unchanged =
    body === post.body &&
    (!post.isQuestion || (title === thread.title && JSON.stringify(tags) === JSON.stringify(thread.tags)));
  if (unchanged) throw new ValidationError({ body: 'Your edit changes nothing.' });

  const bodyHtml = await renderBody(scope, body);
  ensureLinksAllowed(scope.guardian, bodyHtml);
  ensureMentionsAllowed(scope.guardian, bodyHtml);
  if (post.isQuestion && tags) {
    await ensureTagsAllowed(
      scope.em,
      scope.guardian,
      tags.filter((t) => !thread.tags.includes(t)),
    );
  }
  return transact(scope.em, async (tx) => {
    await ensureEditAllowed(tx, scope.guardian, scope.settings.abuseLimits);
    // Under the lock: deleted (NOT_FOUND) or locked (FORBIDDEN) since we looked stops the edit.
    const current = await readablePost(tx, viewer, post.id, { lock: true });
    scope.guardian.ensureCan('post.edit', current);
    // What the edit leaves alone is taken from the locked rows, not from the read before: a
    // body-only edit must not write back a title another editor changed meanwhile.
    const before = current.thread;
    const newTitle = post.isQuestion ? (input.title != null ? title : before.title) : null;
    const newTags = post.isQuestion ? (input.tags != null ? tags : before.tags) : null;
    const changed = [
      ...(body !== current.post.body ? (['body'] as const) : []),
      ...(post.isQuestion && newTitle !== before.title ? (['title'] as const) : []),
      ...(post.isQuestion && JSON.stringify(newTags) !== JSON.stringify(before.tags) ? (['tags'] as const) : []),
    ];
    if (changed.length === 0) throw new ValidationError({ body: 'Your edit changes nothing.' });
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      `update posts set body = ?, body_html = ?, edited_at = now() where id = ? returning *`,
      [body, bodyHtml, post.id],
    );
    const [revision] = await sql<{ revision: number }>(
      tx,
      `insert into post_revisions (post_id, revision, editor_id, title, tags, body, reason)
       select ?, coalesce(max(revision), 0) + 1, ?, ?, ?::text[], ?, ? from post_revisions where post_id = ?
       returning revision`,
      [post.id, viewer.id, newTitle, newTags && textArray(newTags), body, reason, post.id],
    );
    if (post.isQuestion && (changed.includes('title') || changed.includes('tags'))) {
      await recordTags(tx, newTags ?? [], viewer.id);
      await sql(tx, 'update threads set title = ?, tags = ?::text[] where id = ?', [
        newTitle,
        textArray(newTags ?? []),
        thread.id,
      ]);
    }
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'post.edited',
      subject: ref('post', post.id),
      related: [ref('thread', thread.id), ref('member', post.authorId)],
      data: {
        postId: post.id,
        threadId: thread.id,
        authorId: post.authorId,
        isQuestion: post.isQuestion,
        revision: revision!.revision,
        changed,
        before: {
          ...(changed.includes('title') ? { title: before.title } : {}),
          ...(changed.includes('tags') ? { tags: before.tags } : {}),
        },
        // An edit of a hidden post goes back to the review queue (moderation reacts to this).
        ...(current.post.hiddenAt ? { hidden: true } : {}),
      },
    });
    return snapshotShape(tx, Post).map(updated!);
  });
}
