/**
 * SQL: the member's watch level on the thread, falling back to their watch on its category (the
 * most specific choice wins: a muted thread in a followed category stays quiet, a followed
 * thread in a muted category speaks). Null: neither.
 */
export const watchLevelSql = (m: string, t: string): string =>
  `coalesce((select w.level from notification_watches w where w.member_id = ${m}.id and w.thread_id = ${t}.id),
            (select w.level from notification_watches w where w.member_id = ${m}.id and w.category_id = ${t}.category_id))`;

/** SQL: the member was already notified of this event in a more specific way (`kinds`). */
export const alreadyNotifiedSql = (m: string, eventId: string, kinds: string[]): string =>
  kinds.length === 0
    ? 'false'
    : `exists (select 1 from notifications x where x.recipient_id = ${m}.id and x.event_id = ${eventId}
                 and x.kind in (${kinds.map((k) => `'${k}'`).join(', ')}))`;
