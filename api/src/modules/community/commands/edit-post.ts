import { transact } from '../../../platform/db/transact.js';
import { assertValid, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql, textArray } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import type { Loaders } from '../../loaders.js';
import { visiblePost } from '../community.queries.js';
import { ensureLinksAllowed, ensureTagsAllowed, recordTags } from '../post-limits.js';
import { ensureEditAllowed } from '../posting-limits.js';
import { normalizeTags, validateBody, validateTitle } from '../post.rules.js';
import { Post } from '../post.entity.js';

export interface EditPostInput {
  postId: number;
  body: string;
  /** Questions only. */
  title?: string | null;
  /** Questions only. */
  tags?: string[] | null;
}

/**
 * Edits a post and records the new version as the next revision. The post row is locked
 * first, so concurrent edits get consecutive revision numbers and none is lost.
 */
export async function editPost(scope: Scope & { loaders: Loaders }, input: EditPostInput): Promise<Post> {
  const viewer = scope.guardian.requireViewer();
  const { post, thread } = await visiblePost(scope.loaders, viewer, input.postId);
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
  assertValid(errors);
  const unchanged =
    body === post.body &&
    (!post.isQuestion || (title === thread.title && JSON.stringify(tags) === JSON.stringify(thread.tags)));
  if (unchanged) throw new ValidationError({ body: 'Your edit changes nothing.' });

  const bodyHtml = scope.services.markdown(body);
  ensureLinksAllowed(scope.guardian, bodyHtml);
  if (post.isQuestion && tags) {
    await ensureTagsAllowed(
      scope.em,
      scope.guardian,
      tags.filter((t) => !thread.tags.includes(t)),
    );
  }
  const row = await transact(scope.em, async (tx) => {
    await ensureEditAllowed(tx, scope.guardian, scope.services.config.abuseLimits);
    await sql(tx, 'select 1 from posts where id = ? for no key update', [post.id]);
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      `update posts set body = ?, body_html = ?, edited_at = now() where id = ? and deleted_at is null returning *`,
      [body, bodyHtml, post.id],
    );
    await sql(
      tx,
      `insert into post_revisions (post_id, revision, editor_id, title, tags, body)
       select ?, coalesce(max(revision), 0) + 1, ?, ?, ?::text[], ? from post_revisions where post_id = ?`,
      [post.id, viewer.id, title, tags && textArray(tags), body, post.id],
    );
    if (post.isQuestion) {
      await recordTags(tx, tags ?? [], viewer.id);
      await sql(tx, 'update threads set title = ?, tags = ?::text[] where id = ?', [
        title,
        textArray(tags ?? []),
        thread.id,
      ]);
    }
    return updated;
  });
  scope.loaders.threadById.clear(thread.id);
  scope.loaders.revisionsByPostId.clear(post.id);
  const fresh = snapshotShape(scope.em, Post).map(row!);
  scope.loaders.postById.clear(post.id).prime(post.id, fresh);
  return fresh;
}
