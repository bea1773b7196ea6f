import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../platform/db/sql.js';
import type { DomainEvent, EventName } from '../../../platform/events/events.js';
import '../../community/community.events.js';
import '../../knowledge/knowledge.events.js';
import '../../reputation/reputation.events.js';
import type { ReputationRules } from '../../reputation/reputation.rules.js';

/** Events after which a member's reputation may have risen, and whose. */
export const REPUTATION_EVENTS = [
  'post.voted',
  'answer.accepted',
  'post.staff_picked',
  'article.published',
  'reputation.adjusted',
  'post.restored',
] as const satisfies readonly EventName[];

function gainers(event: DomainEvent): number[] {
  const d = event.data as Record<string, number | null | undefined>;
  switch (event.name) {
    case 'post.voted':
    case 'post.staff_picked':
    case 'post.restored':
      return [d.authorId!];
    case 'answer.accepted':
      return [d.answerAuthorId!, d.askerId!];
    case 'article.published':
      return d.answerAuthorId ? [d.answerAuthorId] : [];
    case 'reputation.adjusted':
      return [d.memberId!];
    default:
      return [];
  }
}

/**
 * LEVEL_REACHED when a member's reputation now reaches a level above the highest they were told
 * of (`members.seen_level_min`). Moving that mark and writing the notification is one statement,
 * so a redelivered event finds the mark already moved and writes nothing; a member who drops and
 * climbs back to a level is not told twice.
 */
export async function notifyLevels(tx: EntityManager, rules: ReputationRules, events: DomainEvent[]): Promise<void> {
  const candidates = new Map<number, string>(); // member → the first event of the batch that concerns them
  for (const e of events) for (const m of gainers(e)) if (m && !candidates.has(m)) candidates.set(m, e.id);
  if (candidates.size === 0) return;
  await sql(
    tx,
    `with levels as (select * from jsonb_to_recordset(?::jsonb) as l(name text, min int)),
          candidates as (select * from jsonb_to_recordset(?::jsonb) as c(member_id int, event_id bigint)),
          moved as (
            update members m set seen_level_min = (select max(l.min) from levels l where l.min <= m.reputation)
              from candidates c
             where m.id = c.member_id
               and (select max(l.min) from levels l where l.min <= m.reputation) > m.seen_level_min
            returning m.id, c.event_id, m.seen_level_min)
     insert into notifications (recipient_id, kind, event_id, data)
     select moved.id, 'LEVEL_REACHED', moved.event_id, jsonb_build_object('level', l.name, 'min', l.min)
       from moved join levels l on l.min = moved.seen_level_min
     on conflict do nothing`,
    [
      JSON.stringify(rules.levels),
      JSON.stringify([...candidates].map(([member_id, event_id]) => ({ member_id, event_id }))),
    ],
  );
}
