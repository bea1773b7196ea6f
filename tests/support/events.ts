import { vi } from 'vitest';
import type { TestApi } from './test-api.js';

/**
 * Waits until `subscriber` has handled every committed event of its kinds (its backlog, as
 * the audit module counts it, is empty). Events are delivered after commit, so a test that
 * asserts on a subscriber's effects waits here first.
 */
export async function caughtUp(api: TestApi, subscriber: string, timeout = 10_000): Promise<void> {
  const kinds = api.app.services.assembly.subscribers.find((s) => s.name === subscriber)?.events;
  if (!kinds) throw new Error(`No subscriber ${subscriber}`);
  await vi.waitFor(
    async () => {
      const [row] = await api.sql<{ pending: boolean }>(
        `select exists (select 1 from domain_events e, event_subscriptions s
                         where s.subscriber = $1 and (e.tx, e.id) > (s.position_tx, s.position_id)
                           and e.name = any($2::text[])) as pending`,
        [subscriber, kinds],
      );
      if (row!.pending) throw new Error(`${subscriber} has events to handle`);
    },
    { timeout, interval: 25 },
  );
}
