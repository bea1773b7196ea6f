import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { influenceOfMembers, NO_INFLUENCE, type Influence } from './influence/influence.store.js';
import { sentimentsOf, type StoredSentiment } from './sentiment/sentiment.store.js';

declare module '../../platform/module.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends ReturnType<typeof insightsLoaders> {}
}

/** Per-request loaders: one statement per page for every post's sentiment, and every member's influence. */
export function insightsLoaders(em: EntityManager) {
  return {
    sentimentByPostId: new DataLoader<number, StoredSentiment | null>(async (ids) => {
      const found = await sentimentsOf(em, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    influenceByMemberId: new DataLoader<number, Influence>(async (ids) => {
      const found = await influenceOfMembers(em, ids);
      return ids.map((id) => found.get(id) ?? NO_INFLUENCE);
    }),
  };
}
