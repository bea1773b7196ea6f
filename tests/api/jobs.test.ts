import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Jobs, type JobDefinition, type JobName } from '../../api/src/platform/jobs/jobs.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The job queue keeps up with a backlog: a worker takes jobs in batches and asks for the next
// batch at once when one was full (pg-boss otherwise waits out the polling interval after
// every fetch: one job per 2 s poll was 0.5 jobs/s). A failing job is retried alone.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ JOBS_WORKER: 'off' });
});
afterAll(() => api?.close());

it('drains 500 queued jobs in seconds with a 2 s polling interval, retrying only the job that fails', async () => {
  const seen = new Map<number, number>();
  const definition = {
    name: 'test.count',
    payload: z.object({ n: z.number().int() }),
    retryLimit: 2,
    handle: async (_services: unknown, { n }: { n: number }) => {
      seen.set(n, (seen.get(n) ?? 0) + 1);
      if (n === 7 && seen.get(n) === 1) throw new Error('first attempt fails');
    },
  } as unknown as JobDefinition<JobName, unknown>;
  const jobs = new Jobs<unknown>(api.app.database.url, [definition], { work: true, pollingIntervalSeconds: 2 });
  await jobs.start({});
  try {
    for (let n = 0; n < 500; n++) await jobs.send('test.count' as JobName, { n } as never);
    const started = performance.now();
    await jobs.work({});
    await vi.waitFor(() => expect(seen.size).toBe(500), { timeout: 20_000, interval: 50 });
    const seconds = (performance.now() - started) / 1000;
    // One batch per poll would take 500 / 20 × 2 s = 50 s; one job per poll, 1,000 s.
    expect(seconds).toBeLessThan(15);
    await vi.waitFor(() => expect(seen.get(7)).toBe(2), { timeout: 20_000, interval: 100 });
    expect([...seen.entries()].filter(([n, times]) => n !== 7 && times !== 1)).toEqual([]);
    const states = await api.sql<{ state: string; n: number }>(
      `select state, count(*)::int as n from pgboss.job where name = 'test.count' group by state order by state`,
    );
    expect(states).toEqual([{ state: 'completed', n: 500 }]);
  } finally {
    await jobs.stop();
  }
});
