import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../platform/authz/guardian.js';
import { memberLoaders } from './accounts/member.loaders.js';
import { badgeLoaders } from './badges/badges.queries.js';
import { communityLoaders } from './community/community.loaders.js';

export type Loaders = ReturnType<typeof createLoaders>;

/** All modules' per-request loaders. */
export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  return { ...memberLoaders(em), ...communityLoaders(em, viewer), ...badgeLoaders(em) };
}
