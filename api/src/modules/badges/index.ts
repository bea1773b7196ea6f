import type { ModuleDefinition } from '../../platform/module.js';
import { badgeLoaders } from './badges.queries.js';
import { BadgeResolver, MemberBadgesResolver } from './badges.resolver.js';
import { awardBadges } from './subscribers/award-badges.js';

/** Badges: definitions in code, awarded by a subscriber to domain events. */
export const badgesModule: ModuleDefinition = {
  name: 'badges',
  resolvers: [BadgeResolver, MemberBadgesResolver],
  loaders: badgeLoaders,
  subscribers: [awardBadges],
};
