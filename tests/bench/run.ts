/**
 * npm run bench: load-tests the API on the large seed beside a raw-SQL baseline server, in one
 * run, and prints figures as ratios (a ratio holds on a noisy machine; an absolute figure does
 * not). Build the data first: npm run seed -- --large.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../api/src/config.js';
import { benchDatabaseUrl, seedLargeArticles } from '../../api/src/seed/large.js';
import {
  ARTICLE_PAGE,
  AUDIT_LOG,
  CUSTOMER_VIEW,
  LEADERBOARD,
  REVIEW_QUEUE,
  SEARCH,
  SIMILAR,
  THREAD_LIST,
  THREAD_PAGE,
  UPSERT_CUSTOMERS,
  VOTE,
} from './queries.js';
import { AUDIT_PREDICATE } from '../../api/src/modules/audit/event-log.queries.js';
import { seedLargeModeration } from '../../api/src/seed/large-moderation.js';
import { seedLargeCustomers } from '../../api/src/seed/large-customers.js';
import { assembly } from '../../api/src/modules.js';
import { analyzeSentiment } from '../../api/src/modules/insights/sentiment/analyze.js';
import { computeSentiments } from '../../api/src/modules/insights/sentiment/sentiment.store.js';
import { openOrm } from '../../api/src/platform/db/orm.js';
import { sql } from '../../api/src/platform/db/sql.js';
import { transact } from '../../api/src/platform/db/transact.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/** BENCH_ONLY=votes,leaderboards runs just those sections (thread, statements, list, votes, events, leaderboards, web, search, articles, moderation, live, customers, webhooks, sentiment, plans). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const section = (name: string, title: string) => {
  if (ONLY && !ONLY.includes(name)) return false;
  console.log(`\n== ${title} ==`);
  return true;
};
const API_PORT = 4300;
const BASE_PORT = 4301;
/** A second API on Meilisearch (MEILISEARCH_URL, indexed with `npm run search:reindex -- --engine meilisearch`). */
const MEILI_PORT = 4302;
/** The web app, rendering pages from the API above. */
const WEB_PORT = 4303;
/** The API's inspector, through which the live section forces a garbage collection. */
const INSPECT_PORT = 9329;
const children: ChildProcess[] = [];

