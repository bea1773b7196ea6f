/**
 * npm run bench: load-tests the API on the large seed beside a raw-SQL baseline server, in one
 * run, and prints figures as ratios (a ratio holds on a noisy machine; an absolute figure does
 * not). Build the data first: npm run seed -- --large.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../api/src/config.js';
import { benchDatabaseUrl, seedLargeArticles } from '../../api/src/seed/large.js';
import {
  ARTICLE_PAGE,
  AUDIT_LOG,
  LEADERBOARD,
  REVIEW_QUEUE,
  SEARCH,
  SIMILAR,
  THREAD_LIST,
  THREAD_PAGE,
  VOTE,
} from './queries.js';
import { AUDIT_PREDICATE } from '../../api/src/modules/audit/event-log.queries.js';
import { seedLargeModeration } from '../../api/src/seed/large-moderation.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/** BENCH_ONLY=votes,leaderboards runs just those sections (thread, statements, list, votes, events, leaderboards, web, search, articles, moderation, live, plans). */
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
    // Fresh (member, post) pairs each run: pairs from earlier runs carry hundreds of flips in the
    // ledger, which no real vote has, and would make every run slower than the last.
    const runSalt = randomBytes(3).readUIntBE(0, 3);
    // The API runs with the production abuse limits, so no member may cast more than 40 votes a
    // UTC day: the load is spread over many members (each UP counts, NONE does not), taken from
    // those who have not voted today, so runs on one day do not run into each other's counters.
    const VOTES_PER_MEMBER = 40;
    const poolSize = Math.max(200, DURATION * 40); // ~3,000 votes/s of headroom per measurement
    for (const connections of [10, 50]) {
      const voters = // Voters who hold the upvote privilege, as on a live community.
        (
          await db.query<{ id: number }>(
            `select m.id from members m
              where m.reputation >= 15 and m.role = 'MEMBER'
                and not exists (select 1 from member_vote_days d
                                 where d.member_id = m.id and d.day = (now() at time zone 'utc')::date)
              order by hashint4(m.id + $2) limit $1`,
            [poolSize, runSalt + connections],
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
          [voters.length * 2, runSalt + connections],
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
      // At 50 clients, ten post edits a second as well, as the search and knowledge subscribers
      // hear them (their events, recorded as the edit command records them): what the events
      // section reports as their lag is indexing under the vote load.
      const editing = connections === 50 ? recordEditsDuring(db, 100) : null;
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
      console.log(
        `  ${String(connections).padStart(2)} clients${editing ? ' + 10 edits/s' : ''}  ${fmt(figures)}   counts exact: ${check.wrong === 0 ? 'OK' : `FAIL (${check.wrong} posts)`}` +
          `   most votes by one member today: ${most}`,
      );
      await db.query(`delete from sessions where member_id = any($1)`, [voters]);
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

/** p50/p95 in ms of `n` sequential runs of `work`, after 20 unmeasured ones. */
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
  return { p50: p(0.5), p95: p(0.95) };
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
