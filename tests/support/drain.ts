import type { TestApi } from './test-api.js';

/**
 * Delivers, by hand, every committed event to the named subscribers of an API started with
 * JOBS_WORKER=off, until none of them has events left (in order, so the badges' own events reach
 * the notifications after them). A batch stops at the horizon of transactions still running in the
 * whole cluster (other test files' too), so this retries until the backlog is empty.
 */
export async function drain(
  api: TestApi,
  names: string[] = ['badges.award', 'notifications.fan_out'],
  timeoutMs = 15_000,
): Promise<void> {
  const { events, assembly } = api.app.services;
  const subscribers = names.map((name) => {
    const s = assembly.subscribers.find((x) => x.name === name);
    if (!s) throw new Error(`No subscriber ${name}`);
    return s;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const s of subscribers) {
      while (await events.deliverBatch(s, api.app.services)) {
        // a full batch: more may wait
      }
    }
    const [row] = await api.sql<{ pending: boolean }>(
      `select exists (select 1 from domain_events e join event_subscriptions s on s.subscriber = any($1::text[])
                       where (e.tx, e.id) > (s.position_tx, s.position_id)
                         and e.name = any(case s.subscriber ${subscribers.map((_, i) => `when $${i * 2 + 2}::text then $${i * 2 + 3}::text[]`).join(' ')} end)) as pending`,
      [names, ...subscribers.flatMap((s) => [s.name, s.events])],
    );
    if (!row!.pending) return;
    if (Date.now() > deadline) throw new Error(`events still pending for ${names.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
