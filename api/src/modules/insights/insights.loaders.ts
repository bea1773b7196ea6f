import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sentimentsOf, type StoredSentiment } from './sentiment/sentiment.store.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof insightsLoaders> {}
}

/** Per-request loaders: one statement per page for every post's sentiment. */
export function insightsLoaders(em: EntityManager) {
  return {
    sentimentByPostId: new DataLoader<number, StoredSentiment | null>(async (ids) => {
      const found = await sentimentsOf(em, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
