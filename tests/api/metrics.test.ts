import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api.js';

// GET /metrics (Prometheus text): GraphQL request counters and latency by operation name, the
// database pool, the job queues, and Node's process metrics. JOBS_WORKER=off so queued jobs wait
// and the queue gauges have something to count.
const TOKEN = 'metrics-token-for-tests-0123456789';
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ METRICS_TOKEN: TOKEN, JOBS_WORKER: 'off' });
});
afterAll(() => api?.close());

async function scrape(): Promise<string> {
  const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample, e.g. sample(text, 'hearth_graphql_requests_total', { operation: 'X' }). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  it('counts GraphQL requests per operation name and status, with a latency histogram', async () => {
    const before = await scrape();
    const ok = { operation: 'MetricsCategories', status: '200' };
    const start = sample(before, 'hearth_graphql_requests_total', ok) ?? 0;
    for (let i = 0; i < 3; i++) {
      expect((await api.gql('query MetricsCategories { categories { id } }')).errors).toBeUndefined();
    }
    await api.gql('{ categories { id } }');
    const failed = await api.gql('query MetricsBroken { categories { nope } }');
    expect(failed.status).toBe(400);

    const after = await scrape();
    expect(sample(after, 'hearth_graphql_requests_total', ok)).toBe(start + 3);
    expect(sample(after, 'hearth_graphql_request_duration_seconds_count', { operation: 'MetricsCategories' })).toBe(
      start + 3,
    );
    expect(
      sample(after, 'hearth_graphql_request_duration_seconds_bucket', { operation: 'MetricsCategories', le: '+Inf' }),
    ).toBe(start + 3);
    expect(
      sample(after, 'hearth_graphql_request_duration_seconds_sum', { operation: 'MetricsCategories' }),
    ).toBeGreaterThan(0);
    expect(
      sample(after, 'hearth_graphql_requests_total', { operation: 'anonymous', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    // A document that fails validation never resolves to an operation: its name is not a label.
    expect(after).not.toContain('operation="MetricsBroken"');
    expect(
      sample(after, 'hearth_graphql_requests_total', { operation: 'anonymous', status: '400' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'hearth_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('reports the database pool and process metrics', async () => {
    const text = await scrape();
    for (const state of ['used', 'free', 'pending']) {
      expect(sample(text, 'hearth_db_pool_connections', { state })).toBeGreaterThanOrEqual(0);
    }
    expect(sample(text, 'hearth_db_pool_max')).toBe(10);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('reports queue depth and the age of the oldest waiting job per queue', async () => {
    const queue = 'community.prune-vote-days';
    const job = {};
    const empty = await scrape();
    expect(sample(empty, 'hearth_job_queue_jobs', { queue, state: 'created' })).toBe(0);
    expect(sample(empty, 'hearth_job_queue_lag_seconds', { queue })).toBe(0);

    await api.app.services.jobs.send(queue, job);
    await api.app.services.jobs.send(queue, job);
    await new Promise((r) => setTimeout(r, 1100));
    const text = await scrape();
    expect(sample(text, 'hearth_job_queue_jobs', { queue, state: 'created' })).toBe(2);
    expect(sample(text, 'hearth_job_queue_jobs', { queue, state: 'active' })).toBe(0);
    expect(sample(text, 'hearth_job_queue_lag_seconds', { queue })).toBeGreaterThanOrEqual(1);
    // Every queue is reported, waiting or not (scheduled ones may hold a job of their own).
    const scheduled = { queue: 'reputation.detect-serial-voting', state: 'created' };
    expect(sample(text, 'hearth_job_queue_jobs', scheduled)).toBeGreaterThanOrEqual(0);
  });

  it('reports each event subscriber’s backlog and parked events', async () => {
    const [{ n }] = await api.sql<{ n: number }>(
      `with e as (insert into domain_events (name, actor_type, actor_label, subject, data)
                  select 'advocate.granted', 'system', 'test', 'member:' || g, '{}' from generate_series(1, 3) g
                  returning 1)
       select count(*)::int as n from e`,
    );
    expect(n).toBe(3);
    // Workers are off here: the badge subscriber has the three events still to handle.
    const text = await scrape();
    expect(sample(text, 'hearth_event_subscriber_backlog', { subscriber: 'badges.award' })).toBe(3);
    expect(sample(text, 'hearth_event_subscriber_parked_events', { subscriber: 'badges.award' })).toBe(0);
  });

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    const none = await fetch(`${api.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('hearth_');
  });
});
