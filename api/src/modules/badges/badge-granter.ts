import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../platform/db/sql.js';
import { BADGES, type BadgeDefinition, type BadgeTrigger } from './badge.definitions.js';
import './badges.events.js';

export interface GrantOptions {
  /** Only these members (an event's); omitted: everyone (the backfill). */
  memberIds?: number[];
  /** Awards made by the backfill are not announced as new. */
  announce?: boolean;
}

/** The rule's query with `{members:column}` bound to the members asked for (or to everyone). */
function ruleQuery(badge: BadgeDefinition, memberIds: number[] | undefined): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = badge.query!.replace(/\{members:([a-z_.]+)\}/g, (_m, column: string) => {
    if (!memberIds) return 'true';
    params.push(`{${memberIds.join(',')}}`);
    return `${column} = any(?::int[])`;
  });
  return { text, params };
}

/**
 * Evaluates one badge's rule and inserts the awards that are missing. Database uniqueness
 * (badge, member, post) makes this idempotent: a retried or duplicated job awards nothing twice.
 * Returns how many awards were new.
 */
export async function grantBadge(em: EntityManager, badge: BadgeDefinition, opts: GrantOptions = {}): Promise<number> {
  if (!badge.query || opts.memberIds?.length === 0) return 0;
  const { text, params } = ruleQuery(badge, opts.memberIds);
  // Announced awards are also domain events (notifications and webhooks follow them); the
  // backfill's silent ones are not.
  const announce = opts.announce !== false;
  const [row] = await sql<{ n: number }>(
    em,
    `with granted as (
       insert into badge_awards (badge, member_id, post_id, thread_id, reason, seen_at)
       select ?, c.member_id, c.post_id, c.thread_id, c.reason, ${announce ? 'null' : 'now()'}
         from (${text}) as c
       on conflict (badge, member_id, coalesce(post_id, 0)) do nothing
       returning id, badge, member_id, post_id, thread_id),
     announced as (
       insert into domain_events (name, actor_type, actor_label, subject, related, data)
       select 'badge.awarded', 'system', 'badges', 'member:' || g.member_id,
              array_remove(array['badge_award:' || g.id, 'post:' || g.post_id, 'thread:' || g.thread_id], null),
              jsonb_build_object('awardId', g.id::text, 'badge', g.badge, 'memberId', g.member_id,
                                 'postId', g.post_id, 'threadId', g.thread_id)
         from granted g where ?::boolean)
     select count(*)::int as n from granted`,
    [badge.key, ...params, announce],
  );
  return row!.n;
}

/**
 * Takes back the members' awards of `badge` that its rule no longer supports, each announced
 * as `badge.revoked`. Returns how many went.
 */
export async function revokeUnsupported(
  em: EntityManager,
  badge: BadgeDefinition,
  memberIds: number[],
): Promise<number> {
  if (!badge.query || memberIds.length === 0) return 0;
  const { text, params } = ruleQuery(badge, memberIds);
  const [row] = await sql<{ n: number }>(
    em,
    `with revoked as (
       delete from badge_awards b
        where b.badge = ? and b.member_id = any(?::int[])
          and not exists (select 1 from (${text}) as c
                           where c.member_id = b.member_id and coalesce(c.post_id, 0) = coalesce(b.post_id, 0))
       returning id, badge, member_id, post_id, thread_id),
     announced as (
       insert into domain_events (name, actor_type, actor_label, subject, related, data)
       select 'badge.revoked', 'system', 'badges', 'member:' || r.member_id,
              array_remove(array['post:' || r.post_id, 'thread:' || r.thread_id], null),
              jsonb_build_object('awardId', r.id::text, 'badge', r.badge, 'memberId', r.member_id,
                                 'postId', r.post_id, 'threadId', r.thread_id)
         from revoked r)
     select count(*)::int as n from revoked`,
    [badge.key, `{${memberIds.join(',')}}`, ...params],
  );
  return row!.n;
}

/** Every badge a trigger may earn or take back, for the members it concerns. */
export async function grantForTrigger(em: EntityManager, trigger: BadgeTrigger, memberIds: number[]): Promise<number> {
  let awarded = 0;
  for (const badge of BADGES) {
    if (badge.triggers.includes(trigger)) awarded += await grantBadge(em, badge, { memberIds });
    if (badge.revokedBy?.includes(trigger)) await revokeUnsupported(em, badge, memberIds);
  }
  return awarded;
}

/** Re-evaluates every badge over all data, awarding only what is missing (and silently). */
export async function backfillBadges(
  em: EntityManager,
  onBadge: (badge: BadgeDefinition, awarded: number, ms: number) => void = () => {},
): Promise<number> {
  let total = 0;
  for (const badge of BADGES) {
    const started = performance.now();
    const awarded = await grantBadge(em, badge, { announce: false });
    onBadge(badge, awarded, performance.now() - started);
    total += awarded;
  }
  return total;
}
