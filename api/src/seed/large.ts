import { seedLargeModeration } from './large-moderation.js';
import pg from 'pg';
import type { Config } from '../config.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { ensureDatabase, startEmbeddedPostgres } from '../platform/db/embedded-postgres.js';
import { migrate, openOrm } from '../platform/db/orm.js';
import { assembly } from '../modules.js';
import { backfillBadges } from '../modules/badges/badge-granter.js';
import { createMarkdownRenderer } from '../modules/community/markdown.js';
import { loadThreadSource } from '../modules/knowledge/article-source.js';
import { draftFromThread } from '../modules/knowledge/commands/draft-from-thread.js';
import { systemActor } from '../platform/authz/actor.js';
import { sql } from '../platform/db/sql.js';
import { transact } from '../platform/db/transact.js';

/** Password of every large-seed member (benchmark data only). */
export const LARGE_SEED_PASSWORD = 'bench-password';

export const LARGE = {
  members: 50_000,
  threads: 100_000,
  categories: 10,
} as const;

const TAGS = [
  'setup',
  'wifi',
  'zigbee',
  'pairing',
  'firmware',
  'app',
  'android',
  'ios',
  'automation',
  'scenes',
  'sensor',
  'battery',
  'camera',
  'api',
  'webhooks',
  'billing',
  'account',
  '2fa',
  'alexa',
  'google-home',
  'home-assistant',
  'ifttt',
  'energy',
  'lights',
  'locks',
  'thermostat',
  'notifications',
  'offline',
  'hub',
  'sharing',
];
const TOPICS = [
  'the hub going offline',
  'Zigbee pairing',
  'a sunset automation',
  'motion sensor batteries',
  'the Android app',
  'webhook signatures',
  'invoice downloads',
  'camera live view',
  'scene scheduling',
  'firmware updates',
  'voice assistants',
  'the REST API',
  'energy reports',
  'door lock codes',
  'thermostat schedules',
];

/**
 * The first thread's time: the 100,000 threads, 5 minutes apart, run up to about a week ago, so
 * this week's and month's leaderboards have data as they would in a live community.
 */
const EPOCH = `(date_trunc('day', now()) - interval '355 days')`;

/** The benchmark database: BENCH_DATABASE_URL, or `hearth_bench` beside the configured one. */
export async function benchDatabaseUrl(config: Config): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = config.DATABASE_URL
    ? config.DATABASE_URL.replace(/\/[^/?]*(\?|$)/, '/hearth_bench$1')
    : (await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT })).url('hearth_bench');
  await ensureDatabase(url.replace(/\/[^/?]*(\?|$)/, '/postgres$1'), 'hearth_bench');
  return url;
}

/** Drops and re-creates the benchmark database, so every build starts from the migrations alone. */
async function recreateDatabase(url: string) {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]*(\?|$)/, '/postgres$1') });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
}

/**
 * Builds the benchmark data set (ARCHITECTURE.md "Performance"): 50,000 members, 100,000
 * threads, ~1.3 million posts, ~5.5 million votes, with set-based SQL. Deterministic: every
 * "random" choice is a hash of row numbers. Consistent: counters, scores, accepted answers and
 * revisions agree with the rows, exactly as the commands would have left them.
 */
