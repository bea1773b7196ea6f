import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../platform/authz/actor.js';
import { sql } from '../../../platform/db/sql.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { answerFor, baselineOf, contributorsOf, draftFrom, type ThreadSource } from '../article-source.js';
import { addContributors, insertVersion, setBaseline, writeContent, type Render } from '../article-writes.js';
import '../knowledge.events.js';

/**
 * Makes the thread's article: a draft built from its question and answer, version 1, with its
 * contributors and baseline. One thread makes at most one article: the unique source thread
 * turns a second attempt (a racing subscriber, a staff member, a replay) into null.
 */
export async function draftFromThread(
  tx: EntityManager,
  actor: Actor,
  source: ThreadSource,
  opts: { authorId: number | null; chosenPostId: number | null; render: Render },
): Promise<number | null> {
  const answer = answerFor(source, opts.chosenPostId);
  if (!answer) return null;
  const { content, sources } = draftFrom(source, answer);
  const [created] = await sql<{ id: number }>(
    tx,
    `insert into articles (title, issue, resolution, source_thread_id, source_post_id, queued_at)
     values (?, ?, ?, ?, ?, now())
     on conflict (source_thread_id) do nothing returning id`,
    [content.title, content.issue, content.resolution, source.threadId, answer.postId],
  );
  if (!created) return null;
  await writeContent(tx, opts.render, created.id, content);
  await insertVersion(tx, {
    articleId: created.id,
    number: 1,
    authorId: opts.authorId,
    content,
    sources,
    changed: [],
    note: opts.authorId === null ? 'Drafted from the thread' : 'Started from an answer',
  });
  await addContributors(tx, created.id, contributorsOf(source, answer));
  await setBaseline(tx, created.id, baselineOf(source, answer, opts.chosenPostId !== null));
  await recordEvent(tx, actor, {
    name: 'article.created',
    subject: ref('article', created.id),
    related: [ref('thread', source.threadId), ref('post', answer.postId)],
    data: {
      articleId: created.id,
      threadId: source.threadId,
      postId: answer.postId,
      automatic: opts.authorId === null,
    },
  });
  return created.id;
}
