import type { EntityManager } from '@mikro-orm/postgresql';
import { systemActor } from '../../../platform/authz/actor.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import type { EventName } from '../../../platform/events/events.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import type { Services } from '../../../platform/scope.js';
import '../../community/community.events.js';
import { Article, ArticleState } from '../article.entity.js';
import {
  answerFor,
  baselineOf,
  changeDiff,
  contributorsOf,
  describeChange,
  draftFrom,
  loadThreadSource,
  sourceChanges,
} from '../article-source.js';
import {
  addContributors,
  changedFields,
  contentOf,
  flagArticle,
  insertVersion,
  setBaseline,
  writeContent,
  type Render,
} from '../article-writes.js';
import { draftFromThread } from '../commands/draft-from-thread.js';
import '../knowledge.events.js';

/** Events that may make a thread's first article. */
const CREATES: EventName[] = ['answer.accepted', 'post.staff_picked'];
/** Events that may change what an existing article was made from. */
const FOLLOWS: EventName[] = [
  ...CREATES,
  'answer.unaccepted',
  'post.edited',
  'post.deleted',
  'post.removed',
  'post.restored',
  'post.staff_pick_withdrawn',
  'thread.status_changed',
];

const actor = systemActor('knowledge.sources');

/**
 * Drafts made for staff, and articles that notice when their source changes. Every decision
 * compares the article with the thread as it is now (its baseline against the current rows),
 * never with the event alone, so a redelivered batch, a replay or two accepts in quick
 * succession end in the same state: one article per thread, reflecting the last answer.
 * - No article yet, and the thread has an accepted or picked answer: a draft (version 1).
 * - A draft nobody has edited yet: rebuilt from the thread when it changed (a new version).
 * - A draft a person edited, or a published article: flagged "needs review" with the reason
 *   and a diff, never overwritten.
 */
export const followSources: SubscriberDefinition<Services> = {
  name: 'knowledge.sources',
  events: FOLLOWS,
  batchSize: 200,
  handle: async (events, { tx, services }) => {
    const threads = new Map<number, boolean>();
    for (const e of events) {
      const threadId = (e.data as { threadId: number }).threadId;
      threads.set(threadId, (threads.get(threadId) ?? false) || CREATES.includes(e.name));
    }
    // Only threads that have an article, or an event that can make one, need a look.
    const withArticles = new Set(
      (
        await sql<{ t: number }>(
          tx,
          'select source_thread_id as t from articles where source_thread_id = any(?::int[])',
          [`{${[...threads.keys()].join(',')}}`],
        )
      ).map((r) => r.t),
    );
    for (const [threadId, mayCreate] of [...threads].sort((a, b) => a[0] - b[0])) {
      if (withArticles.has(threadId)) await followThread(tx, services.markdown, threadId);
      else if (mayCreate) {
        const source = await loadThreadSource(tx, threadId);
        if (source) {
          await draftFromThread(tx, actor, source, { authorId: null, chosenPostId: null, render: services.markdown });
        }
      }
    }
  },
};

async function followThread(tx: EntityManager, render: Render, threadId: number): Promise<void> {
  const articles = snapshotShape(tx, Article);
  const [row] = await sql<Record<string, unknown>>(
    tx,
    `select ${articles.columns('a')} from articles a where source_thread_id = ? for no key update`,
    [threadId],
  );
  if (!row) return;
  const article = articles.map(row);
  if (article.state === ArticleState.ARCHIVED || !article.sourceBaseline) return;
  const baseline = article.sourceBaseline;
  const source = await loadThreadSource(tx, threadId, baseline.answerPostId);
  const changes = sourceChanges(baseline, source);
  if (changes.length === 0) return;

  const untouchedDraft =
    article.state !== ArticleState.PUBLISHED &&
    article.publishedVersion === null &&
    (await lastVersionBySystem(tx, article));
  const answer = source && answerFor(source, baseline.answerChosen ? baseline.answerPostId : null);
  if (untouchedDraft && source && answer) {
    const { content, sources } = draftFrom(source, answer);
    const changed = changedFields(contentOf(article), content);
    if (changed.length > 0) {
      const number = article.currentVersion + 1;
      await insertVersion(tx, { articleId: article.id, number, authorId: null, content, sources, changed });
      await writeContent(tx, render, article.id, content);
      await sql(tx, 'update articles set current_version = ?, source_post_id = ? where id = ?', [
        number,
        answer.postId,
        article.id,
      ]);
      await recordEvent(tx, actor, {
        name: 'article.updated',
        subject: ref('article', article.id),
        related: [ref('thread', threadId)],
        data: { articleId: article.id, version: number, staged: false, changed, automatic: true },
      });
    }
    await addContributors(tx, article.id, contributorsOf(source, answer));
    await setBaseline(tx, article.id, baselineOf(source, answer, baseline.answerChosen));
    return;
  }
  const reason = changes.map(describeChange).join(' ');
  await flagArticle(tx, actor, article, reason, await changeDiff(tx, changes));
}

/** Whether nobody has edited the draft by hand yet (its latest version is the system's). */
async function lastVersionBySystem(tx: EntityManager, article: Article): Promise<boolean> {
  const [v] = await sql<{ author_id: number | null }>(
    tx,
    'select author_id from article_versions where article_id = ? and number = ?',
    [article.id, article.currentVersion],
  );
  return v?.author_id === null;
}