/** Starts a child process and resolves once `readyUrl` answers 200 (log lines vary with LOG_LEVEL). */
function start(name: string, args: string[], cwd: string, env: Record<string, string>, readyUrl: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      // Each child reads the tsconfig of its own directory, not the one this script runs with.
      // Search engine settings reach only the child that is given them (the Meilisearch API).
      env: {
        ...withoutKeys(process.env, [
          'TSX_TSCONFIG_PATH',
          'MEILISEARCH_URL',
          'MEILISEARCH_KEY',
          'MEILISEARCH_INDEX_PREFIX',
        ]),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${out.slice(-2000)}`)));
    const poll = setInterval(() => {
      fetch(readyUrl)
        .then((res) => {
          if (res.ok) {
            clearInterval(poll);
            resolve();
          }
        })
        .catch(() => undefined);
    }, 250);
  });
}

function withoutKeys(env: NodeJS.ProcessEnv, keys: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !keys.includes(k)));
}

function stopAll() {
  for (const c of children) c.kill('SIGTERM');
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Responses that carried GraphQL errors: a fast error is not a served page. */
  graphqlErrors: number;
}

async function load(opts: autocannon.Options): Promise<Figures> {
  let graphqlErrors = 0;
  const requests = ((opts.requests ?? [{}]) as autocannon.Request[]).map((request) => ({
    ...request,
    onResponse: (status: number, body: string, context: any, headers: any) => {
      if (body.startsWith('{"errors"') || body.includes('"errors":[')) graphqlErrors += 1;
      if (typeof request.onResponse === 'function') request.onResponse(status, body, context, headers);
    },
  }));
  const result = await autocannon({ duration: DURATION, ...opts, requests });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  };
}

/** Rotates over `ids`, the same order for both servers. */
function rotation<T>(items: T[]) {
  let i = 0;
  return () => items[i++ % items.length]!;
}

const gqlRequest = (body: object, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const fmt = (f: Figures) =>
  `${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms${
    f.errors || f.non2xx || f.graphqlErrors
      ? `   (errors ${f.errors}, non-2xx ${f.non2xx}, GraphQL errors ${f.graphqlErrors})`
      : ''
  }`;

async function gql(query: string, variables: object, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${API_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: any[]; extensions?: any };
}

async function main() {
  const url = await benchDatabaseUrl(loadConfig());
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const [{ n }] = (await db.query('select count(*)::int as n from posts')).rows;
  if (n < 1_000_000) throw new Error(`hearth_bench has ${n} posts: run \`npm run seed -- --large\` first`);
  console.log(`database: ${n.toLocaleString('en')} posts; ${DURATION} s per measurement after a warm-up\n`);

  await Promise.all([
    start(
      'api',
      [
        // BENCH_PROFILE=dir writes the API's V8 CPU profile there when it stops (open in Chrome DevTools).
        ...(process.env.BENCH_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
          : []),
        // The live section collects garbage in the API (over the inspector) before reading its heap.
        ...(!ONLY || ONLY.includes('live') ? [`--inspect=127.0.0.1:${INSPECT_PORT}`] : []),
        '--import',
        'tsx',
        'src/main.ts',
      ],
      path.join(ROOT, 'api'),
      {
        NODE_ENV: 'production',
        DATABASE_URL: url,
        SEED_DEMO: 'never',
        PORT: String(API_PORT),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        // The webhooks section's receiver is a local node:http server (only it registers an endpoint).
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      },
      `http://127.0.0.1:${API_PORT}/readyz`,
    ),
    start(
      'baseline',
      ['--import', 'tsx', 'tests/bench/baseline-server.ts'],
      ROOT,
      { DATABASE_URL: url, PORT: String(BASE_PORT) },
      `http://127.0.0.1:${BASE_PORT}/ready`,
    ),
  ]);

  // Threads with at least 30 replies: a full first page of replies.
  const threadIds = (
    await db.query<{ id: number }>(
      `select id from threads where reply_count >= 30 and deleted_at is null order by hashint4(id) limit 300`,
    )
  ).rows.map((r) => String(r.id));

  // Same data from both servers for one thread (the baseline is the floor only if it does the same work).
  const sample = await gql(THREAD_PAGE, { id: threadIds[0] });
  if (!threadIds.length) throw new Error('no thread with 30 or more replies: rebuild the large seed');
  const baseRes = await fetch(`http://127.0.0.1:${BASE_PORT}/thread/${threadIds[0]}`);
  if (!baseRes.ok) throw new Error(`baseline answered ${baseRes.status} for thread ${threadIds[0]}`);
  const base = (await baseRes.json()) as any;
  const same =
    JSON.stringify(sample.data.thread.replies.edges.map((e: any) => e.node.id)) ===
      JSON.stringify(base.data.thread.replies.edges.map((e: any) => e.node.id)) &&
    sample.data.thread.title === base.data.thread.title;
  console.log(`baseline returns the same thread page as the API: ${same ? 'yes' : 'NO'}`);

  if (section('thread', 'Thread page (thread + 30 replies with authors)')) {
    const rows: string[] = [];
    for (const connections of [1, 10]) {
      const apiIds = rotation(threadIds);
      const baseIds = rotation(threadIds);
      const apiOpts = (): autocannon.Options => ({
        url: `http://127.0.0.1:${API_PORT}`,
        connections,
        requests: [
          {
            ...gqlRequest({}),
            setupRequest: (req: any) => ({
              ...req,
              body: JSON.stringify({ query: THREAD_PAGE, variables: { id: apiIds() } }),
            }),
          },
        ],
      });
      const baseOpts = (): autocannon.Options => ({
        url: `http://127.0.0.1:${BASE_PORT}`,
        connections,
        requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/thread/${baseIds()}` }) }],
      });
      await autocannon({ ...apiOpts(), duration: 3 });
      await autocannon({ ...baseOpts(), duration: 3 });
      const apiFig = await load(apiOpts());
      const baseFig = await load(baseOpts());
      rows.push(`  ${String(connections).padStart(2)} clients  API      ${fmt(apiFig)}`);
      rows.push(`  ${String(connections).padStart(2)} clients  baseline ${fmt(baseFig)}`);
      rows.push(
        `  ${String(connections).padStart(2)} clients  ratio API/baseline throughput: ${(apiFig.rps / baseFig.rps).toFixed(2)}`,
      );
      console.log(rows.slice(-3).join('\n'));
    }
  }

  if (section('statements', 'SQL statements per thread-page request')) {
    const sized = async (where: string) =>
      (
        await db.query<{ id: number; reply_count: number }>(
          // All with an accepted answer, so the pages differ only in their number of replies.
          `select id, reply_count from threads where deleted_at is null and accepted_post_id is not null and ${where} limit 1`,
        )
      ).rows[0]!;
    const samples = [
      await sized('reply_count = 5'),
      await sized('reply_count >= 30 order by reply_count'),
      await sized('reply_count >= 30 order by reply_count desc'),
    ];
    for (const { id, reply_count } of samples) {
      const res = await gql(THREAD_PAGE, { id: String(id) }, { 'x-hearth-debug': 'sql' });
      const shown = res.data.thread.replies.edges.length;
      console.log(
        `  thread with ${String(reply_count).padStart(3)} replies (${String(shown).padStart(2)} shown)  ${res.extensions?.sqlStatements} statements`,
      );
    }
  }

  if (section('list', 'Threads list (first: 20, LATEST), 10 clients')) {
    let after: string | null = null;
    for (let page = 1; page < 100; page++) {
      const res = await gql(THREAD_LIST, { after });
      after = res.data.threads.pageInfo.endCursor;
    }
    const listFirst = await load({
      url: `http://127.0.0.1:${API_PORT}`,
      connections: 10,
      requests: [gqlRequest({ query: THREAD_LIST, variables: {} })],
    });
    const list100 = await load({
      url: `http://127.0.0.1:${API_PORT}`,
      connections: 10,
      requests: [gqlRequest({ query: THREAD_LIST, variables: { after } })],
    });
    console.log(`  page 1    ${fmt(listFirst)}`);
    console.log(`  page 100  ${fmt(list100)}`);
    console.log(`  ratio page 100 / page 1 throughput: ${(list100.rps / listFirst.rps).toFixed(2)}`);
  }

  if (
    section(
      'votes',
      'Vote mutation (members flipping UP/NONE on posts of others, abuse limits on: at most 40 votes per member)',
    )
  ) {
    // Fresh (member, post) pairs each run (see voteLoad).
    const runSalt = randomBytes(3).readUIntBE(0, 3);
    for (const connections of [10, 50]) {
      // At 50 clients, ten post edits a second as well, as the search and knowledge subscribers
      // hear them (their events, recorded as the edit command records them): what the events
      // section reports as their lag is indexing under the vote load.
      const { line } = await voteLoad(db, connections, runSalt + connections, connections === 50);
      console.log(line);
    }
  }

  if (
    section(
      'events',
      'Domain events (commit-to-handled lag of the votes and edits above; a 10,000-event backlog drained)',
    )
  ) {
    // A moderator's session reads the subscribers' status (lag is measured in the API process).
    const [staff] = (
      await db.query<{ id: number }>(`select id from members where role in ('MODERATOR', 'ADMIN') order by id limit 1`)
    ).rows;
    const staffId =
      staff?.id ??
      (await db.query<{ id: number }>(`update members set role = 'MODERATOR' where id = 1 returning id`)).rows[0]!.id;
    const token = 'hs_' + randomBytes(32).toString('base64url');
    await db.query(
      `insert into sessions (member_id, token_hash, expires_at) values ($1, $2, now() + interval '1 day')`,
      [staffId, createHash('sha256').update(token).digest('hex')],
    );
    const STATUS = `{ eventSubscribers { subscriber handled backlog lagP50Ms lagP99Ms lagSamples } }`;
    const status = async () =>
      (await gql(STATUS, {}, { authorization: `Bearer ${token}` })).data.eventSubscribers as {
        subscriber: string;
        handled: number;
        backlog: number;
        lagP50Ms: number | null;
        lagP99Ms: number | null;
        lagSamples: number;
      }[];
    for (const s of await status()) {
      console.log(
        `  lag under the vote load, ${s.subscriber}: p50 ${s.lagP50Ms ?? '-'} ms, p99 ${s.lagP99Ms ?? '-'} ms over ${s.lagSamples} events`,
      );
    }
    // A backlog as a busy minute would leave it: 10,000 votes on answers, each crossing a badge
    // threshold (10), so the badge subscriber evaluates its rules for every author.
    const BACKLOG = 10_000;
    const before = (await status()).find((s) => s.subscriber === 'badges.award')!.handled;
    const started = performance.now();
    await db.query(
      `insert into domain_events (name, actor_type, actor_id, subject, related, data)
       select 'post.voted', 'member', 1, 'post:' || p.id, array['thread:' || p.thread_id, 'member:' || p.author_id],
              jsonb_build_object('postId', p.id, 'threadId', p.thread_id, 'authorId', p.author_id,
                                 'value', 1, 'previous', 0, 'scoreBefore', 9, 'score', 10)
         from (select id, thread_id, author_id from posts where not is_question and deleted_at is null
                order by hashint4(id) limit $1) p`,
      [BACKLOG],
    );
    for (;;) {
      const badges = (await status()).find((s) => s.subscriber === 'badges.award')!;
      if (badges.handled - before >= BACKLOG && badges.backlog === 0) break;
      if (performance.now() - started > 300_000) throw new Error('the backlog did not drain in 5 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${BACKLOG.toLocaleString('en')} post.voted events drained by badges.award in ${seconds.toFixed(1)} s ` +
        `(${(BACKLOG / seconds).toFixed(0)} events/s)`,
    );
    await db.query(`delete from sessions where member_id = $1`, [staffId]);
  }

  if (section('leaderboards', 'Leaderboards (first: 20; sequential requests, latency of the whole GraphQL request)')) {
    const categoryIds = (await db.query<{ id: number }>('select id from categories order by id limit 2')).rows.map(
      (r) => String(r.id),
    );
    for (const ranking of ['REPUTATION', 'SOLUTIONS']) {
      for (const period of ['WEEK', 'MONTH', 'ALL_TIME']) {
        for (const categoryId of [undefined, ...categoryIds]) {
          const ms: number[] = [];
          let rows = 0;
          for (let i = 0; i < 200; i++) {
            const started = performance.now();
            const res = await gql(LEADERBOARD, { period, categoryId, ranking });
            ms.push(performance.now() - started);
            if (res.errors) throw new Error(JSON.stringify(res.errors));
            rows = res.data.leaderboard.length;
          }
          ms.sort((a, b) => a - b);
          const p = (q: number) => ms[Math.floor(q * (ms.length - 1))]!.toFixed(1);
          console.log(
            `  ${ranking.padEnd(10)} ${period.padEnd(8)} ${(categoryId ? `category ${categoryId}` : 'overall').padEnd(11)} ` +
              `p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  (${rows} rows)`,
          );
        }
      }
    }
  }

  if (section('web', 'Web thread page (server render of /t/:id through the API, HTML)')) {
    if (!fs.existsSync(path.join(ROOT, 'community-web/build/server/index.js'))) {
      console.log('  skipped: build the web app first (npm run build -w community-web)');
    } else {
      await start(
        'web',
        ['server.mjs'],
        path.join(ROOT, 'community-web'),
        { NODE_ENV: 'production', PORT: String(WEB_PORT), API_URL: `http://127.0.0.1:${API_PORT}`, LOG_LEVEL: 'warn' },
        `http://127.0.0.1:${WEB_PORT}/healthz`,
      );
      // Steady state: each page's related list is computed on its first view (and stored), so
      // every page is viewed once before the clock starts. The first views are timed apart.
      const first = rotation(threadIds);
      const firstViews = await timed(Math.min(200, threadIds.length - 20), async () => {
        const res = await fetch(`http://127.0.0.1:${WEB_PORT}/t/${first()}`);
        if (!res.ok) throw new Error(`/t answered ${res.status}`);
      });
      for (const id of threadIds) await fetch(`http://127.0.0.1:${WEB_PORT}/t/${id}`);
      console.log(`  first views (related list computed)  p50 ${firstViews.p50} ms  p95 ${firstViews.p95} ms`);
      const next = rotation(threadIds);
      const { p50, p95 } = await timed(200, async () => {
        const res = await fetch(`http://127.0.0.1:${WEB_PORT}/t/${next()}`);
        const html = await res.text();
        if (!res.ok || !html.includes('data-testid="thread-title"')) throw new Error(`/t answered ${res.status}`);
      });
      console.log(`  1 client (sequential)  p50 ${p50} ms  p95 ${p95} ms`);
      const pages = rotation(threadIds);
      const f = await load({
        url: `http://127.0.0.1:${WEB_PORT}`,
        connections: 10,
        duration: DURATION,
        requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/t/${pages()}` }) }],
      });
      console.log(`  10 clients  ${fmt(f)}`);
    }
  }

  if (section('search', 'Search (sequential requests; latency of the whole GraphQL request)')) {
    await searchSection(db, url);
  }

  if (section('articles', 'Article page (sequential requests)')) {
    const published = async () =>
      (
        await db.query<{ id: number }>(
          `select id from articles where state = 'PUBLISHED' order by hashint4(id) limit 200`,
        )
      ).rows.map((r) => String(r.id));
    let ids = await published();
    if (ids.length === 0) {
      // A large seed built before the knowledge base: add its articles once.
      await seedLargeArticles(url);
      ids = await published();
    }
    const next = rotation(ids);
    const { p50, p95 } = await timed(300, async () => {
      const res = await gql(ARTICLE_PAGE, { id: next() });
      if (res.errors || !res.data.article) throw new Error(JSON.stringify(res.errors ?? 'no article'));
    });
    console.log(`  article page (${ids.length} articles)  p50 ${p50} ms  p95 ${p95} ms`);
  }

  if (section('moderation', 'Moderation pages (sequential requests; API and the raw SQL of the same page)')) {
    await moderationSection(db, url);
  }

  if (section('live', 'Live updates (graphql-ws subscriptions held open on the API)')) {
    await liveSection(db, threadIds);
  }

  if (section('customers', 'Customers (CRM batch upserts through a service token; the customer 360 view)')) {
    await customersSection(db, url);
  }

  if (
    section('webhooks', 'Outbound webhooks (deliveries to a local receiver under the vote load and a steady writer)')
  ) {
    await webhooksSection(db);
  }

  if (section('sentiment', 'Sentiment subscriber (cost per post, through its own code path)')) {
    await sentimentSection(url);
  }

  if (section('plans', 'Query plans (EXPLAIN ANALYZE)')) {
    const [big] = (
      await db.query<{ id: number }>(
        `select id from threads where deleted_at is null order by reply_count desc limit 1`,
      )
    ).rows;
    const plans: [string, string, unknown[]][] = [
      [
        'threads list, page 1',
        `select t.* from threads t where t.deleted_at is null and not exists (select 1 from categories c where c.id = t.category_id and c.kind = 'RESTRICTED') order by t.last_activity_at desc, t.id desc limit 21`,
        [],
      ],
      [
        'threads list, category + keyset',
        `select t.* from threads t where t.deleted_at is null and t.category_id = 3 and (t.last_activity_at, t.id) < (now(), 2147483647) order by t.last_activity_at desc, t.id desc limit 21`,
        [],
      ],
      [
        'replies of a thread',
        `select p.* from posts p where p.thread_id = $1 and p.deleted_at is null and not p.is_question order by p.score desc, p.id asc limit 31`,
        [big.id],
      ],
      [
        'leaderboard, month, category 1',
        `select member_id, points, accepted from reputation_rollups where period = 'MONTH' and period_start = date_trunc('month', now() at time zone 'utc')::date and category_id = 1 and points > 0 order by points desc, member_id limit 20`,
        [],
      ],
      [
        'viewer votes on a page',
        `select post_id, value from post_votes where voter_id = 1 and post_id = any($1)`,
        [[1, 2, 3, 4, 5]],
      ],
    ];
    for (const [label, sql, params] of plans) {
      const { rows: plan } = await db.query(`explain (analyze, buffers) ${sql}`, params);
      const lines = plan.map((r: any) => r['QUERY PLAN'] as string);
      const scan = lines.find((l) => /Index|Seq Scan/.test(l))?.trim() ?? lines[0];
      console.log(`  ${label.padEnd(34)} ${lines.at(-1)!.trim().padEnd(30)} ${scan}`);
    }
  }
  await db.end();
}

/**
 * The vote bench's load: `connections` clients casting and retracting votes for DURATION
 * seconds (the production abuse limits on), optionally with ten post edits a second; checks the
 * posts' counts against the ledger. Used by the votes section and, as the load beside
 * webhook deliveries, by the webhooks section.
 */
async function voteLoad(db: pg.Pool, connections: number, salt: number, withEdits: boolean) {
  // Fresh (member, post) pairs each run: pairs from earlier runs carry hundreds of flips in the
  // ledger, which no real vote has, and would make every run slower than the last.
  // The API runs with the production abuse limits, so no member may cast more than 40 votes a
  // UTC day: the load is spread over many members (each UP counts, NONE does not), taken from
  // those who have not voted today, so runs on one day do not run into each other's counters.
  const VOTES_PER_MEMBER = 40;
  const poolSize = Math.max(200, DURATION * 40); // ~3,000 votes/s of headroom per measurement
  const voters = // Voters who hold the upvote privilege, as on a live community.
    (
      await db.query<{ id: number }>(
        `select m.id from members m
          where m.reputation >= 15 and m.role = 'MEMBER'
            and not exists (select 1 from member_vote_days d
                             where d.member_id = m.id and d.day = (now() at time zone 'utc')::date)
          order by hashint4(m.id + $2) limit $1`,
        [poolSize, salt],
      )
    ).rows.map((r) => r.id);
  if (voters.length < poolSize) throw new Error(`only ${voters.length} members left to vote today`);
  const tokens = voters.map(() => 'hs_' + randomBytes(32).toString('base64url'));
  await db.query(
    `insert into sessions (member_id, token_hash, expires_at)
     select unnest($1::int[]), unnest($2::text[]), now() + interval '1 day'`,
    [voters, tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
  );
  // One scan for candidate posts (replies in open threads), then one per voter not by them.
  const candidates = (
    await db.query<{ id: number; author_id: number }>(
      `select p.id, p.author_id from posts p join threads t on t.id = p.thread_id
        where t.status in ('OPEN', 'ANSWERED') and p.deleted_at is null and not p.is_question
        order by hashint4(p.id + $2) limit $1`,
      [voters.length * 2, salt],
    )
  ).rows;
  const taken = new Set<number>();
  const postIds = voters.map((voter) => {
    const post = candidates.find((c) => c.author_id !== voter && !taken.has(c.id))!;
    taken.add(post.id);
    return post.id;
  });
  await db.query(
    `delete from post_votes v using unnest($1::int[], $2::int[]) as x(post_id, voter_id)
      where v.post_id = x.post_id and v.voter_id = x.voter_id`,
    [postIds, voters],
  );
  await db.query(
    `update posts set up_votes = s.up, down_votes = s.down, score = s.up - s.down
       from (select p.id, count(*) filter (where v.value = 1)::int as up, count(*) filter (where v.value = -1)::int as down
               from unnest($1::int[]) as p(id) left join post_votes v on v.post_id = p.id group by p.id) s
      where posts.id = s.id`,
    [postIds],
  );
  // autocannon resets a request's context before every request, so clients cannot keep a
  // member; instead each request borrows an idle (member, post) pair and flips its vote. A
  // pair whose member has cast 40 votes only retracts (free) and then rests.
  const pairs = tokens.map((token, i) => ({ token, postId: postIds[i]!, up: false, busy: false, votes: 0 }));
  let next = 0;
  const borrow = () => {
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[(next + i) % pairs.length]!;
      if (!pair.busy && (pair.up || pair.votes < VOTES_PER_MEMBER)) {
        next = (next + i + 1) % pairs.length;
        return pair;
      }
    }
    throw new Error('every bench voter has cast 40 votes: raise the pool size');
  };
  const editing = withEdits ? recordEditsDuring(db, 100) : null;
  const figures = await load({
    url: `http://127.0.0.1:${API_PORT}`,
    connections,
    requests: [
      {
        ...gqlRequest({}),
        setupRequest: (req: any, context: any) => {
          const pair = borrow();
          pair.busy = true;
          if (!pair.up) pair.votes += 1; // counted when sent: a refused vote would show as an error
          context.pair = pair;
          return {
            ...req,
            headers: { ...req.headers, authorization: `Bearer ${pair.token}` },
            body: JSON.stringify({
              query: VOTE,
              variables: { input: { postId: String(pair.postId), value: pair.up ? 'NONE' : 'UP' } },
            }),
          };
        },
        onResponse: (_status: number, body: string, context: any) => {
          const pair = context.pair as (typeof pairs)[number];
          if (!body.includes('"errors"')) pair.up = !pair.up;
          pair.busy = false;
        },
      },
    ],
  });
  await editing?.stop();
  const [check] = (
    await db.query(
      `select count(*)::int as posts,
            count(*) filter (where p.score <> coalesce((select sum(value) from post_votes v where v.post_id = p.id), 0)
                                 or p.up_votes <> (select count(*) from post_votes v where v.post_id = p.id and v.value = 1))::int as wrong
       from posts p where p.id = any($1)`,
      [postIds],
    )
  ).rows;
  const [{ most }] = (
    await db.query(
      `select coalesce(max(votes), 0)::int as most from member_vote_days
        where member_id = any($1) and day = (now() at time zone 'utc')::date`,
      [voters],
    )
  ).rows;
  await db.query(`delete from sessions where member_id = any($1)`, [voters]);
  const line =
    `  ${String(connections).padStart(2)} clients${editing ? ' + 10 edits/s' : ''}  ${fmt(figures)}   counts exact: ${check.wrong === 0 ? 'OK' : `FAIL (${check.wrong} posts)`}` +
    `   most votes by one member today: ${most}`;
  return { figures, exact: check.wrong === 0, line };
}

/**
 * Records a `post.edited` event for a random reply every `everyMs` until stopped: the events the
 * edit command records, so the subscribers that follow edits (search indexing, knowledge) do
 * their real work for each, and their lag is measured as for any event.
 */
function recordEditsDuring(db: pg.Pool, everyMs: number) {
  let running = true;
  const loop = (async () => {
    while (running) {
      await db.query(
        `insert into domain_events (name, actor_type, actor_id, subject, related, data)
         select 'post.edited', 'member', p.author_id, 'post:' || p.id, array['thread:' || p.thread_id],
                jsonb_build_object('postId', p.id, 'threadId', p.thread_id, 'authorId', p.author_id,
                                   'isQuestion', false, 'revision', 1, 'changed', jsonb_build_array('body'),
                                   'before', '{}'::jsonb)
           from posts p where p.id = (select (random() * (select max(id) from posts))::int)`,
      );
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** p50/p95/p99 in ms of `n` sequential runs of `work`, after 20 unmeasured ones. */
async function timed(n: number, work: () => Promise<void>) {
  for (let i = 0; i < 20; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.floor(q * (ms.length - 1))]!.toFixed(1);
  return { p50: p(0.5), p95: p(0.95), p99: p(0.99) };
}

/**
 * Search on each engine, side by side: words picked by their frequency in the index (a sample
 * of search_documents), alone, in pairs, with a category filter, by relevance and newest first,
 * and similar-question suggestions. PostgreSQL always; Meilisearch when MEILISEARCH_URL points
 * at a server holding this database's index.
 */
async function searchSection(db: pg.Pool, url: string) {
  const [{ docs }] = (await db.query('select count(*)::int as docs from search_documents')).rows;
  if (docs < 1_000_000) {
    console.log(`  search_documents holds ${docs} rows: run \`npm run search:reindex\` against hearth_bench first`);
    return;
  }
  const [{ id: categoryId }] = (await db.query('select id::text from categories order by id limit 1')).rows;
  const titles = (
    await db.query<{ title: string }>(
      `select title from threads where accepted_post_id is not null order by hashint4(id) limit 100`,
    )
  ).rows.map((r) => r.title.split(' ').slice(0, 6).join(' '));

  const engines: [string, number][] = [['postgres', API_PORT]];
  if (process.env.MEILISEARCH_URL) {
    await start(
      'api (meilisearch)',
      ['--import', 'tsx', 'src/main.ts'],
      path.join(ROOT, 'api'),
      {
        NODE_ENV: 'production',
        DATABASE_URL: url,
        SEED_DEMO: 'never',
        PORT: String(MEILI_PORT),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        JOBS_WORKER: 'off',
        MEILISEARCH_URL: process.env.MEILISEARCH_URL,
        MEILISEARCH_KEY: process.env.MEILISEARCH_KEY ?? '',
        ...(process.env.MEILISEARCH_INDEX_PREFIX
          ? { MEILISEARCH_INDEX_PREFIX: process.env.MEILISEARCH_INDEX_PREFIX }
          : {}),
      },
      `http://127.0.0.1:${MEILI_PORT}/readyz`,
    );
    engines.push(['meilisearch', MEILI_PORT]);
  } else {
    console.log('  (MEILISEARCH_URL not set: PostgreSQL only)');
  }
  // Words by how many of the large seed's 1.34M documents hold them (its vocabulary is small,
  // the same as bench/search.ts): a thread number (its thread and replies), a number in ~1% of
  // posts, a topic in ~18%, a word in nearly all.
  const cases: [string, Record<string, unknown>][] = [
    ['rare word (48454)', { query: '48454' }],
    ['mid word (15, ~1%)', { query: '15' }],
    ['mid word, newest', { query: '15', sort: 'NEWEST' }],
    ['topic word (webhook, ~18%)', { query: 'webhook' }],
    ['common word (hub)', { query: 'hub' }],
    ['common word, newest', { query: 'hub', sort: 'NEWEST' }],
    ['two common words', { query: 'restart hub' }],
    ['two common words, newest', { query: 'restart hub', sort: 'NEWEST' }],
    ['topic + category + solved', { query: 'thermostat', filter: { categoryId, solved: true } }],
    ['topic + tag, newest', { query: 'pairing', filter: { tags: ['zigbee'] }, sort: 'NEWEST' }],
  ];
  for (const [label, variables] of cases) {
    const line: string[] = [];
    for (const [engine, port] of engines) {
      let total = '';
      const { p50, p95 } = await timed(100, async () => {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: SEARCH, variables }),
        });
        const body = (await res.json()) as any;
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        if (body.data.search.engine !== engine) throw new Error(`${engine} answered as ${body.data.search.engine}`);
        const t = body.data.search.total;
        total = `${t.value}${t.exact ? '' : '+'}`;
      });
      line.push(`${engine} p50 ${p50.padStart(5)} ms p95 ${p95.padStart(5)} ms (${total.padStart(5)} hits)`);
    }
    console.log(`  ${label.padEnd(30)} ${line.join('   ')}`);
  }
  const line: string[] = [];
  for (const [engine, port] of engines) {
    const next = rotation(titles);
    const { p50, p95 } = await timed(200, async () => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SIMILAR, variables: { title: next() } }),
      });
      const body = (await res.json()) as any;
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });
    line.push(`${engine} p50 ${p50.padStart(5)} ms p95 ${p95.padStart(5)} ms`);
  }
  console.log(`  ${'similar questions (a title)'.padEnd(30)} ${line.join('   ')}`);
}