export async function seedLarge(config: Config): Promise<void> {
  const url = await benchDatabaseUrl(config);
  const total = Date.now();
  await recreateDatabase(url);
  const orm = await openOrm(url, 2, assembly.entities);
  await migrate(orm);
  await orm.close(true);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const phase = async (label: string, ...statements: string[]) => {
    const started = Date.now();
    for (const statement of statements) await client.query(statement);
    console.log(`${label.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`);
  };
  // h(x, salt): a deterministic pseudo-random non-negative int.
  const h = (x: string, salt: number) => `(hashint8((${x})::bigint * 7919 + ${salt}) & 2147483647)`;
  const passwordHash = await hashPassword(LARGE_SEED_PASSWORD);

  const indexes = (
    await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes
        where schemaname = 'public'
          and tablename in ('threads', 'posts', 'post_votes', 'post_revisions', 'reputation_events', 'reputation_rollups')
          and indexname not in (select conname from pg_constraint)`,
    )
  ).rows;
  await client.query('set synchronous_commit = off');
  await client.query("set maintenance_work_mem = '512MB'");
  // Foreign keys are checked by the final consistency query instead of per row.
  await client.query('set session_replication_role = replica');
  await phase('drop secondary indexes', ...indexes.map((i) => `drop index ${i.indexname}`));

  await phase(
    `members (${LARGE.members.toLocaleString('en')})`,
    `insert into members (id, handle, email, password_hash, role, created_at, updated_at, email_verified_at)
     select i, 'user' || lpad(i::text, 5, '0'), 'user' || i || '@bench.example', '${passwordHash}',
            case when i <= 5 then 'MODERATOR' else 'MEMBER' end,
            ${EPOCH} - interval '2 years' + i * interval '10 minutes', ${EPOCH} - interval '2 years' + i * interval '10 minutes',
            ${EPOCH} - interval '2 years' + i * interval '10 minutes'
       from generate_series(1, ${LARGE.members}) i`,
  );
  await phase(
    'categories',
    `insert into categories (id, slug, name, description, kind, position)
     select i, 'category-' || i, 'Category ' || i, 'Benchmark category ' || i, 'QA', i from generate_series(1, ${LARGE.categories}) i`,
  );
  const tags = `array['${TAGS.join("','")}']`;
  const topics = `array['${TOPICS.join("','")}']`;
  await phase(
    `threads (${LARGE.threads.toLocaleString('en')})`,
    `insert into threads (id, category_id, author_id, title, status, tags, created_at, last_activity_at, question_post_id)
     select i, 1 + ${h('i', 1)} % ${LARGE.categories}, 1 + ${h('i', 2)} % ${LARGE.members},
            'Question ' || i || ': trouble with ' || (${topics})[1 + ${h('i', 3)} % ${TOPICS.length}],
            'OPEN',
            array[(${tags})[1 + ${h('i', 4)} % ${TAGS.length}], (${tags})[1 + ${h('i', 5)} % ${TAGS.length}]],
            ${EPOCH} + i * interval '5 minutes', ${EPOCH} + i * interval '5 minutes', i
       from generate_series(1, ${LARGE.threads}) i`,
    `update threads set tags = array[tags[1]] where tags[1] = tags[2]`,
    `insert into tags (name) select unnest(${tags})`,
  );
  // Plain-text bodies: their HTML is exactly what the markdown renderer makes of them.
  await phase(
    'question posts',
    `insert into posts (id, thread_id, author_id, is_question, body, body_html, created_at)
     select t.id, t.id, t.author_id, true, b.body, '<p>' || b.body || '</p>', t.created_at
       from threads t,
            lateral (select 'Since the last update I have had trouble with ' || (${topics})[1 + ${h('t.id', 6)} % ${TOPICS.length}]
                            || '. I restarted the hub and re-paired the device, but it keeps happening about every '
                            || (2 + ${h('t.id', 7)} % 20) || ' minutes. What else can I check?' as body) b`,
  );
  // Most threads get 3–15 replies; one in a hundred is a hot thread with 200–399.
  await phase(
    'replies',
    `insert into posts (id, thread_id, author_id, is_question, body, body_html, created_at)
     select ${LARGE.threads} + row_number() over (order by t.id, k), t.id, 1 + ${h('t.id * 1000 + k', 8)} % ${LARGE.members}, false,
            r.body, '<p>' || r.body || '</p>', t.created_at + k * interval '17 minutes'
       from threads t,
            generate_series(1, case when ${h('t.id', 9)} % 100 = 0 then 200 + ${h('t.id', 10)} % 200 else 3 + ${h('t.id', 11)} % 13 end) k,
            lateral (select 'Reply ' || k || ': try checking ' || (${topics})[1 + ${h('t.id * 1000 + k', 12)} % ${TOPICS.length}]
                            || ' first, then restart the hub and wait ' || (1 + ${h('t.id * 1000 + k', 13)} % 10) || ' minutes.' as body) r`,
  );
  // Votes: distinct voters per post (stride 7919 is coprime with 50,000), never the author.
  await phase(
    'votes',
    `insert into post_votes (post_id, voter_id, value, created_at, updated_at)
     select p.id, v.voter, case when ${h('p.id * 100 + k', 15)} % 100 < 85 then 1 else -1 end, p.created_at + interval '1 hour', p.created_at + interval '1 hour'
       from posts p,
            generate_series(1, case when ${h('p.id', 14)} % 50 = 0 then 40 + ${h('p.id', 16)} % 120 else ${h('p.id', 17)} % 6 end) k,
            lateral (select 1 + ((${h('p.id', 18)}::bigint + k * 7919) % ${LARGE.members})::int as voter) v
      where v.voter <> p.author_id`,
  );
  await phase(
    'post scores from votes',
    `update posts p set up_votes = s.up, down_votes = s.down, score = s.up - s.down
       from (select post_id, count(*) filter (where value = 1)::int as up, count(*) filter (where value = -1)::int as down
               from post_votes group by post_id) s
      where s.post_id = p.id`,
  );
  await phase(
    'thread counters, solutions and statuses',
    `update threads t set reply_count = s.replies, last_activity_at = s.last_at
       from (select thread_id, count(*)::int as replies, max(created_at) as last_at from posts where not is_question group by thread_id) s
      where s.thread_id = t.id`,
    `update threads t set score = p.score from posts p where p.id = t.question_post_id`,
    // Half the threads accept their best-scored reply.
    `update threads t set accepted_post_id = best.id, status = 'ANSWERED'
       from (select distinct on (thread_id) thread_id, id from posts where not is_question order by thread_id, score desc, id) best
      where best.thread_id = t.id and ${h('t.id', 19)} % 2 = 0`,
    `update threads set status = case when ${h('id', 20)} % 2 = 0 then 'CLOSED' else 'LOCKED' end where ${h('id', 21)} % 100 = 0`,
    `update categories c set thread_count = (select count(*) from threads t where t.category_id = c.id)`,
  );
  await phase(
    'revision 1 of every post',
    `insert into post_revisions (post_id, revision, editor_id, title, tags, body, created_at)
     select p.id, 1, p.author_id, t.title, case when p.is_question then t.tags end, p.body, p.created_at
       from posts p left join threads t on t.id = p.thread_id and p.is_question`,
    `update post_revisions set title = null where title is not null and post_id > ${LARGE.threads}`,
  );
  await seedLedger(phase, config);
  await phase(
    'identity sequences',
    ...['members', 'categories', 'threads', 'posts', 'post_revisions', 'reputation_events'].map(
      (table) => `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
    ),
  );
  await client.query('set session_replication_role = origin');
  await phase('recreate indexes', ...indexes.map((i) => i.indexdef));
  await phase('vacuum analyze', 'vacuum analyze');
  await backfillBadgesTimed(url);
  await seedLargeArticles(url);
  await seedLargeModeration(url);

  // Set-based checks (hash joins over whole tables): per-row subqueries would take hours here.
  const { rows } = await client.query(`
    select (select count(*) from members)::int as members,
           (select count(*) from threads)::int as threads,
           (select count(*) from posts)::int as posts,
           (select count(*) from post_votes)::int as votes,
           (select count(*) from threads where status = 'ANSWERED')::int as answered,
           (select count(*) from posts p
              left join (select post_id, sum(value) as total, count(*) filter (where value = 1) as up
                           from post_votes group by post_id) v on v.post_id = p.id
             where p.score <> coalesce(v.total, 0) or p.up_votes <> coalesce(v.up, 0))::int as bad_scores,
           (select count(*) from threads t
              left join (select thread_id, count(*) as n from posts where not is_question group by thread_id) r
                on r.thread_id = t.id
             where t.reply_count <> coalesce(r.n, 0))::int as bad_reply_counts,
           (select count(*) from threads t join posts p on p.id = t.question_post_id where t.score <> p.score)::int as bad_thread_scores,
           (select count(*) from post_votes v join posts p on p.id = v.post_id where v.voter_id = p.author_id)::int as self_votes,
           (select count(*) from posts p left join post_revisions r on r.post_id = p.id and r.revision = 1
             where r.post_id is null)::int as missing_revisions,
           (select count(*) from post_votes v left join members m on m.id = v.voter_id where m.id is null)::int as orphan_votes,
           (select count(*) from reputation_events)::int as ledger_events,
           (select count(*) from members m left join (select member_id, sum(points)::int as s from reputation_events group by 1) e
              on e.member_id = m.id where m.reputation <> coalesce(e.s, 0))::int as bad_reputation,
           (select count(*) from members m left join reputation_rollups r
              on r.member_id = m.id and r.period = 'ALL_TIME' and r.category_id = 0
             where m.reputation <> coalesce(r.points, 0))::int as bad_rollups,
           (select count(*) from posts p left join threads t on t.accepted_post_id = p.id
             where (p.accepted_at is not null) <> (t.id is not null))::int as bad_solutions,
           (select count(*) from badge_awards)::int as badge_awards`);
  await client.end();
  const check = rows[0]!;
  console.log('result', check);
  const consistent = [
    'bad_scores',
    'bad_reply_counts',
    'bad_thread_scores',
    'self_votes',
    'missing_revisions',
    'orphan_votes',
    'bad_reputation',
    'bad_rollups',
    'bad_solutions',
  ].every((k) => check[k] === 0);
  console.log(`consistency: ${consistent ? 'OK' : 'FAILED'}`);
  console.log(
    `large seed built in ${((Date.now() - total) / 1000).toFixed(1)} s (database ${url.replace(/:[^:@/]*@/, ':***@')})`,
  );
  if (!consistent) process.exitCode = 1;
}

