import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { placeholders, sql } from '../../platform/db/sql.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof avatarLoaders> {}
}

/** The uploaded avatars of the members on a page, in one query (null: the generated one). */
export function avatarLoaders(em: EntityManager) {
  return {
    avatarHashByMemberId: new DataLoader<number, string | null>(async (ids) => {
      const rows = await sql<{ member_id: number; hash: string }>(
        em,
        `select member_id, hash from member_avatars where member_id in (${placeholders(ids)})`,
        [...ids],
      );
      const byId = new Map(rows.map((r) => [r.member_id, r.hash]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