main()
  .then(() => {
    stopAll();
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    stopAll();
    process.exit(1);
  });

/**
 * The review queue and the audit log pages on a large community's moderation history (seeded
 * once: 20,000 review items, ~40,000 flags, ~25,000 moderator actions among the votes' events),
 * each beside the raw SQL that reads the same rows (the floor), as p50/p95 and their ratio.
 */
async function moderationSection(db: pg.Pool, url: string) {
  const [{ items }] = (await db.query('select count(*)::int as items from review_items')).rows;
  if (items < 10_000) await seedLargeModeration(url);
  const [staff] = (
    await db.query<{ id: number }>(`select id from members where role in ('MODERATOR', 'ADMIN') order by id limit 1`)
  ).rows;
  const staffId =
    staff?.id ??
    (await db.query<{ id: number }>(`update members set role = 'MODERATOR' where id = 1 returning id`)).rows[0]!.id;
  const token = 'hs_' + randomBytes(32).toString('base64url');
  await db.query(`insert into sessions (member_id, token_hash, expires_at) values ($1, $2, now() + interval '1 day')`, [
    staffId,
    createHash('sha256').update(token).digest('hex'),
  ]);
  const auth = { authorization: `Bearer ${token}` };
  const row = (label: string, api: { p50: string; p95: string }, base: { p50: string; p95: string }) =>
    console.log(
      `  ${label.padEnd(34)} API p50 ${api.p50} ms  p95 ${api.p95} ms | SQL p50 ${base.p50} ms  p95 ${base.p95} ms | ` +
        `ratio p95 ${(Number(api.p95) / Number(base.p95)).toFixed(1)}`,
    );

  // Review queue: the first page, and the page 10 pages in (cursor from the API).
  let tenth: string | null = null;
  for (let i = 0; i < 10; i++) {
    const res = await gql(REVIEW_QUEUE, { after: tenth }, auth);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    tenth = res.data.reviewQueue.pageInfo.endCursor;
  }
  const queueSql = async (offset: number) => {
    await db.query(`select count(*) filter (where status = 'OPEN') as open,
                           extract(epoch from now() - min(created_at) filter (where status = 'OPEN')) as oldest,
                           count(*) filter (where decided_at >= date_trunc('day', now())) as today
                      from review_items where status = 'OPEN' or decided_at >= now() - interval '7 days'`);
    const page = await db.query(
      `select r.*, p.body, p.is_question, p.hidden_at, t.title, a.handle, a.created_at as joined
         from review_items r join posts p on p.id = r.post_id join threads t on t.id = p.thread_id
         join members a on a.id = r.author_id
        where r.status = 'OPEN' order by r.created_at, r.id offset $1 limit 21`,
      [offset],
    );
    const ids = page.rows.map((r) => r.id);
    await db.query(
      `select f.*, m.handle from flags f join members m on m.id = f.flagger_id where f.review_item_id = any($1) order by f.id`,
      [ids],
    );
    await db.query(
      `select author_id, count(*) as flags, count(*) filter (where decision = 'AGREE') as agreed
         from review_items where author_id = any($1) and status = 'RESOLVED' group by author_id`,
      [page.rows.map((r) => r.author_id)],
    );
  };
  for (const [label, after, offset] of [
    ['review queue, first page', null, 0],
    ['review queue, page 11', tenth, 200],
  ] as const) {
    const api = await timed(200, async () => {
      const res = await gql(REVIEW_QUEUE, { after }, auth);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    });
    row(label, api, await timed(200, () => queueSql(offset)));
  }

  // Audit log: unfiltered, by moderator, by member, by thread, by kind.
  const [sample] = (
    await db.query(`select e.actor_id, (select (regexp_match(x, '^member:([0-9]+)$'))[1] from unnest(e.related) x
                      where x like 'member:%' limit 1) as member_id, e.data ->> 'threadId' as thread_id
                      from domain_events e where e.name = 'review.resolved' order by e.id desc limit 1`)
  ).rows;
  const filters: [string, Record<string, unknown>, string, unknown[]][] = [
    ['audit log, all actions', {}, '', []],
    [
      'audit log, one moderator',
      { actorId: String(sample.actor_id) },
      `and e.actor_type = 'member' and e.actor_id = $1`,
      [sample.actor_id],
    ],
    [
      'audit log, one member',
      { memberId: String(sample.member_id) },
      `and (e.subject = $1 or e.related @> array[$1])`,
      [`member:${sample.member_id}`],
    ],
    [
      'audit log, one thread',
      { threadId: String(sample.thread_id) },
      `and (e.subject = $1 or e.related @> array[$1])`,
      [`thread:${sample.thread_id}`],
    ],
    ['audit log, one kind', { kinds: ['thread.moved'] }, `and e.name = 'thread.moved'`, []],
  ];
  for (const [label, filter, where, params] of filters) {
    const api = await timed(200, async () => {
      const res = await gql(AUDIT_LOG, { filter }, auth);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    });
    const base = await timed(200, async () => {
      await db.query(
        `select e.*, m.handle from domain_events e left join members m on e.actor_type = 'member' and m.id = e.actor_id
          where ${AUDIT_PREDICATE} ${where} order by e.id desc limit 31`,
        params,
      );
    });
    row(label, api, base);
  }
  await db.query(`delete from sessions where member_id = $1`, [staffId]);
}