type Phase = (label: string, ...statements: string[]) => Promise<void>;

/**
 * The reputation ledger the votes and accepts would have written, set-based: every vote an
 * event (upvotes capped per author and UTC day exactly as ledger.ts does: the crossing vote
 * credited in part), downvotes charged to voters on answers, accepts credited to answerer and
 * asker; then cached totals, cap counters and the leaderboard rollups (the trigger is off in
 * replica mode).
 */
async function seedLedger(phase: Phase, config: Config) {
  const r = config.startup.reputation;
  await phase(
    'reputation ledger: votes',
    `insert into reputation_events (member_id, kind, points, post_id, thread_id, actor_id, cap_day, uncapped_points, created_at)
     select member_id, kind,
            case when capped then least(points, greatest(0, ${r.dailyVoteCap} - (running - points))) else points end,
            post_id, thread_id, actor_id, case when capped then day end, case when capped then points end, created_at
       from (select p.author_id as member_id,
                    case when v.value = -1 then 'DOWNVOTE_RECEIVED' when p.is_question then 'QUESTION_UPVOTED' else 'ANSWER_UPVOTED' end as kind,
                    case when v.value = -1 then ${r.downvoteReceived} when p.is_question then ${r.questionUpvoted} else ${r.answerUpvoted} end as points,
                    v.value = 1 as capped, p.id as post_id, p.thread_id, v.voter_id as actor_id, v.created_at,
                    (v.created_at at time zone 'utc')::date as day,
                    sum(case when v.value = 1 then case when p.is_question then ${r.questionUpvoted} else ${r.answerUpvoted} end else 0 end)
                      over (partition by p.author_id, (v.created_at at time zone 'utc')::date
                            order by v.created_at, v.post_id, v.voter_id rows unbounded preceding) as running
               from post_votes v join posts p on p.id = v.post_id) x`,
    `insert into reputation_events (member_id, kind, points, post_id, thread_id, actor_id, created_at)
     select v.voter_id, 'DOWNVOTE_CAST', ${r.downvoteCastOnAnswer}, p.id, p.thread_id, v.voter_id, v.created_at
       from post_votes v join posts p on p.id = v.post_id where v.value = -1 and not p.is_question`,
  );
  await phase(
    'reputation ledger: accepts',
    `insert into reputation_events (member_id, kind, points, post_id, thread_id, actor_id, created_at)
     select x.member_id, x.kind, x.points, a.id, t.id, t.author_id, a.created_at + interval '2 hours'
       from threads t join posts a on a.id = t.accepted_post_id,
            lateral (values (a.author_id, 'ANSWER_ACCEPTED', ${r.answerAccepted}),
                            (t.author_id, 'ACCEPTED_AN_ANSWER', ${r.acceptedAnAnswer})) as x (member_id, kind, points)
      where a.author_id <> t.author_id`,
    `update posts p set accepted_at = p.created_at + interval '2 hours' from threads t where t.accepted_post_id = p.id`,
  );
  await phase(
    'reputation totals and leaderboard rollups',
    `update members m set reputation = s.total
       from (select member_id, sum(points)::int as total from reputation_events group by member_id) s
      where s.member_id = m.id`,
    // The cap counters the vote path reads: only yesterday's and today's matter (see the migration).
    `insert into reputation_cap_days (member_id, day, earned)
     select member_id, cap_day, sum(points) from reputation_events
      where cap_day >= (now() at time zone 'utc')::date - 1 group by 1, 2`,
    `insert into reputation_rollups (period, period_start, category_id, member_id, points, accepted)
     select p.period, p.start, c.id, e.member_id, sum(e.points), sum(e.accepted)
       from (select e.member_id, e.points, (e.created_at at time zone 'utc')::date as day, t.category_id as cat,
                    (e.kind = 'ANSWER_ACCEPTED')::int as accepted
               from reputation_events e join threads t on t.id = e.thread_id) e
      cross join lateral (values ('WEEK', date_trunc('week', e.day)::date),
                                 ('MONTH', date_trunc('month', e.day)::date),
                                 ('ALL_TIME', date '1970-01-01')) as p (period, start)
      cross join lateral (values (0), (e.cat)) as c (id)
      group by 1, 2, 3, 4`,
  );
}

