/**
 * npm run bench:related -w tests: how long `thread(id) { related { url } }` takes, from stored
 * lists and computed inline (the stored row deleted before each request: the similarity search
 * every page view used to run, plus one insert). Against a running API (API_URL, default
 * http://127.0.0.1:4000) on its database (DATABASE_URL), signed in as BENCH_LOGIN (handle:password,
 * default the demo admin). With BENCH_THREADS=n it first asks n questions (half of them solved)
 * with titles from a small vocabulary, so lists have real neighbours.
 */
import pg from 'pg';

const API = process.env.API_URL ?? 'http://127.0.0.1:4000';
const [handle, password] = (process.env.BENCH_LOGIN ?? 'admin:demo-admin-pass').split(':');
const CREATE = Number(process.env.BENCH_THREADS ?? 0);
const REQUESTS = 50;

const WORDS = `sync export import login password invoice billing webhook token dashboard report filter
  calendar upload attachment mobile android iphone browser chrome firefox timeout error crash slow
  permission role admin team workspace integration slack email notification reminder backup restore
  archive search index tag label comment thread reply draft template field column chart widget`
  .split(/\s+/)
  .filter(Boolean);
const VERBS = ['fails', 'breaks', 'hangs', 'duplicates', 'disappears', 'is slow', 'shows the wrong', 'ignores'];
let seed = 7;
const pick = <T>(list: T[]) => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length]!;

let token = '';
async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${API}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function createThreads(n: number) {
  const { categories } = await gql<{ categories: { id: string; kind: string }[] }>(`{ categories { id kind } }`);
  const open = categories.filter((c) => c.kind !== 'RESTRICTED');
  for (let i = 0; i < n; i++) {
    const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(VERBS)} ${pick(WORDS)} after ${pick(WORDS)} ${i}`;
    const body = `When I use ${pick(WORDS)} with ${pick(WORDS)} the ${pick(WORDS)} ${pick(VERBS)}. Steps: open ${pick(WORDS)}, then ${pick(WORDS)}.`;
    const { askQuestion } = await gql(`mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`, {
      input: { categoryId: pick(open).id, title, body, tags: [] },
    });
    if (i % 2 === 0) {
      const { postReply } = await gql(`mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`, {
        input: { threadId: askQuestion.id, body: `Try turning ${pick(WORDS)} off and on again, then ${pick(WORDS)}.` },
      });
      await gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: postReply.id });
    }
    if (i % 500 === 499) console.log(`${i + 1} threads`);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

const RELATED = `query($id: ID!) { thread(id: $id) { related { url } } }`;
/** The same request without the field: what the thread alone costs. */
const PLAIN = `query($id: ID!) { thread(id: $id) { id } }`;

async function measure(label: string, ids: number[], before: (id: number) => Promise<void>, query = RELATED) {
  const times: number[] = [];
  for (const id of ids) {
    await before(id);
    const start = performance.now();
    await gql(query, { id: String(id) });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`);
}

async function main() {
  const { login } = await gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
    input: { login: handle, password },
  });
  token = login.token;
  if (CREATE) await createThreads(CREATE);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const { rows } = await db.query<{ id: number; n: number }>(
    `select id, (select count(*) from threads)::int as n from threads where deleted_at is null order by random() limit $1`,
    [REQUESTS],
  );
  const ids = rows.map((r) => r.id);
  console.log(`${rows[0]?.n} threads; ${REQUESTS} sequential requests each`);
  const drop = async (id: number) => {
    await db.query(`delete from related_items where kind = 'THREAD' and source_id = $1`, [id]);
  };
  // Warm both paths (connections, plans), then measure.
  await measure('warm-up', ids.slice(0, 10), drop);
  await measure('computed inline (before)', ids, drop);
  await measure('stored (after)', ids, async () => {});
  await measure('without related (baseline)', ids, async () => {}, PLAIN);
  await db.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