/** Sessions for `count` members (hashed as the API stores them), with their tokens. */
async function benchSessions(db: pg.Pool, count: number, where = `role = 'MEMBER'`) {
  const ids = (
    await db.query<{ id: number }>(`select id from members where ${where} order by hashint4(id) limit $1`, [count])
  ).rows.map((r) => r.id);
  const tokens = ids.map(() => 'hs_' + randomBytes(32).toString('base64url'));
  await db.query(
    `insert into sessions (member_id, token_hash, expires_at)
     select unnest($1::int[]), unnest($2::text[]), now() + interval '1 day'`,
    [ids, tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
  );
  return ids.map((id, i) => ({ id, token: tokens[i]! }));
}

/** The API's memory as its /metrics reports it (bytes). */
/** A full garbage collection in the API, through its inspector (HeapProfiler.collectGarbage). */
async function collectApiGarbage(): Promise<void> {
  const [target] = (await (await fetch(`http://127.0.0.1:${INSPECT_PORT}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { id?: number }).id === 1) resolve();
    });
    socket.once('error', reject);
  });
  socket.close();
}

/** The API's heap and RSS, the heap read after a forced full collection (live data only). */
async function apiMemory() {
  await collectApiGarbage();
  const text = await (await fetch(`http://127.0.0.1:${API_PORT}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: value('process_resident_memory_bytes'), heap: value('nodejs_heap_size_used_bytes') };
}

/** Opens one graphql-ws connection per token with a threadActivity subscription; resolves once all are acknowledged. */
async function openSubscribers(
  subscribers: { token: string; threadId: string }[],
  onActivity: (threadId: string, at: number) => void,
) {
  const clients: Client[] = [];
  await Promise.all(
    subscribers.map(
      (s) =>
        new Promise<void>((resolve, reject) => {
          const client = createClient({
            url: `ws://127.0.0.1:${API_PORT}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${s.token}` },
            lazy: false,
            retryAttempts: 0,
            onNonLazyError: reject,
            on: { connected: () => resolve() },
          });
          clients.push(client);
          client.subscribe(
            {
              query: `subscription($t: ID!) { threadActivity(threadId: $t) { eventId kind post { id body author { handle } } } }`,
              variables: { t: s.threadId },
            },
            { next: () => onActivity(s.threadId, performance.now()), error: reject, complete: () => undefined },
          );
        }),
    ),
  );
  return clients;
}

/**
 * Subscriptions held open per API instance and the memory each costs (heap and RSS before and
 * after 1,000 connections with one subscription each), then the thread page beside the raw-SQL
 * baseline while those subscribers watch 10 busy threads that get 5 replies a second: every
 * reply is delivered to ~100 subscribers, each checked for its own viewer.
 */
async function liveSection(db: pg.Pool, threadIds: string[]) {
  const SUBSCRIBERS = 1000;
  const sessions = await benchSessions(db, SUBSCRIBERS);
  const busy = threadIds.slice(0, 10);
  const idle = await apiMemory();
  const deliveries: number[] = [];
  /** When each busy thread's latest reply was committed (its mutation answered). */
  const committedAt = new Map<string, number>();
  const clients = await openSubscribers(
    sessions.map((s, i) => ({ token: s.token, threadId: busy[i % busy.length]! })),
    (thread, at) => {
      const committed = committedAt.get(thread);
      if (committed !== undefined) deliveries.push(at - committed);
    },
  );
  await new Promise((r) => setTimeout(r, 3000));
  const held = await apiMemory();
  const perSub = (bytes: number) => (bytes / SUBSCRIBERS / 1024).toFixed(1);
  console.log(
    `  ${SUBSCRIBERS} connections, 1 subscription each: heap +${((held.heap - idle.heap) / 1048576).toFixed(1)} MiB ` +
      `(${perSub(held.heap - idle.heap)} KiB each), RSS +${((held.rss - idle.rss) / 1048576).toFixed(1)} MiB ` +
      `(${perSub(held.rss - idle.rss)} KiB each)`,
  );

  // Replies to the busy threads from 60 members in turn (the posting pace allows one per 5 s each).
  const posters = await benchSessions(db, 60, `role = 'MEMBER' and reputation >= 50`);
  let posted = 0;
  let writing = true;
  const writer = (async () => {
    while (writing) {
      const poster = posters[posted % posters.length]!;
      const threadId = busy[posted % busy.length]!;
      const started = performance.now();
      const res = await gql(
        `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`,
        {
          input: {
            threadId,
            body: `Live bench reply ${posted} ${randomBytes(6).toString('hex')}: restart the sync service.`,
          },
        },
        { authorization: `Bearer ${poster.token}` },
      );
      if (res.errors) throw new Error(`postReply: ${JSON.stringify(res.errors)}`);
      committedAt.set(threadId, performance.now());
      posted += 1;
      await new Promise((r) => setTimeout(r, Math.max(0, 200 - (performance.now() - started))));
    }
  })();
  const rows: string[] = [];
  const apiIds = rotation(threadIds);
  const baseIds = rotation(threadIds);
  const apiOpts = (): autocannon.Options => ({
    url: `http://127.0.0.1:${API_PORT}`,
    connections: 10,
    requests: [
      {
        ...gqlRequest({}),
        setupRequest: (req: any) => ({
          ...req,
          body: JSON.stringify({ query: THREAD_PAGE, variables: { id: apiIds() } }),
        }),
      },
    ],
  });
  const baseOpts = (): autocannon.Options => ({
    url: `http://127.0.0.1:${BASE_PORT}`,
    connections: 10,
    requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: `/thread/${baseIds()}` }) }],
  });
  const deliveredBefore = deliveries.length;
  const apiFig = await load(apiOpts());
  const baseFig = await load(baseOpts());
  writing = false;
  await writer;
  await new Promise((r) => setTimeout(r, 2000));
  rows.push(
    `  10 clients  API      ${fmt(apiFig)}   (live on: ${posted} replies posted, ${deliveries.length - deliveredBefore} deliveries)`,
  );
  rows.push(`  10 clients  baseline ${fmt(baseFig)}`);
  rows.push(
    `  10 clients  ratio API/baseline throughput with live updates on: ${(apiFig.rps / baseFig.rps).toFixed(2)}`,
  );
  const lags = deliveries.slice(deliveredBefore).sort((x, y) => x - y);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]?.toFixed(0) ?? '-';
  rows.push(`  reply answered → delivered to a subscriber: p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  max ${at(1)} ms`);
  console.log(rows.join('\n'));

  // Fan-out: a thread followed by the 1,000 connected members, each also subscribed to their
  // notifications; one reply, timed to the last notification row and to the last delivery.
  const followed = threadIds[threadIds.length - 1]!;
  await db.query(
    `insert into notification_watches (member_id, thread_id, level)
     select unnest($1::int[]), $2, 'FOLLOWING'
     on conflict (member_id, thread_id) where thread_id is not null do update set level = 'FOLLOWING'`,
    [sessions.map((s) => s.id), followed],
  );
  const arrived: number[] = [];
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve) => {
          client.subscribe(
            { query: `subscription { notificationAdded { id kind message } }` },
            { next: () => arrived.push(performance.now()), error: () => resolve(), complete: () => undefined },
          );
          resolve();
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, 2000));
  arrived.length = 0;
  const poster = posters[posters.length - 1]!;
  const replied = performance.now();
  const reply = await gql(
    `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`,
    {
      input: {
        threadId: followed,
        body: `Fan-out bench reply ${randomBytes(6).toString('hex')}: check the proxy settings.`,
      },
    },
    { authorization: `Bearer ${poster.token}` },
  );
  if (reply.errors) throw new Error(`postReply: ${JSON.stringify(reply.errors)}`);
  const answered = performance.now();
  let rowsAt = 0;
  let notified = 0;
  while (performance.now() - answered < 60_000) {
    notified = (
      await db.query<{ n: number }>(`select count(*)::int as n from notifications where post_id = $1`, [
        Number(reply.data.postReply.id),
      ])
    ).rows[0]!.n;
    if (notified >= SUBSCRIBERS) {
      rowsAt = performance.now();
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  while (arrived.length < SUBSCRIBERS && performance.now() - answered < 60_000) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const lastDelivery = arrived.length ? Math.max(...arrived) : NaN;
  console.log(
    `  fan-out to ${notified} followers: reply answered in ${(answered - replied).toFixed(0)} ms; ` +
      `last notification row ${rowsAt ? (rowsAt - answered).toFixed(0) : '>60000'} ms after; ` +
      `${arrived.length} delivered over subscriptions, the last ${(lastDelivery - answered).toFixed(0)} ms after`,
  );
  await Promise.all(clients.map((c) => c.dispose()));
}

/** The bench's administrator (the large seed has none): created once, with a fresh session per section. */
async function adminSession(db: pg.Pool) {
  let [admin] = (await db.query<{ id: number }>(`select id from members where handle = 'benchadmin'`)).rows;
  if (!admin) {
    [admin] = (
      await db.query<{ id: number }>(
        `insert into members (id, handle, email, password_hash, role, email_verified_at)
         select (select max(id) + 1 from members), 'benchadmin', 'benchadmin@bench.example', password_hash, 'ADMIN', now()
           from members where id = 1
         returning id`,
      )
    ).rows;
  }
  const token = 'hs_' + randomBytes(32).toString('base64url');
  await db.query(`insert into sessions (member_id, token_hash, expires_at) values ($1, $2, now() + interval '1 day')`, [
    admin!.id,
    createHash('sha256').update(token).digest('hex'),
  ]);
  return {
    id: admin!.id,
    auth: { authorization: `Bearer ${token}` },
    end: () =>
      db.query(`delete from sessions where token_hash = $1`, [createHash('sha256').update(token).digest('hex')]),
  };
}

/** p50/p99 (and max) of `values`, in ms. */
function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(0) ?? '-';
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/**
 * upsertCustomers through a service token with customers:write, in batches of 500 records
 * (two emails, two products, handles, consent; one record in ten also carries the verified
 * email of a member linked to no customer, so the batch links as a CRM sync would): all new,
 * the same batches again (UNCHANGED), all updated, two clients at once with batches of their
 * own, and two clients sending the same batches at once. Then the customer 360 view of the
 * large seed's enterprise customer (seedLargeCustomers), beside the raw SQL of the same page.
 */
async function customersSection(db: pg.Pool, url: string) {
  // First, as it verifies the emails of a large seed built before verified emails.
  const enterprise = await seedLargeCustomers(url);
  const admin = await adminSession(db);
  const issued = await gql(
    `mutation($input: CreateServiceTokenInput!) { createServiceToken(input: $input) { token serviceToken { id } } }`,
    { input: { name: `Bench CRM ${new Date().toISOString()}`, scopes: ['customers:write'] } },
    admin.auth,
  );
  if (issued.errors) throw new Error(`createServiceToken: ${JSON.stringify(issued.errors)}`);
  const service = { authorization: `Bearer ${issued.data.createServiceToken.token}` };
  const salt = randomBytes(4).toString('hex');
  const BATCH = 500;
  const perCase = Math.max(6, DURATION * 2);
  const memberEmails = (
    await db.query<{ email: string }>(
      `select lower(m.email) as email from members m
        where m.role = 'MEMBER' and m.email_verified_at is not null
          and not exists (select 1 from customer_links l where l.member_id = m.id)
          and not exists (select 1 from customer_emails ce where ce.email = lower(m.email))
        order by hashint4(m.id + $1) limit $2`,
      [randomBytes(3).readUIntBE(0, 3), (perCase * 4 * BATCH) / 10],
    )
  ).rows.map((r) => r.email);
  const usedEmails = new Set<string>();
  const base = Date.now() - 3600_000;
  const record = (n: number, version: number) => {
    const member = n % 10 === 0 ? memberEmails[n / 10] : undefined;
    if (member) usedEmails.add(member);
    return {
      externalId: `crm-${salt}-${String(n).padStart(6, '0')}`,
      name: `Account ${n}`,
      emails: [`ops${n}@acct-${salt}.example`, `billing${n}@acct-${salt}.example`, ...(member ? [member] : [])],
      company: `Company ${n % 997}`,
      segment: ['Starter', 'Pro', 'Business', 'Enterprise'][n % 4],
      lifetimeValueCents: 1000 * (n % 5000) + version,
      currency: 'EUR',
      products: [
        { sku: 'HUB-1', name: 'Hub', version: `2.${version}` },
        { sku: 'SENSOR-M', name: 'Motion sensor', version: null },
      ],
      socialHandles: { x: `@acct${n}` },
      consent: { email: n % 2 === 0, analytics: n % 3 === 0 },
      updatedAt: new Date(base + version * 60_000).toISOString(),
    };
  };
  const batchesOf = (first: number, count: number, version: number) =>
    Array.from({ length: count }, (_, b) =>
      Array.from({ length: BATCH }, (_, i) => record((first + b) * BATCH + i, version)),
    );
  const run = async (label: string, clients: object[][][], expected: string[]) => {
    const ms: number[] = [];
    const statuses = new Map<string, number>();
    const started = performance.now();
    await Promise.all(
      clients.map(async (batches) => {
        for (const records of batches) {
          const sent = performance.now();
          const res = await gql(UPSERT_CUSTOMERS, { records }, service);
          ms.push(performance.now() - sent);
          if (res.errors) throw new Error(`upsertCustomers: ${JSON.stringify(res.errors).slice(0, 500)}`);
          for (const r of res.data.upsertCustomers.results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const records = clients.reduce((sum, batches) => sum + batches.length * BATCH, 0);
    const p = percentiles(ms);
    const summary = [...statuses].map(([s, n]) => `${s} ${n}`).join(', ');
    const unexpected = [...statuses.keys()].some((s) => !expected.includes(s));
    console.log(
      `  ${label.padEnd(40)} ${(records / seconds).toFixed(0).padStart(6)} records/s   per batch p50 ${p.p50.padStart(4)} ms  ` +
        `p99 ${p.p99.padStart(4)} ms   (${summary}${unexpected ? `; expected only ${expected.join('/')}` : ''})`,
    );
  };
  // Warm-up (not shown): two batches of their own.
  await run('warm-up (not a figure)', [batchesOf(10_000, 2, 1)], ['CREATED']);
  await run(`all new, 1 client (${perCase} batches of ${BATCH})`, [batchesOf(0, perCase, 1)], ['CREATED']);
  await run('same batches again (UNCHANGED)', [batchesOf(0, perCase, 1)], ['UNCHANGED']);
  await run('all updated (newer updatedAt)', [batchesOf(0, perCase, 2)], ['UPDATED']);
  await run(
    'all new, 2 clients at once',
    [batchesOf(perCase, perCase, 1), batchesOf(2 * perCase, perCase, 1)],
    ['CREATED'],
  );
  const shared = batchesOf(3 * perCase, perCase, 1);
  await run('same new batches from 2 clients at once', [shared, shared], ['CREATED', 'UNCHANGED']);
  const [stored] = (
    await db.query<{ customers: number; linked: number }>(
      `select (select count(*)::int from customers where external_id like $1) as customers,
              (select count(*)::int from customer_links l join members m on m.id = l.member_id
                 join customer_emails ce on ce.customer_id = l.customer_id and ce.email = lower(m.email)
                 join customers c on c.id = l.customer_id and c.external_id like $1) as linked`,
      [`crm-${salt}-%`],
    )
  ).rows;
  const expectedRecords = 4 * perCase * BATCH + 2 * BATCH; // and the warm-up's
  console.log(
    `  records stored ${stored!.customers} (expected ${expectedRecords}: ${stored!.customers === expectedRecords ? 'OK' : 'FAIL'}); ` +
      `members linked by verified email ${stored!.linked} of ${usedEmails.size} (${stored!.linked === usedEmails.size ? 'OK' : 'FAIL'})`,
  );
  // The bench's records go again (their events stay in the log), so runs do not grow the table.
  await db.query(`delete from customers where external_id like $1`, [`crm-${salt}-%`]);
  await gql(
    `mutation($id: ID!) { revokeServiceToken(id: $id) { id } }`,
    { id: issued.data.createServiceToken.serviceToken.id },
    admin.auth,
  );

  // The customer 360 view.
  const view = async (after: string | null) => {
    const res = await gql(CUSTOMER_VIEW, { id: String(enterprise.customerId), after }, admin.auth);
    if (res.errors || !res.data.customer) throw new Error(`customer: ${JSON.stringify(res.errors ?? 'null')}`);
    return res.data.customer;
  };
  const baseline = async (after: string | null) => {
    const res = await fetch(
      `http://127.0.0.1:${BASE_PORT}/customer/${enterprise.customerId}${after ? `?after=${after}` : ''}`,
    );
    if (!res.ok) throw new Error(`baseline answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as any).data.customer;
  };
  const first = await view(null);
  const firstBase = await baseline(null);
  const lastId = firstBase.timeline.edges.at(-1)?.node.id ?? null;
  const second = await view(first.timeline.pageInfo.endCursor);
  const secondBase = await baseline(lastId);
  const ids = (page: any) => JSON.stringify(page.timeline.edges.map((e: any) => e.node.id));
  const same =
    ids(first) === ids(firstBase) &&
    ids(second) === ids(secondBase) &&
    first.memberLinks.length === firstBase.memberLinks.length &&
    first.signals.openIssues.unresolvedQuestions === firstBase.signals.openIssues.unresolvedQuestions;
  console.log(
    `  customer ${enterprise.customerId}: ${enterprise.members} linked members, ${enterprise.events.toLocaleString('en')} timeline events, ` +
      `${first.signals.openIssues.unresolvedQuestions} open questions; baseline returns the same pages: ${same ? 'yes' : 'NO'}`,
  );
  const line = (label: string, api: Record<string, string>, sql: Record<string, string>) =>
    console.log(
      `  ${label.padEnd(28)} API p50 ${api.p50} ms  p95 ${api.p95} ms  p99 ${api.p99} ms | ` +
        `SQL p50 ${sql.p50} ms  p95 ${sql.p95} ms  p99 ${sql.p99} ms | ratio p95 ${(Number(api.p95) / Number(sql.p95)).toFixed(1)}`,
    );
  line(
    '360 view, first page',
    await timed(200, async () => void (await view(null))),
    await timed(200, async () => void (await baseline(null))),
  );
  line(
    '360 view, second page',
    await timed(200, async () => void (await view(first.timeline.pageInfo.endCursor))),
    await timed(200, async () => void (await baseline(lastId))),
  );
  await admin.end();
}

const RECEIVER_PORT = 4304;

/**
 * Outbound webhooks at the vote bench's load (10 clients) while a writer asks questions, answers
 * and accepts them at 20 mutations a second (thread.created, thread.answered, answer.accepted
 * for each thread): first with no endpoint, then with one subscribed to every kind that points
 * at a local node:http receiver (signatures verified). Reports the vote throughput ratio on/off,
 * deliveries per second and the lag from the event (the payload's timestamp, the event's
 * occurred_at) to receipt. Every delivery must arrive exactly once (by webhook-id) and in order
 * per subject. (No synthetic burst: events inserted by hand would set every other subscriber to
 * work too, search, related threads, notifications, and load the next run.)
 */
async function webhooksSection(db: pg.Pool) {
  const admin = await adminSession(db);
  await db.query(`delete from webhook_endpoints where url like $1`, [`http://127.0.0.1:${RECEIVER_PORT}/%`]);
  const received: { id: string; at: number; timestamp: number }[] = [];
  let verifier: Webhook | null = null;
  let badSignatures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        verifier!.verify(body, req.headers as Record<string, string>);
      } catch {
        badSignatures += 1;
      }
      const payload = JSON.parse(body) as { timestamp: string };
      received.push({ id: String(req.headers['webhook-id']), at, timestamp: Date.parse(payload.timestamp) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(RECEIVER_PORT, '127.0.0.1', resolve));

  const people = await benchSessions(db, 400, `role = 'MEMBER' and reputation >= 50`);
  const askers = people.slice(0, 200);
  const answerers = people.slice(200);
  const categories = (await db.query<{ id: number }>(`select id from categories where kind = 'QA' order by id`)).rows;
  /**
   * Starts a thread cycle (ask, answer, accept: three mutations) every 150 ms: 20 mutations a
   * second. Cycles are numbered from `first`, which picks the askers: each phase starts at its own
   * hundred, so no asker asks again within the abuse limit's 15 s between threads.
   */
  const writer = (first: number) => {
    let cycles = first;
    let mutations = 0;
    const errors: string[] = [];
    const running: Promise<void>[] = [];
    const call = async (query: string, variables: object, token: string) => {
      const res = await gql(query, variables, { authorization: `Bearer ${token}` });
      if (res.errors) throw new Error(JSON.stringify(res.errors).slice(0, 300));
      mutations += 1;
      return res.data;
    };
    const cycle = async (n: number) => {
      const asker = askers[n % askers.length]!;
      const answerer = answerers[n % answerers.length]!;
      try {
        const asked = await call(
          `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
          {
            input: {
              categoryId: String(categories[n % categories.length]!.id),
              title: `Webhook bench question ${n} ${randomBytes(3).toString('hex')}: hub keeps dropping`,
              body: `Since firmware ${n}.${randomBytes(3).toString('hex')} the hub drops off the network every few hours. Any ideas?`,
              tags: [],
            },
          },
          asker.token,
        );
        const reply = await call(
          `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`,
          {
            input: {
              threadId: asked.askQuestion.id,
              body: `Pin the hub to channel ${11 + (n % 15)} and restart it (${randomBytes(3).toString('hex')}): the drops stop.`,
            },
          },
          answerer.token,
        );
        await call(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: reply.postReply.id }, asker.token);
      } catch (error) {
        errors.push((error as Error).message);
      }
    };
    let inFlight = 0;
    let skipped = 0;
    // At most 10 cycles in flight: a writer that cannot keep its pace falls behind, it does not pile up.
    const timer = setInterval(() => {
      if (inFlight >= 10) {
        skipped += 1;
        return;
      }
      inFlight += 1;
      running.push(cycle(cycles++).finally(() => (inFlight -= 1)));
    }, 150);
    return {
      stop: async () => {
        clearInterval(timer);
        await Promise.all(running);
        return { cycles: cycles - first, mutations, errors, skipped };
      },
    };
  };
  const votesWith = async (label: string, salt: number, first: number) => {
    const writing = writer(first);
    const started = Date.now();
    const votes = await voteLoad(db, 10, salt, false);
    const wrote = await writing.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `  ${label}: ${votes.line.trim()}\n` +
        `    writer: ${wrote.mutations} mutations in ${seconds.toFixed(1)} s (${(wrote.mutations / seconds).toFixed(1)}/s` +
        `${wrote.skipped ? `; ${wrote.skipped} cycles skipped, 10 in flight` : ''})` +
        `${wrote.errors.length ? `, ${wrote.errors.length} cycles failed, e.g. ${wrote.errors[0]}` : ''}`,
    );
    return { votes, started };
  };
  /** Waits until the webhook subscriber has handled every event committed so far. */
  const caughtUp = async (limitMs: number) => {
    const started = Date.now();
    for (;;) {
      const res = await gql(`{ eventSubscribers { subscriber backlog } }`, {}, admin.auth);
      const mine = (res.data?.eventSubscribers ?? []).find(
        (s: { subscriber: string }) => s.subscriber === 'webhooks.queue_deliveries',
      );
      if (mine && mine.backlog === 0) return true;
      if (Date.now() - started > limitMs) return false;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const salt = randomBytes(3).readUIntBE(0, 3);
  const off = await votesWith('webhooks off', salt, 0);
  // The off phase's events are handled before the endpoint exists (none of them is delivered).
  await caughtUp(120_000);
  const endpointCreated = Date.now();

  const kinds = await gql(`{ webhookEventKinds { type } }`, {}, admin.auth);
  const created = await gql(
    `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } secret } }`,
    {
      input: {
        url: `http://127.0.0.1:${RECEIVER_PORT}/crm`,
        events: kinds.data.webhookEventKinds.map((k: { type: string }) => k.type),
        description: 'Bench receiver',
      },
    },
    admin.auth,
  );
  if (created.errors) throw new Error(`createWebhookEndpoint: ${JSON.stringify(created.errors)}`);
  verifier = new Webhook(created.data.createWebhookEndpoint.secret);
  const endpointId = Number(created.data.createWebhookEndpoint.endpoint.id);
  const on = await votesWith('webhooks on ', salt + 1, 100);
  const loadEnded = Date.now();

  /** Waits until the subscriber caught up, every delivery of the endpoint is final and received, and none came for 2 s. */
  const drained = async (limitMs: number) => {
    const started = Date.now();
    let last = -1;
    let stableSince = Date.now();
    for (;;) {
      const [row] = (
        await db.query<{ total: number; open: number }>(
          `select count(*)::int as total, count(*) filter (where status in ('PENDING', 'SENDING', 'RETRYING'))::int as open
             from webhook_deliveries where endpoint_id = $1`,
          [endpointId],
        )
      ).rows;
      if (row!.total !== last) {
        last = row!.total;
        stableSince = Date.now();
      }
      if (row!.open === 0 && received.length >= row!.total && Date.now() - stableSince > 2000 && (await caughtUp(0))) {
        return true;
      }
      if (Date.now() - started > limitMs) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const steadyDrained = await drained(120_000);
  const steady = received.filter((r) => r.timestamp >= endpointCreated);
  const lags = percentiles(steady.map((r) => r.at - r.timestamp));
  const during = steady.filter((r) => r.at <= loadEnded);
  const span = (loadEnded - on.started) / 1000;
  console.log(
    `  vote throughput ratio webhooks on/off: ${(on.votes.figures.rps / off.votes.figures.rps).toFixed(2)}` +
      `   deliveries during the load ${during.length} (${(during.length / span).toFixed(1)}/s), ${steady.length} in all` +
      `${steadyDrained ? '' : ' (NOT drained within 120 s)'}`,
  );
  console.log(
    `  event → received: p50 ${lags.p50} ms  p95 ${lags.p95} ms  p99 ${lags.p99} ms  max ${lags.max} ms` +
      `   (JOBS_POLL_SECONDS ${process.env.JOBS_POLL_SECONDS ?? 'default'})`,
  );

  // Exactly once, in order per subject, against the endpoint's delivery log.
  const rows = (
    await db.query<{ id: string; webhook_id: string; subject: string; status: string }>(
      `select id::text, webhook_id, subject, status from webhook_deliveries where endpoint_id = $1 order by id`,
      [endpointId],
    )
  ).rows;
  const times = new Map<string, number>();
  for (const r of received) times.set(r.id, (times.get(r.id) ?? 0) + 1);
  const duplicates = [...times.values()].filter((n) => n > 1).length;
  const byWebhookId = new Map(rows.map((r) => [r.webhook_id, r]));
  const missing = rows.filter((r) => !times.has(r.webhook_id)).length;
  const unknown = [...times.keys()].filter((id) => !byWebhookId.has(id)).length;
  const lastBySubject = new Map<string, bigint>();
  let outOfOrder = 0;
  for (const r of received) {
    const row = byWebhookId.get(r.id);
    if (!row) continue;
    const previous = lastBySubject.get(row.subject);
    if (previous !== undefined && BigInt(row.id) < previous) outOfOrder += 1;
    lastBySubject.set(row.subject, BigInt(row.id));
  }
  const notDelivered = rows.filter((r) => r.status !== 'DELIVERED').length;
  const ok = duplicates === 0 && missing === 0 && unknown === 0 && outOfOrder === 0 && badSignatures === 0;
  console.log(
    `  exactly once, in order per subject: ${ok ? 'OK' : 'FAIL'} (${rows.length} deliveries logged, ${received.length} received; ` +
      `duplicates ${duplicates}, missing ${missing}, unknown ${unknown}, out of order ${outOfOrder}, ` +
      `bad signatures ${badSignatures}, not DELIVERED ${notDelivered}; ${lastBySubject.size} subjects)`,
  );
  await gql(`mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: String(endpointId) }, admin.auth);
  await db.query(`delete from sessions where member_id = any($1)`, [people.map((p) => p.id)]);
  await admin.end();
  await new Promise((r) => server.close(r));
}

/**
 * The sentiment subscriber's cost per post: 5,000 of the large seed's posts scored through
 * computeSentiments, the function its handler calls, in its batches of 500 (each in a
 * transaction, as the subscriber's), and the scoring alone (vader and the cue rules, CPU).
 */
async function sentimentSection(url: string) {
  const POSTS = 5000;
  const BATCH = 500;
  const orm = await openOrm(url, 2, assembly.entities);
  const em = orm.em.fork();
  const ids = (
    await sql<{ id: number }>(
      em,
      `select id from posts where deleted_at is null order by hashint4(id * 5 + 3) limit ?`,
      [POSTS + BATCH],
    )
  ).map((r) => r.id);
  await transact(em, (tx) => computeSentiments(tx, ids.slice(0, BATCH))); // warm-up
  const measured = ids.slice(BATCH);
  const batchMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < measured.length; i += BATCH) {
    const t = performance.now();
    await transact(em, (tx) => computeSentiments(tx, measured.slice(i, i + BATCH)));
    batchMs.push(performance.now() - t);
  }
  const total = performance.now() - started;
  const texts = await sql<{ body: string; title: string | null }>(
    em,
    `select p.body, case when p.is_question then t.title end as title
       from posts p join threads t on t.id = p.thread_id where p.id = any(?::int[])`,
    [`{${measured.join(',')}}`],
  );
  const scoring = performance.now();
  for (const t of texts) analyzeSentiment(t.body, t.title);
  const scoringMs = performance.now() - scoring;
  const chars = texts.reduce((sum, t) => sum + t.body.length, 0) / texts.length;
  const p = percentiles(batchMs);
  console.log(
    `  ${measured.length.toLocaleString('en')} posts (mean ${chars.toFixed(0)} characters) in batches of ${BATCH}: ` +
      `${(total / measured.length).toFixed(3)} ms/post (${((measured.length / total) * 1000).toFixed(0)} posts/s), ` +
      `batch p50 ${p.p50} ms  p99 ${p.p99} ms`,
  );
  console.log(
    `  of which scoring (vader + cue rules, CPU): ${(scoringMs / texts.length).toFixed(3)} ms/post; ` +
      `the rest is the batch's read and upsert`,
  );
  await orm.close(true);
}