/**
 * Knowledge articles for the benchmark: drafts made by the subscriber's own code path from `n`
 * answered threads (spread over the data), then published. Publishing is one statement here,
 * not the command: the bench reads articles, and the command's credit and badge are tested
 * elsewhere. Runs on an existing hearth_bench too (the bench calls it when none are published).
 */
export async function seedLargeArticles(url: string, n = 2_000): Promise<number> {
  const orm = await openOrm(url, 2, assembly.entities);
  const started = Date.now();
  const em = orm.em.fork();
  const threads = await sql<{ id: number }>(
    em,
    `select t.id from threads t where t.accepted_post_id is not null and t.deleted_at is null
        and not exists (select 1 from articles a where a.source_thread_id = t.id)
      order by hashint4(t.id) limit ?`,
    [n],
  );
  const actor = systemActor('seed');
  const render = createMarkdownRenderer('http://localhost:3000');
  let made = 0;
  for (const { id } of threads) {
    await transact(em, async (tx) => {
      const source = await loadThreadSource(tx, id);
      if (source && (await draftFromThread(tx, actor, source, { authorId: null, chosenPostId: null, render })))
        made += 1;
    });
  }
  await sql(
    em,
    `update articles set state = 'PUBLISHED', published_version = current_version, queued_at = null,
            published_at = now() - (hashint4(id) & 1023) * interval '1 hour'
      where state = 'DRAFT'`,
  );
  await orm.close(true);
  console.log(
    `${'knowledge articles'.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s (${made} published)`,
  );
  return made;
}

/** The badge backfill over the whole seed, timed per badge (the figure the closing note reports). */
async function backfillBadgesTimed(url: string) {
  const orm = await openOrm(url, 2, assembly.entities);
  const started = Date.now();
  const total = await backfillBadges(orm.em.fork(), (badge, awarded, ms) =>
    console.log(
      `  badge ${badge.name.padEnd(22)} ${String(awarded).padStart(8)} awarded ${(ms / 1000).toFixed(1).padStart(6)} s`,
    ),
  );
  console.log(
    `${'badge backfill'.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s (${total} awards)`,
  );
  await orm.close(true);
}
