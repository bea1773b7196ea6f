import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../platform/authz/guardian.js';
import { sql } from '../../platform/db/sql.js';
import type { Member } from '../accounts/member.entity.js';
import { markAwardsSeen, unseenAwards, type AwardRow } from '../badges/badges.queries.js';
import { levelFor, type LevelProgress, type ReputationRules } from './reputation.rules.js';

export interface Notices {
  /** The level reached since the member was last told; null when nothing new. */
  level: LevelProgress | null;
  badges: AwardRow[];
}

/** What the member has earned and not yet been told about. */
export async function noticesFor(
  em: EntityManager,
  rules: ReputationRules,
  member: Member,
  viewer: Viewer,
): Promise<Notices> {
  const level = levelFor(rules, member.reputation);
  return {
    level: level.min > member.seenLevelMin ? level : null,
    badges: await unseenAwards(em, viewer),
  };
}

/** The member has seen the notices: the current level and awards up to `throughAwardId`. */
export async function dismissNotices(
  em: EntityManager,
  rules: ReputationRules,
  member: Member,
  throughAwardId: string | null,
): Promise<void> {
  await sql(em, 'update members set seen_level_min = ? where id = ?', [
    levelFor(rules, member.reputation).min,
    member.id,
  ]);
  if (throughAwardId) await markAwardsSeen(em, member.id, throughAwardId);
}
