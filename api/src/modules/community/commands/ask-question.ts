import { transact } from '../../../platform/db/transact.js';
import { claimIdempotencyKey, recordIdempotentResult } from '../../../platform/idempotency.js';
import { assertValid, NotFoundError, type FieldErrors } from '../../../platform/errors.js';
import { sql } from '../../../platform/db/sql.js';
import type { Scope } from '../../../platform/scope.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import '../community.events.js';
import { Category } from '../category.entity.js';
import { mayReadCategory } from '../visibility.js';
import { ensurePostAllowed } from '../posting-limits.js';
import { PostRevision } from '../post-revision.entity.js';
import {
  ensureFirstDayThreadAllowed,
  ensureLinksAllowed,
  ensureMentionsAllowed,
  ensureTagsAllowed,
  recordTags,
} from '../post-limits.js';
import { normalizeTags, validateBody, validateTitle } from '../post.rules.js';
import { Post } from '../post.entity.js';
import { Thread } from '../thread.entity.js';
import { renderBody } from '../render-body.js';

export interface AskQuestionInput {
  categoryId: number;
  title: string;
  body: string;
  tags: string[];
}

/**
 * Starts a thread: the thread, its opening post and revision 1, the category's count and the
 * `thread.created` event, atomically.
 */
export async function askQuestion(scope: Scope, input: AskQuestionInput): Promise<Thread> {
  const author = scope.guardian.requireViewer();
  const errors: FieldErrors = {};
  const title = validateTitle(input.title, errors);
  const body = validateBody(input.body, errors);
  const tags = normalizeTags(input.tags, errors);
  const category = await scope.em.findOne(Category, input.categoryId);
  if (!category || !mayReadCategory(scope.guardian.viewer, category)) throw new NotFoundError('Category');
  scope.guardian.ensureCan('category.post', category);
  assertValid(errors);

  const bodyHtml = await renderBody(scope, body);
  ensureLinksAllowed(scope.guardian, bodyHtml);
  ensureMentionsAllowed(scope.guardian, bodyHtml);
  await ensureTagsAllowed(scope.em, scope.guardian, tags);
  return transact(scope.em, async (tx) => {
    const replayed = await claimIdempotencyKey(tx, scope, 'askQuestion', input);
    if (replayed !== null) return tx.findOneOrFail(Thread, replayed);
    await ensurePostAllowed(tx, scope.guardian, scope.settings.abuseLimits, { body, thread: true, category });
    await ensureFirstDayThreadAllowed(tx, scope.guardian);
    await recordTags(tx, tags, author.id);
    const now = new Date();
    const thread = tx.create(Thread, {
      categoryId: category.id,
      authorId: author.id,
      title,
      tags,
      createdAt: now,
      lastActivityAt: now,
    });
    await tx.flush();
    const post = tx.create(Post, {
      threadId: thread.id,
      authorId: author.id,
      isQuestion: true,
      body,
      bodyHtml,
      createdAt: now,
    });
    await tx.flush();
    thread.questionPostId = post.id;
    tx.create(PostRevision, { postId: post.id, revision: 1, editorId: author.id, title, tags, body, createdAt: now });
    await tx.flush();
    await sql(tx, 'update categories set thread_count = thread_count + 1 where id = ?', [category.id]);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'thread.created',
      subject: ref('thread', thread.id),
      related: [ref('post', post.id), ref('member', author.id), ref('category', category.id)],
      data: { threadId: thread.id, postId: post.id, categoryId: category.id, authorId: author.id, title, tags },
    });
    await recordIdempotentResult(tx, scope, thread.id);
    return thread;
  });
}
