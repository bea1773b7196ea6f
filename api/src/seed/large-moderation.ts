import { openOrm } from '../platform/db/orm.js';
import { sql } from '../platform/db/sql.js';
import { transact } from '../platform/db/transact.js';
import { assembly } from '../modules.js';

/** Review items in the seed (1.5% of a 1.3 M-post forum flagged over six months); the first OPEN are open. */
const ITEMS = 20_000;
const OPEN = 1_000;
/** Moderator actions of other kinds in the audit log beside the review decisions. */
const THREAD_ACTIONS = 6_000;

/**
 * A large community's moderation history for the bench, written set-based: 20,000 review items
 * on random posts (1,000 open from the last two weeks, the rest decided over six months by ten
 * reviewers), one to three flags each from members holding the flag privilege, and the audit
 * log that goes with them (a `review.resolved` per decision, and thread locks, closes and moves
 * by the same staff). Subscribers' positions move past these events: they describe history the
 * seed wrote directly, not work for the badge or search subscribers to redo.
 */
export async function seedLargeModeration(url: string): Promise<void> {
  const orm = await openOrm(url, 2, assembly.entities);
  const started = Date.now();
  const em = orm.em.fork();
  await transact(em, async (tx) => {
    await sql(
      tx,
      `create temporary table reviewers on commit drop as
      select array_agg(id) as ids from (select id from members order by reputation desc, id limit 10) m`,
    );
    await sql(
      tx,
      `create temporary table flaggers on commit drop as
      select array_agg(id) as ids from (select id from members where reputation >= 15 order by id) m`,
    );
    await sql(
      tx,
      `insert into review_items (kind, post_id, author_id, category_id, status, staff_only, decision, decided_by, decided_at,
                                 decision_reason, created_at)
       select case when n % 10 = 0 then 'HIDDEN_POST' else 'FLAGGED_POST' end, post_id, author_id, category_id,
              case when n <= ? then 'OPEN' else 'RESOLVED' end,
              n % 50 = 0,
              case when n > ? then (array['AGREE', 'AGREE', 'DISAGREE', 'IGNORE'])[1 + n % 4] end,
              case when n > ? then (select ids from reviewers)[1 + n % 10] end,
              case when n > ? then created_at + (n % 720) * interval '1 minute' end,
              case when n > ? and n % 3 = 0 then 'Checked the links: ' || (n % 97)::text end,
              created_at
         from (select p.id as post_id, p.author_id, t.category_id, n,
                      now() - case when n <= ? then (n % 336) * interval '1 hour' else (n % 4320) * interval '1 hour' end
                        - interval '1 day' * (n > ?)::int as created_at
                 from (select id, row_number() over (order by hashint4(id * 7 + 1)) as n
                         from posts where deleted_at is null and hidden_at is null
                        order by hashint4(id * 7 + 1) limit ?) pick
                 join posts p on p.id = pick.id join threads t on t.id = p.thread_id
                where t.deleted_at is null) items
       on conflict do nothing`,
      [OPEN, OPEN, OPEN, OPEN, OPEN, OPEN, OPEN, ITEMS],
    );
    await sql(
      tx,
      `insert into flags (post_id, flagger_id, review_item_id, reason, note, weight, status, created_at, decided_at)
       select r.post_id, f.flagger, r.id,
              (array['SPAM', 'SPAM', 'OFF_TOPIC', 'ABUSIVE', 'PERSONAL_DATA'])[1 + (r.id + k) % 5],
              null, 200,
              case r.decision when 'AGREE' then 'AGREED' when 'DISAGREE' then 'DISAGREED' when 'IGNORE' then 'IGNORED'
                              else 'OPEN' end,
              r.created_at - k * interval '10 minutes', r.decided_at
         from review_items r
        cross join generate_series(0, 2) k
        cross join lateral (select (select ids from flaggers)[1 + abs(hashint4(r.id * 3 + k)) % cardinality((select ids from flaggers))]
                              as flagger) f
        where k <= r.id % 3 and f.flagger <> r.author_id
       on conflict do nothing`,
    );
    await sql(
      tx,
      `insert into domain_events (name, actor_type, actor_id, subject, related, data, occurred_at)
       select 'review.resolved', 'member', r.decided_by, 'review_item:' || r.id,
              array['post:' || r.post_id, 'thread:' || p.thread_id, 'member:' || r.author_id],
              jsonb_build_object('itemId', r.id, 'kind', r.kind, 'postId', r.post_id, 'threadId', p.thread_id,
                                 'authorId', r.author_id, 'decision', r.decision, 'reason', r.decision_reason,
                                 'agreedFlaggerIds', '[]'::jsonb,
                                 'before', jsonb_build_object('status', 'OPEN'),
                                 'after', jsonb_build_object('status', 'RESOLVED')),
              r.decided_at
         from review_items r join posts p on p.id = r.post_id
        where r.status = 'RESOLVED'
        order by r.decided_at`,
    );
    await sql(
      tx,
      `insert into domain_events (name, actor_type, actor_id, subject, related, data, occurred_at)
       select case when n % 5 = 0 then 'thread.moved' else 'thread.status_changed' end, 'member',
              (select ids from reviewers)[1 + n % 10], 'thread:' || t.id, array['member:' || t.author_id],
              jsonb_build_object('threadId', t.id, 'from', 'OPEN', 'to', case when n % 2 = 0 then 'LOCKED' else 'CLOSED' end,
                                 'reason', 'Seeded moderator action ' || n),
              now() - (n % 4320) * interval '1 hour'
         from (select id, author_id, row_number() over (order by hashint4(id * 11 + 3)) as n
                 from threads where deleted_at is null order by hashint4(id * 11 + 3) limit ?) t
        order by 7`,
      [THREAD_ACTIONS],
    );
    // History, not work: every subscriber is past these events.
    await sql(
      tx,
      `update event_subscriptions set position_tx = pg_current_xact_id(), position_id = (select max(id) from domain_events)`,
    );
  });
  await sql(em, 'analyze review_items');
  await sql(em, 'analyze flags');
  const [counts] = await sql<{ items: number; open: number; flags: number }>(
    em,
    `select (select count(*)::int from review_items) as items,
            (select count(*)::int from review_items where status = 'OPEN') as open,
            (select count(*)::int from flags) as flags`,
  );
  await orm.close(true);
  console.log(
    `${'moderation history'.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s ` +
      `(${counts!.items} review items, ${counts!.open} open, ${counts!.flags} flags)`,
  );
}
