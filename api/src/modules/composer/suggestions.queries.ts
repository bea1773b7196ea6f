import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import { listedThreadSql } from '../community/visibility.js';

/** `like` pattern for "starts with `prefix`" (its own % and _ taken literally). */
const startsWith = (prefix: string): string => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

export interface TagUse {
  name: string;
  threadCount: number;
}

/**
 * Tags of the vocabulary starting with `prefix`, most used first. A tag's count is of the
 * threads the viewer would find listed (a restricted category's threads count only for those
 * who may enter it), so counts tell nothing the tag's own listing would not.
 */
export async function tagsByPrefix(
  em: EntityManager,
  viewer: Viewer | null,
  prefix: string,
  limit: number,
): Promise<TagUse[]> {
  return sql<TagUse>(
    em,
    `select g.name, u.n as "threadCount"
       from tags g
       cross join lateral (select count(*)::int as n from threads t
                            where t.tags @> array[g.name] and ${listedThreadSql(viewer, 't')}) u
      where g.name like ? escape '\\'
      order by u.n desc, g.name
      limit ?`,
    [startsWith(prefix), limit],
  );
}

export async function tagExists(em: EntityManager, name: string): Promise<boolean> {
  const rows = await sql(em, 'select 1 from tags where name = ?', [name]);
  return rows.length > 0;
}

/**
 * Ids of members whose handle starts with `prefix` (any case), an exact handle first, then by
 * reputation. Left out: sign-ups still held for approval (nobody else sees them anywhere) and
 * suspended members (they cannot log in to read a mention), as search leaves out the first.
 */
export async function memberIdsByHandlePrefix(em: EntityManager, prefix: string, limit: number): Promise<number[]> {
  const rows = await sql<{ id: number }>(
    em,
    `select m.id from members m
      where lower(m.handle) like ? escape '\\'
        and (m.held_at is null or m.approved_at is not null)
        and not exists (select 1 from active_member_sanctions a where a.member_id = m.id and a.kind = 'SUSPEND')
      order by lower(m.handle) = ? desc, m.reputation desc, lower(m.handle)
      limit ?`,
    [startsWith(prefix.toLowerCase()), prefix.toLowerCase(), limit],
  );
  return rows.map((r) => r.id);
}
