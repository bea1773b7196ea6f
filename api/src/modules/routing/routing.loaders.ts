import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { routesOfThreads, type StoredRoute } from './routing.queries.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof routingLoaders> {}
}

/** Per-request loaders: one statement per page for every thread's routes. */
export function routingLoaders(em: EntityManager) {
  return {
    routesByThreadId: new DataLoader<number, StoredRoute[]>(async (ids) => {
      const found = await routesOfThreads(em, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
