import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { snapshotsById } from '../../platform/db/snapshots.js';
import { Member } from './member.entity.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof memberLoaders> {}
}

/** Batches member look-ups of one request into one query (read snapshots). */
export function memberLoaders(em: EntityManager) {
  return {
    memberById: new DataLoader<number, Member | null>(async (ids) => {
      const rows = await snapshotsById(em, Member, ids);
      const byId = new Map(rows.map((m) => [m.id, m]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
