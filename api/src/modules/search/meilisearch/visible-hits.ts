import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../../platform/authz/guardian.js';
import { sql } from '../../../platform/db/sql.js';
import { readableThreadSql } from '../../community/visibility.js';
import type { SearchDocument, SearchRef } from '../search-index.js';

type LoadDocuments = (em: EntityManager, refs: SearchRef[]) => Promise<SearchDocument[]>;

const key = (r: SearchRef) => `${r.kind}:${r.id}`;

/**
 * Of the refs an index returned, those `viewer` may read now, checked against PostgreSQL: the
 * index may lag behind an edit, a deletion or a move, visibility never does. Threads and replies
 * by the visibility rule on their live rows (thread readable, post not deleted or hidden); other kinds by
 * being searchable now (the document loader) in a category the viewer reads. One statement
 * per group, for a page at a time.
 */
export async function visibleRefs(
  em: EntityManager,
  viewer: Viewer | null,
  refs: SearchRef[],
  readableCategories: number[],
  loadDocuments: LoadDocuments,
): Promise<Set<string>> {
  const ids = (kind: string) => `{${refs.filter((r) => r.kind === kind).map((r) => r.id)}}`;
  const visible = new Set<string>();
  // As search-documents.ts: a thread merged away or whose question is hidden is no hit, nor its replies.
  const searchableThread = 'q.hidden_at is null and t.merged_into_id is null';
  if (refs.some((r) => r.kind === 'THREAD' || r.kind === 'POST')) {
    const rows = await sql<{ kind: 'THREAD' | 'POST'; id: number }>(
      em,
      `select 'THREAD' as kind, t.id from threads t join posts q on q.id = t.question_post_id
        where t.id = any(?::int[]) and ${searchableThread} and ${readableThreadSql(viewer, 't')}
       union all
       select 'POST' as kind, p.id from posts p join threads t on t.id = p.thread_id join posts q on q.id = t.question_post_id
        where p.id = any(?::int[]) and p.deleted_at is null and p.hidden_at is null
          and ${searchableThread} and ${readableThreadSql(viewer, 't')}`,
      [ids('THREAD'), ids('POST')],
    );
    for (const r of rows) visible.add(key(r));
  }
  const others = refs.filter((r) => r.kind !== 'THREAD' && r.kind !== 'POST');
  if (others.length) {
    const readable = new Set(readableCategories);
    for (const doc of await loadDocuments(em, others)) {
      if (doc.categoryId === null || readable.has(doc.categoryId)) visible.add(key(doc));
    }
  }
  return visible;
}

export const refKey = key;
