import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Member } from './member.entity.js';

/** Batches member look-ups of one request into one query. */
export function memberLoaders(em: EntityManager) {
  return {
    memberById: new DataLoader<number, Member | null>(async (ids) => {
      const rows = await em.find(Member, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((m) => [m.id, m]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
