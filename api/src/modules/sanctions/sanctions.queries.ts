import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import type { SanctionKind } from './active-sanctions.js';
import type { SanctionRow } from './sanction-writes.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof sanctionLoaders> {}
}

export interface ActiveSanctionRow {
  id: number;
  member_id: number;
  kind: SanctionKind;
  starts_at: Date;
  until: Date | null;
  reason: string;
}

export interface StaffNoteRow {
  id: number;
  member_id: number;
  author_id: number;
  body: string;
  body_html: string;
  created_at: Date;
}

/** A page position: the last row's (timestamp, id), newest first. */
export type PageCursor = [string, number] | null;

/**
 * Pages of each member's rows of `table`, newest first by (`at`, id): one query per page shape
 * however many members a response shows (a lateral join per member, each a short range of the
 * table's (member_id, `at` desc, id desc) index).
 */
function memberPages<T extends { member_id: number }>(em: EntityManager, table: string, at: string) {
  const pages = new Map<string, DataLoader<number, T[]>>();
  return (limit: number, after: PageCursor): DataLoader<number, T[]> => {
    const key = JSON.stringify([limit, after]);
    let loader = pages.get(key);
    if (!loader) {
      loader = new DataLoader<number, T[]>(async (memberIds) => {
        const rows = await sql<T>(
          em,
          `select r.* from unnest(?::int[]) as m(id)
            cross join lateral (
              select * from ${table} r
               where r.member_id = m.id and (?::timestamptz is null or (r.${at}, r.id) < (?::timestamptz, ?::int))
               order by r.${at} desc, r.id desc limit ?) r`,
          [`{${memberIds.join(',')}}`, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
        );
        return memberIds.map((id) => rows.filter((r) => r.member_id === id));
      });
      pages.set(key, loader);
    }
    return loader;
  };
}

/**
 * Per-request loaders: the sanctions in force per member (Member.sanction), and pages of staff
 * notes and of sanction history per member.
 */
export function sanctionLoaders(em: EntityManager) {
  return {
    activeSanctionsByMember: new DataLoader<number, ActiveSanctionRow[]>(async (ids) => {
      const rows = await sql<ActiveSanctionRow>(
        em,
        // SUSPEND sorts before SILENCE: the first is the one a banner shows.
        `select id, member_id, kind, starts_at, until, reason from active_member_sanctions
          where member_id = any(?::int[]) order by kind desc`,
        [`{${ids.join(',')}}`],
      );
      return ids.map((id) => rows.filter((r) => r.member_id === id));
    }),
    staffNotePage: memberPages<StaffNoteRow>(em, 'staff_notes', 'created_at'),
    sanctionHistoryPage: memberPages<SanctionRow>(em, 'member_sanctions', 'starts_at'),
  };
}
