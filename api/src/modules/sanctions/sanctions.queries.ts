import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import type { SanctionKind } from './active-sanctions.js';

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

/** One page of each member's staff notes, newest first, after the cursor (created_at, id). */
function staffNotePages(em: EntityManager, limit: number, after: [string, number] | null) {
  return new DataLoader<number, StaffNoteRow[]>(async (memberIds) => {
    const rows = await sql<StaffNoteRow>(
      em,
      `select n.* from unnest(?::int[]) as m(id)
        cross join lateral (
          select * from staff_notes n
           where n.member_id = m.id and (?::timestamptz is null or (n.created_at, n.id) < (?::timestamptz, ?::int))
           order by n.created_at desc, n.id desc limit ?) n`,
      [`{${memberIds.join(',')}}`, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return memberIds.map((id) => rows.filter((r) => r.member_id === id));
  });
}

/**
 * Per-request loaders: the sanctions in force per member (Member.sanction), and pages of staff
 * notes per member, one query per page shape however many members a response shows.
 */
export function sanctionLoaders(em: EntityManager) {
  const pages = new Map<string, ReturnType<typeof staffNotePages>>();
  return {
    activeSanctionsByMember: new DataLoader<number, ActiveSanctionRow[]>(async (ids) => {
      const rows = await sql<ActiveSanctionRow>(
        em,
        `select id, member_id, kind, starts_at, until, reason from active_member_sanctions
          where member_id = any(?::int[]) order by kind desc`,
        [`{${ids.join(',')}}`],
      );
      return ids.map((id) => rows.filter((r) => r.member_id === id));
    }),
    staffNotePage: (limit: number, after: [string, number] | null) => {
      const key = JSON.stringify([limit, after]);
      let loader = pages.get(key);
      if (!loader) pages.set(key, (loader = staffNotePages(em, limit, after)));
      return loader;
    },
  };
}
