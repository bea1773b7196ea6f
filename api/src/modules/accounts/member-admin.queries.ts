import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import { snapshots } from '../../platform/db/snapshots.js';
import type { Role } from './member.entity.js';
import { Member } from './member.entity.js';

export interface AdminMembersFilter {
  /** A handle prefix, or (with an @) an exact email address; case-insensitive both. */
  query?: string | null;
  role?: Role | null;
  /** Sign-ups held for approval and not approved yet (true), or the others (false). */
  held?: boolean | null;
  /** With a sanction in force (true), or without (false). */
  sanctioned?: boolean | null;
  advocate?: boolean | null;
}

/** An email search when the query holds an @ (handles cannot). */
export const isEmailQuery = (query: string | null | undefined): boolean => !!query && query.includes('@');

const likePrefix = (text: string) => `${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The admin area's members list, newest first, keyset-paginated on (created_at, id). Every
 * filter narrows in the where clause, served by an index of migration 20261204110000 (or the
 * unique lower(email) index): the handle prefix by lower(handle) text_pattern_ops, the rest by
 * (created_at, id) indexes, partial for the rare kinds (staff, advocates). The caller checks
 * who may search by email.
 */
export async function listAdminMembers(
  em: EntityManager,
  filter: AdminMembersFilter,
  args: { first: number; after?: string | null },
): Promise<Connection<Member>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const query = filter.query?.trim();
  if (query) {
    if (isEmailQuery(query)) {
      where.push('lower(m.email) = ?');
      params.push(query.toLowerCase());
    } else {
      where.push(`lower(m.handle) like ? escape '\\'`);
      params.push(likePrefix(query));
    }
  }
  if (filter.role != null) {
    where.push('m.role = ?');
    params.push(filter.role);
  }
  if (filter.held != null) {
    where.push(`${filter.held ? '' : 'not '}(m.held_at is not null and m.approved_at is null)`);
  }
  if (filter.sanctioned != null) {
    where.push(
      `${filter.sanctioned ? '' : 'not '}exists (select 1 from active_member_sanctions a where a.member_id = m.id)`,
    );
  }
  if (filter.advocate != null) {
    where.push('m.is_advocate = ?');
    params.push(filter.advocate);
  }
  const cursor = decodeCursor(args.after, ['timestamp', 'id']);
  if (cursor) {
    where.push('(m.created_at, m.id) < (?::timestamptz, ?)');
    params.push(...cursor);
  }
  const members = await snapshots(
    em,
    Member,
    'm',
    `select {columns} from members m ${where.length ? `where ${where.join(' and ')}` : ''}
      order by m.created_at desc, m.id desc limit ?`,
    [...params, args.first + 1],
  );
  return toConnection(members, args.first, (m) => [m.createdAt.toISOString(), m.id]);
}
