import type { SubscriberDefinition } from '../../../platform/events/subscribers.js';
import { sql } from '../../../platform/db/sql.js';
import type { Services } from '../../../platform/scope.js';
import '../../accounts/accounts.events.js';

const memberIds = (events: { data: unknown }[], held = false) => [
  ...new Set(
    events.flatMap((e) => {
      const data = e.data as { memberId: number; held?: boolean };
      return !held || data.held ? [data.memberId] : [];
    }),
  ),
];

/**
 * A sign-up held by the per-network rule opens a HELD_SIGNUP item for staff (staff-only from
 * the start: advocates and privileged members never see sign-ups). Only while the member is
 * still held and only if no such item was ever made for them, so a replay neither duplicates
 * an open item nor reopens one staff decided. It starts from the first event, so sign-ups held
 * before it existed join the queue too.
 */
export const queueHeldSignups: SubscriberDefinition<Services> = {
  name: 'moderation.held-signups',
  events: ['member.registered'],
  handle: async (events, { tx }) => {
    const ids = memberIds(events, true);
    if (ids.length === 0) return;
    await sql(
      tx,
      `insert into review_items (kind, author_id, staff_only, created_at)
       select 'HELD_SIGNUP', m.id, true, m.held_at from members m
        where m.id = any(?::int[]) and m.held_at is not null and m.approved_at is null
          and not exists (select 1 from review_items r where r.kind = 'HELD_SIGNUP' and r.author_id = m.id)
       on conflict (author_id) where status = 'OPEN' and kind = 'HELD_SIGNUP' do nothing`,
      [`{${ids.join(',')}}`],
    );
  },
};

/**
 * A sign-up approved from the held sign-ups list (approveMember, outside the queue) resolves its
 * open item as agreed by whoever approved it. An item the queue decided is no longer open: a
 * no-op, as is a replay.
 */
export const resolveApprovedSignups: SubscriberDefinition<Services> = {
  name: 'moderation.approved-signups',
  events: ['member.approved'],
  startAt: 'now',
  handle: async (events, { tx }) => {
    const ids = memberIds(events);
    if (ids.length === 0) return;
    await sql(
      tx,
      `update review_items r
          set status = 'RESOLVED', decision = 'AGREE', decided_by = m.approved_by, decided_at = now(),
              decision_reason = 'Approved from the held sign-ups list.', claimed_by = null, claim_expires_at = null
         from members m
        where m.id = r.author_id and r.kind = 'HELD_SIGNUP' and r.status = 'OPEN' and m.id = any(?::int[])
          and m.approved_at is not null`,
      [`{${ids.join(',')}}`],
    );
  },
};
