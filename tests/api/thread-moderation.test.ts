import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caughtUp } from '../support/events.js';
import {
  buildMember,
  buildReply,
  buildThread,
  firstCategoryId,
  REPLY_BODY,
  type TestMember,
} from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

// Moderator actions on threads (issue 12 item 3): lock, close as duplicate, reopen, move, merge, pin.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
let member: TestMember;
let closer: TestMember;
let advocate: TestMember;
let asker: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [moderator, admin, member, closer, advocate, asker] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api),
    buildMember(api, { reputation: 3000 }),
    buildMember(api),
    buildMember(api),
  ]);
  const granted = await api.gql(
    `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { isAdvocate } }`,
    { input: { memberId: advocate.id, reason: 'Answers sync questions carefully' } },
    { token: moderator.token },
  );
  expect(granted.errors).toBeUndefined();
});
afterAll(() => api?.close());

const F = `id status closeReason closeNote replyCount pinnedScope pinnedAt category { id }
  duplicateOf { id } mergedInto { id } acceptedAnswer { id }`;
const LOCK = `mutation($i: LockThreadInput!) { lockThread(input: $i) { thread { ${F} } } }`;
const UNLOCK = `mutation($i: ThreadReasonInput!) { unlockThread(input: $i) { thread { ${F} } } }`;
const CLOSE = `mutation($i: CloseThreadInput!) { closeThread(input: $i) { thread { ${F} } } }`;
const REOPEN = `mutation($i: ThreadReasonInput!) { reopenThread(input: $i) { thread { ${F} } } }`;
const MOVE = `mutation($i: MoveThreadInput!) { moveThread(input: $i) { thread { ${F} } } }`;
const MERGE = `mutation($i: MergeThreadInput!) { mergeThread(input: $i) { thread { ${F} } into { ${F} } } }`;
const PIN = `mutation($i: PinThreadInput!) { pinThread(input: $i) { thread { ${F} } } }`;
const UNPIN = `mutation($id: ID!) { unpinThread(threadId: $id) { thread { ${F} } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { ${F} } }`;
const REPLY = `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`;
const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id score } }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptAnswer(threadId: $id) { id } }`;
const LIST = `query($filter: ThreadFilterInput, $first: Int, $after: String, $order: ThreadOrder) {
  threads(filter: $filter, first: $first, after: $after, order: $order) {
    edges { node { id pinnedScope } } pageInfo { hasNextPage endCursor } } }`;

const as = (m: TestMember | null) => ({ token: m?.token ?? null });
function ok<T = any>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data;
}
const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions.code;
const fields = (res: GraphQLResponse) => res.errors?.[0]?.extensions.fields;

let slugs = 0;
async function newCategory(kind = 'QA'): Promise<string> {
  const slug = `mod-${process.pid}-${++slugs}-${Date.now() % 100000}`;
  const [row] = await api.sql<{ id: number }>(
    'insert into categories (slug, name, kind) values ($1, $2, $3) returning id',
    [slug, `Category ${slug}`, kind],
  );
  return String(row!.id);
}

/** Everything a moderator action may write about these threads, to prove a refusal wrote nothing. */
async function stateOf(threadIds: string[]) {
  const threads = await api.sql(
    `select id, status, locked_from, close_reason, close_note, duplicate_of_id, merged_into_id, category_id,
            pinned_scope, pinned_at, reply_count, accepted_post_id from threads where id = any($1::int[]) order by id`,
    [threadIds],
  );
  const posts = await api.sql(
    'select id, thread_id from posts where thread_id = any($1::int[]) or id in (select question_post_id from threads where id = any($1::int[])) order by id',
    [threadIds],
  );
  const categories = await api.sql('select id, thread_count from categories order by id');
  const rollups = await api.sql(
    'select category_id, member_id, points, accepted from reputation_rollups where period = $1 order by 1, 2',
    ['ALL_TIME'],
  );
  const [events] = await api.sql<{ n: number }>(
    `select count(*)::int as n from domain_events where name like 'thread.%' and name <> 'thread.created'`,
  );
  return { threads, posts, categories, rollups, events: events!.n };
}

async function expectRefused(
  res: GraphQLResponse,
  expected: string,
  before: Awaited<ReturnType<typeof stateOf>>,
  ids: string[],
) {
  expect(code(res)).toBe(expected);
  expect(res.errors?.[0]?.message.length).toBeGreaterThan(10);
  expect(await stateOf(ids)).toEqual(before);
}

/** Reputation rollups per category as the ledger derives them, against the table the trigger keeps. */
async function rollupDrift() {
  return api.sql(
    `with derived as (
       select e.member_id, t.category_id, sum(e.points)::int as points
         from reputation_events e join threads t on t.id = e.thread_id group by 1, 2)
     select d.member_id, d.category_id, d.points, r.points as rolled
       from derived d left join reputation_rollups r
         on r.period = 'ALL_TIME' and r.category_id = d.category_id and r.member_id = d.member_id
      where d.points <> coalesce(r.points, 0)
     union all
     select r.member_id, r.category_id, null, r.points from reputation_rollups r
      where r.period = 'ALL_TIME' and r.category_id <> 0 and r.points <> 0
        and not exists (select 1 from derived d where d.member_id = r.member_id and d.category_id = r.category_id)`,
  );
}

describe('who may moderate threads (role × action)', () => {
  const roles = {
    visitor: () => null,
    member: () => member,
    closer: () => closer,
    advocate: () => advocate,
    moderator: () => moderator,
    admin: () => admin,
  };
  type Role = keyof typeof roles;
  const staff = (role: Role) => role === 'moderator' || role === 'admin';
  const closers = (role: Role) => staff(role) || role === 'closer';

  const actions: Record<
    string,
    {
      allowed: (r: Role) => boolean;
      setup: () => Promise<{ ids: string[]; run: (m: TestMember | null) => Promise<GraphQLResponse> }>;
    }
  > = {
    lock: {
      allowed: staff,
      setup: async () => {
        const t = await buildThread(api, asker);
        return {
          ids: [t.id],
          run: (m) => api.gql(LOCK, { i: { threadId: t.id, reason: 'Heated; cooling off' } }, as(m)),
        };
      },
    },
    unlock: {
      allowed: staff,
      setup: async () => {
        const t = await buildThread(api, asker);
        ok(await api.gql(LOCK, { i: { threadId: t.id, reason: 'Heated; cooling off' } }, as(moderator)));
        return { ids: [t.id], run: (m) => api.gql(UNLOCK, { i: { threadId: t.id } }, as(m)) };
      },
    },
    close: {
      allowed: closers,
      setup: async () => {
        const t = await buildThread(api, asker);
        return { ids: [t.id], run: (m) => api.gql(CLOSE, { i: { threadId: t.id, reason: 'OFF_TOPIC' } }, as(m)) };
      },
    },
    reopen: {
      allowed: closers,
      setup: async () => {
        const t = await buildThread(api, asker);
        ok(await api.gql(CLOSE, { i: { threadId: t.id, reason: 'RESOLVED' } }, as(moderator)));
        return { ids: [t.id], run: (m) => api.gql(REOPEN, { i: { threadId: t.id } }, as(m)) };
      },
    },
    move: {
      allowed: staff,
      setup: async () => {
        const t = await buildThread(api, asker);
        const to = await newCategory();
        return {
          ids: [t.id],
          run: (m) => api.gql(MOVE, { i: { threadId: t.id, categoryId: to, reason: 'Belongs there' } }, as(m)),
        };
      },
    },
    merge: {
      allowed: staff,
      setup: async () => {
        const [dup, into] = [await buildThread(api, asker), await buildThread(api, asker)];
        await buildReply(api, member, dup.id);
        return {
          ids: [dup.id, into.id],
          run: (m) =>
            api.gql(MERGE, { i: { threadId: dup.id, intoThreadId: into.id, reason: 'Same question' } }, as(m)),
        };
      },
    },
    pin: {
      allowed: staff,
      setup: async () => {
        const t = await buildThread(api, asker);
        return { ids: [t.id], run: (m) => api.gql(PIN, { i: { threadId: t.id, scope: 'GLOBAL' } }, as(m)) };
      },
    },
    unpin: {
      allowed: staff,
      setup: async () => {
        const t = await buildThread(api, asker);
        ok(await api.gql(PIN, { i: { threadId: t.id, scope: 'CATEGORY' } }, as(moderator)));
        return { ids: [t.id], run: (m) => api.gql(UNPIN, { id: t.id }, as(m)) };
      },
    },
  };

  for (const [action, spec] of Object.entries(actions)) {
    for (const role of Object.keys(roles) as Role[]) {
      const allowed = spec.allowed(role);
      it(`${action}: ${role} → ${allowed ? 'allowed' : role === 'visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN'}`, async () => {
        const { ids, run } = await spec.setup();
        const before = await stateOf(ids);
        const res = await run(roles[role]());
        if (allowed) {
          ok(res);
          expect(await stateOf(ids)).not.toEqual(before);
        } else {
          await expectRefused(res, role === 'visitor' ? 'UNAUTHENTICATED' : 'FORBIDDEN', before, ids);
        }
      });
    }
  }

  it('viewerCan says the same', async () => {
    const t = await buildThread(api, asker);
    const CAN = `query($id: ID!) { thread(id: $id) { viewerCan { moderate close move merge pin } } }`;
    expect(ok(await api.gql(CAN, { id: t.id }, as(closer))).thread.viewerCan).toEqual({
      moderate: false,
      close: true,
      move: false,
      merge: false,
      pin: false,
    });
    expect(ok(await api.gql(CAN, { id: t.id }, as(moderator))).thread.viewerCan).toEqual({
      moderate: true,
      close: true,
      move: true,
      merge: true,
      pin: true,
    });
  });
});

describe('lock and unlock', () => {
  it('a locked thread refuses members’ replies, votes and edits, writing nothing; staff still reply', async () => {
    const t = await buildThread(api, asker);
    const reply = await buildReply(api, member, t.id);
    const locked = ok(await api.gql(LOCK, { i: { threadId: t.id, reason: 'Flame war' } }, as(moderator)));
    expect(locked.lockThread.thread.status).toBe('LOCKED');
    const before = await api.sql('select id, score, body from posts where thread_id = $1 order by id', [t.id]);
    const attempts = [
      api.gql(REPLY, { input: { threadId: t.id, body: REPLY_BODY } }, as(member)),
      api.gql(VOTE, { input: { postId: reply.id, value: 'UP' } }, as(closer)),
      api.gql(EDIT, { input: { postId: reply.id, body: `${REPLY_BODY} Edited later.` } }, as(member)),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(code(res)).toBe('FORBIDDEN');
      expect(res.errors![0]!.message).toMatch(/locked/);
    }
    expect(await api.sql('select id, score, body from posts where thread_id = $1 order by id', [t.id])).toEqual(before);
    ok(await api.gql(REPLY, { input: { threadId: t.id, body: REPLY_BODY } }, as(moderator)));
  });

  it('unlocking restores the status the thread had: CLOSED with its reason, or ANSWERED', async () => {
    const closed = await buildThread(api, asker);
    ok(await api.gql(CLOSE, { i: { threadId: closed.id, reason: 'OFF_TOPIC', note: 'Ask the vendor' } }, as(closer)));
    ok(await api.gql(LOCK, { i: { threadId: closed.id, reason: 'Spam magnet' } }, as(moderator)));
    const unlocked = ok(await api.gql(UNLOCK, { i: { threadId: closed.id } }, as(moderator))).unlockThread.thread;
    expect(unlocked).toMatchObject({ status: 'CLOSED', closeReason: 'OFF_TOPIC', closeNote: 'Ask the vendor' });

    const answered = await buildThread(api, asker);
    const reply = await buildReply(api, member, answered.id);
    ok(await api.gql(ACCEPT, { id: reply.id }, as(asker)));
    ok(await api.gql(LOCK, { i: { threadId: answered.id, reason: 'Resolved; stop the pile-on' } }, as(moderator)));
    expect(ok(await api.gql(UNLOCK, { i: { threadId: answered.id } }, as(moderator))).unlockThread.thread.status).toBe(
      'ANSWERED',
    );
  });

  it('a lock older than this (no status remembered) unlocks to OPEN', async () => {
    const t = await buildThread(api, asker);
    await api.sql(`update threads set status = 'LOCKED' where id = $1`, [t.id]);
    expect(ok(await api.gql(UNLOCK, { i: { threadId: t.id } }, as(moderator))).unlockThread.thread.status).toBe('OPEN');
  });

  it('records thread.status_changed with before, after and the reason; repeats are CONFLICT; a reason is required', async () => {
    const t = await buildThread(api, asker);
    const [{ id: mark }] = await api.sql('select coalesce(max(id), 0)::text as id from domain_events');
    const blank = await api.gql(LOCK, { i: { threadId: t.id, reason: '  ' } }, as(moderator));
    expect(code(blank)).toBe('BAD_USER_INPUT');
    expect(fields(blank)).toHaveProperty('reason');
    ok(await api.gql(LOCK, { i: { threadId: t.id, reason: 'Cooling off' } }, as(moderator)));
    expect(code(await api.gql(LOCK, { i: { threadId: t.id, reason: 'Again' } }, as(moderator)))).toBe('CONFLICT');
    ok(await api.gql(UNLOCK, { i: { threadId: t.id, reason: 'Calm again' } }, as(moderator)));
    expect(code(await api.gql(UNLOCK, { i: { threadId: t.id } }, as(moderator)))).toBe('CONFLICT');
    const events = await api.sql(
      // Subscribers may add events of their own about the thread (routing): only the status changes.
      `select name, actor_id, subject, related, data from domain_events
        where id > $1 and subject = $2 and name = 'thread.status_changed' order by id`,
      [mark, `thread:${t.id}`],
    );
    expect(events).toHaveLength(2);
    const state = (status: string) => ({ status, closeReason: null, duplicateOfId: null, closeNote: null });
    expect(events[0]).toMatchObject({
      name: 'thread.status_changed',
      actor_id: moderator.id,
      related: expect.arrayContaining([`member:${asker.id}`]),
      data: {
        threadId: Number(t.id),
        from: 'OPEN',
        to: 'LOCKED',
        action: 'lock',
        reason: 'Cooling off',
        before: state('OPEN'),
        after: state('LOCKED'),
      },
    });
    expect(events[1].data).toMatchObject({ action: 'unlock', reason: 'Calm again', from: 'LOCKED', to: 'OPEN' });
  });
});

describe('close and reopen', () => {
  it('closes as a duplicate with a link to the original; reopening removes it', async () => {
    const original = await buildThread(api, asker);
    const t = await buildThread(api, member);
    const closed = ok(
      await api.gql(
        CLOSE,
        { i: { threadId: t.id, reason: 'DUPLICATE', duplicateOfId: original.id, note: 'Asked before' } },
        as(closer),
      ),
    ).closeThread.thread;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      closeReason: 'DUPLICATE',
      closeNote: 'Asked before',
      duplicateOf: { id: original.id },
    });
    expect(ok(await api.gql(THREAD, { id: t.id })).thread.duplicateOf).toEqual({ id: original.id });
    const refused = await api.gql(REPLY, { input: { threadId: t.id, body: REPLY_BODY } }, as(asker));
    expect(code(refused)).toBe('FORBIDDEN');
    expect(code(await api.gql(CLOSE, { i: { threadId: t.id, reason: 'OTHER' } }, as(closer)))).toBe('CONFLICT');
    const [event] = await api.sql(
      `select related, data from domain_events where subject = $1 and name = 'thread.status_changed'`,
      [`thread:${t.id}`],
    );
    expect(event.related).toEqual(expect.arrayContaining([`thread:${original.id}`, `member:${member.id}`]));
    expect(event.data.after).toEqual({
      status: 'CLOSED',
      closeReason: 'DUPLICATE',
      duplicateOfId: Number(original.id),
      closeNote: 'Asked before',
    });

    const reopened = ok(await api.gql(REOPEN, { i: { threadId: t.id, reason: 'Not the same after all' } }, as(closer)))
      .reopenThread.thread;
    expect(reopened).toMatchObject({ status: 'OPEN', closeReason: null, closeNote: null, duplicateOf: null });
    expect(code(await api.gql(REOPEN, { i: { threadId: t.id } }, as(closer)))).toBe('CONFLICT');
  });

  it('refuses a duplicate of itself, of a missing, deleted or unreadable thread, or a link without DUPLICATE, writing nothing', async () => {
    const t = await buildThread(api, asker);
    const deleted = await buildThread(api, asker);
    ok(await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: deleted.question.id }, as(asker)));
    const restricted = await buildThread(api, moderator, { categoryId: await newCategory('RESTRICTED') });
    const before = await stateOf([t.id]);
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: 'DUPLICATE', duplicateOfId: t.id }, 'itself'],
      [{ reason: 'DUPLICATE', duplicateOfId: '999999' }, 'No thread'],
      [{ reason: 'DUPLICATE', duplicateOfId: deleted.id }, 'No thread'],
      [{ reason: 'DUPLICATE', duplicateOfId: restricted.id }, 'No thread'],
      [{ reason: 'DUPLICATE' }, 'names the thread'],
      [{ reason: 'OFF_TOPIC', duplicateOfId: deleted.id }, 'Only a thread closed as DUPLICATE'],
    ];
    for (const [input, message] of cases) {
      const res = await api.gql(CLOSE, { i: { threadId: t.id, ...input } }, as(closer));
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res).duplicateOfId).toContain(message);
    }
    expect(code(await api.gql(CLOSE, { i: { threadId: '999999', reason: 'OTHER' } }, as(closer)))).toBe('NOT_FOUND');
    expect(await stateOf([t.id])).toEqual(before);
  });
});

describe('moving a thread', () => {
  const BOARD = `query($categoryId: ID) { leaderboard(period: ALL_TIME, categoryId: $categoryId, first: 50) { points accepted member { id } } }`;
  const boardOf = async (categoryId?: string) =>
    ok(await api.gql(BOARD, { categoryId })).leaderboard as {
      points: number;
      accepted: number;
      member: { id: string };
    }[];
  const entry = (board: { points: number; accepted: number; member: { id: string } }[], m: TestMember) =>
    board.find((r) => r.member.id === m.id) ?? null;

  it('lists, counts and per-category leaderboards follow the move; later credits land in the new category', async () => {
    const from = await newCategory();
    const to = await newCategory();
    const answerer = await buildMember(api);
    const t = await buildThread(api, asker, { categoryId: from });
    const reply = await buildReply(api, answerer, t.id);
    ok(await api.gql(VOTE, { input: { postId: reply.id, value: 'UP' } }, as(closer)));
    ok(await api.gql(ACCEPT, { id: reply.id }, as(asker)));
    const inFrom = entry(await boardOf(from), answerer)!;
    expect(inFrom.points).toBeGreaterThan(0);
    expect(inFrom.accepted).toBe(1);
    const overall = entry(await boardOf(), answerer);

    const moved = ok(
      await api.gql(
        MOVE,
        { i: { threadId: t.id, categoryId: to, reason: 'Belongs with the other sync questions' } },
        as(moderator),
      ),
    );
    expect(moved.moveThread.thread.category).toEqual({ id: to });
    expect(entry(await boardOf(from), answerer)).toBeNull();
    expect(entry(await boardOf(to), answerer)).toEqual(inFrom);
    expect(entry(await boardOf(), answerer)).toEqual(overall);
    const counts = await api.sql(
      'select c.id::text, c.thread_count from categories c where c.id = any($1::int[]) order by c.id',
      [[from, to]],
    );
    expect(counts).toEqual([
      { id: from, thread_count: 0 },
      { id: to, thread_count: 1 },
    ]);
    const ids = async (categoryId: string) =>
      ok(await api.gql(LIST, { filter: { categoryId } })).threads.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await ids(from)).not.toContain(t.id);
    expect(await ids(to)).toContain(t.id);

    // A vote taken back after the move is taken back in the new category; a new one lands there.
    ok(await api.gql(VOTE, { input: { postId: reply.id, value: 'NONE' } }, as(closer)));
    ok(await api.gql(VOTE, { input: { postId: t.question.id, value: 'UP' } }, as(closer)));
    expect(entry(await boardOf(from), answerer)).toBeNull();
    expect(await rollupDrift()).toEqual([]);

    const [event] = await api.sql(
      `select related, data from domain_events where name = 'thread.moved' and subject = $1`,
      [`thread:${t.id}`],
    );
    expect(event.related).toEqual(expect.arrayContaining([`category:${from}`, `category:${to}`, `member:${asker.id}`]));
    expect(event.data).toMatchObject({
      reason: 'Belongs with the other sync questions',
      before: { categoryId: Number(from) },
      after: { categoryId: Number(to) },
    });
  });

  it('votes during a move land in the category the thread ends up in (Promise.all)', async () => {
    const from = await newCategory();
    const to = await newCategory();
    const t = await buildThread(api, asker, { categoryId: from });
    const answerers = await Promise.all([1, 2, 3, 4].map(() => buildMember(api)));
    const voters = await Promise.all([1, 2, 3, 4].map(() => buildMember(api)));
    const replies = [];
    for (const a of answerers) replies.push(await buildReply(api, a, t.id));
    const results = await Promise.all([
      api.gql(MOVE, { i: { threadId: t.id, categoryId: to, reason: 'Concurrent move' } }, as(moderator)),
      ...replies.flatMap((r) => voters.map((v) => api.gql(VOTE, { input: { postId: r.id, value: 'UP' } }, as(v)))),
    ]);
    for (const res of results) ok(res);
    expect(await rollupDrift()).toEqual([]);
    const onBoard = async (categoryId: string) => {
      const board = await boardOf(categoryId);
      return answerers.map((a) => entry(board, a)?.points ?? 0);
    };
    expect(await onBoard(from)).toEqual([0, 0, 0, 0]);
    expect(await onBoard(to)).toEqual([40, 40, 40, 40]);
  });

  it('into a restricted category the thread disappears for members at once; search finds it under the new category', async () => {
    const to = await newCategory('RESTRICTED');
    const t = await buildThread(api, asker, { title: 'Quorvantic bridge pairing fails after reset' });
    await caughtUp(api, 'search.postgres');
    ok(await api.gql(MOVE, { i: { threadId: t.id, categoryId: to, reason: 'Advocates handle these' } }, as(moderator)));
    expect(code(await api.gql(THREAD, { id: t.id }, as(member)))).toBe('NOT_FOUND');
    expect(code(await api.gql(THREAD, { id: t.id }, as(asker)))).toBe('NOT_FOUND');
    expect(ok(await api.gql(THREAD, { id: t.id }, as(advocate))).thread.id).toBe(t.id);
    const listed = ok(await api.gql(LIST, { first: 100 }, as(member))).threads.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(listed).not.toContain(t.id);

    await caughtUp(api, 'search.postgres');
    const SEARCH = `query($q: String!, $filter: SearchFilterInput) { search(query: $q, filter: $filter) { edges { node { kind thread { id } } } } }`;
    const found = (viewer: TestMember, categoryId?: string) =>
      api.gql(SEARCH, { q: 'quorvantic', filter: categoryId ? { categoryId } : null }, as(viewer));
    const hits = ok(await found(moderator, to)).search.edges;
    expect(hits.map((e: { node: { thread: { id: string } } }) => e.node.thread.id)).toContain(t.id);
    expect(ok(await found(member)).search.edges).toEqual([]);
  });

  it('refuses the same category, a missing one and a missing thread, writing nothing', async () => {
    const from = await newCategory();
    const t = await buildThread(api, asker, { categoryId: from });
    const before = await stateOf([t.id]);
    const same = await api.gql(MOVE, { i: { threadId: t.id, categoryId: from, reason: 'Tidy' } }, as(moderator));
    expect(code(same)).toBe('BAD_USER_INPUT');
    expect(fields(same).categoryId).toMatch(/already in/);
    const missing = await api.gql(MOVE, { i: { threadId: t.id, categoryId: '999999', reason: 'Tidy' } }, as(moderator));
    expect(fields(missing).categoryId).toMatch(/No category/);
    const blank = await api.gql(
      MOVE,
      { i: { threadId: t.id, categoryId: await firstCategoryId(api), reason: '' } },
      as(moderator),
    );
    expect(fields(blank)).toHaveProperty('reason');
    const noThread = await api.gql(
      MOVE,
      { i: { threadId: '999999', categoryId: from, reason: 'Tidy' } },
      as(moderator),
    );
    expect(code(noThread)).toBe('NOT_FOUND');
    expect(await stateOf([t.id])).toEqual(before);
  });
});

describe('merging a duplicate', () => {
  const reputations = async () => api.sql('select id, reputation from members order by id');
  const votes = async () => api.sql('select post_id, voter_id, value from post_votes order by 1, 2');

  it('moves replies with their authors and votes, recomputes counters, keeps reputation, and leaves a pointer', async () => {
    const [a, b, c] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const otherCategory = await newCategory();
    const into = await buildThread(api, asker);
    const dup = await buildThread(api, member, { categoryId: otherCategory });
    const t1 = await buildReply(api, a, into.id);
    const d1 = await buildReply(api, b, dup.id);
    const d2 = await buildReply(api, c, dup.id);
    const gone = await buildReply(api, a, dup.id);
    ok(await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: gone.id }, as(a)));
    ok(await api.gql(VOTE, { input: { postId: d1.id, value: 'UP' } }, as(closer)));
    ok(await api.gql(ACCEPT, { id: d1.id }, as(member)));
    const [repBefore, votesBefore] = [await reputations(), await votes()];

    const res = ok(
      await api.gql(
        MERGE,
        { i: { threadId: dup.id, intoThreadId: into.id, reason: 'Same sync question' } },
        as(moderator),
      ),
    );
    expect(res.mergeThread.thread).toMatchObject({
      status: 'CLOSED',
      closeReason: 'DUPLICATE',
      replyCount: 0,
      mergedInto: { id: into.id },
      duplicateOf: { id: into.id },
      acceptedAnswer: null,
    });
    // The target had no solution: the duplicate's stays the solution.
    expect(res.mergeThread.into).toMatchObject({ replyCount: 3, status: 'ANSWERED', acceptedAnswer: { id: d1.id } });
    const replies = await api.sql(
      'select id::text, author_id::text, deleted_at is not null as deleted from posts where thread_id = $1 and not is_question order by id',
      [into.id],
    );
    expect(replies).toEqual([
      { id: t1.id, author_id: a.id, deleted: false },
      { id: d1.id, author_id: b.id, deleted: false },
      { id: d2.id, author_id: c.id, deleted: false },
      { id: gone.id, author_id: a.id, deleted: true },
    ]);
    expect(await api.sql('select id::text from posts where thread_id = $1', [dup.id])).toEqual([
      { id: dup.question.id },
    ]);
    expect(await votes()).toEqual(votesBefore);
    expect(await reputations()).toEqual(repBefore);
    expect(await rollupDrift()).toEqual([]);

    // The pointer: readable, leading to the target, out of the lists, no replies even from staff.
    expect(ok(await api.gql(THREAD, { id: dup.id }, as(member))).thread.mergedInto).toEqual({ id: into.id });
    const listed = ok(await api.gql(LIST, { filter: { categoryId: otherCategory } })).threads.edges;
    expect(listed).toEqual([]);
    const reply = await api.gql(REPLY, { input: { threadId: dup.id, body: REPLY_BODY } }, as(moderator));
    expect(code(reply)).toBe('FORBIDDEN');
    expect(reply.errors![0]!.message).toMatch(/merged/);
    // Search: the pointer is no hit of its own; its replies are found in the target.
    await caughtUp(api, 'search.postgres');
    const [indexed] = await api.sql<{ thread: number; replies: number[] }>(
      `select (select count(*)::int from search_documents where kind = 'THREAD' and source_id = $1) as thread,
              array(select thread_id from search_documents where kind = 'POST' and source_id = any($2::int[])) as replies`,
      [dup.id, [d1.id, d2.id]],
    );
    expect(indexed).toEqual({ thread: 0, replies: [Number(into.id), Number(into.id)] });

    // The solution's credits moved with it: unaccepting in the target takes them back.
    const answerer = (await api.sql('select reputation from members where id = $1', [b.id]))[0].reputation;
    ok(await api.gql(UNACCEPT, { id: into.id }, as(moderator)));
    expect((await api.sql('select reputation from members where id = $1', [b.id]))[0].reputation).toBeLessThan(
      answerer,
    );
    expect(await rollupDrift()).toEqual([]);

    const [event] = await api.sql(
      `select related, data from domain_events where name = 'thread.merged' and subject = $1`,
      [`thread:${dup.id}`],
    );
    expect(event.related).toEqual(
      expect.arrayContaining([
        `thread:${into.id}`,
        `member:${member.id}`,
        `member:${asker.id}`,
        `category:${otherCategory}`,
      ]),
    );
    expect(event.data).toMatchObject({
      intoThreadId: Number(into.id),
      reason: 'Same sync question',
      movedPostIds: [Number(d1.id), Number(d2.id), Number(gone.id)],
      before: { replyCount: 2, intoReplyCount: 1, acceptedPostId: Number(d1.id), intoAcceptedPostId: null },
      after: { replyCount: 0, intoReplyCount: 3, intoAcceptedPostId: Number(d1.id) },
    });
  });

  it('a target with a solution keeps it: the duplicate’s becomes an ordinary reply, its reputation stands', async () => {
    const [a, b] = await Promise.all([buildMember(api), buildMember(api)]);
    const into = await buildThread(api, asker);
    const dup = await buildThread(api, member);
    const t1 = await buildReply(api, a, into.id);
    const d1 = await buildReply(api, b, dup.id);
    ok(await api.gql(ACCEPT, { id: t1.id }, as(asker)));
    ok(await api.gql(ACCEPT, { id: d1.id }, as(member)));
    const repBefore = await reputations();
    const res = ok(await api.gql(MERGE, { i: { threadId: dup.id, intoThreadId: into.id, reason: 'Same' } }, as(admin)));
    expect(res.mergeThread.into).toMatchObject({ acceptedAnswer: { id: t1.id }, replyCount: 2 });
    const [d1Row] = await api.sql('select accepted_at from posts where id = $1', [d1.id]);
    expect(d1Row.accepted_at).toBeNull();
    expect(await reputations()).toEqual(repBefore);
    // Changing the target's solution later reverses only the target's own accept.
    ok(await api.gql(UNACCEPT, { id: into.id }, as(moderator)));
    expect((await api.sql('select reputation from members where id = $1', [b.id]))[0].reputation).toBe(
      repBefore.find((r: { id: number }) => String(r.id) === b.id).reputation,
    );
  });

  it('refuses merging into itself, a missing or deleted thread, or a pointer twice, writing nothing', async () => {
    const dup = await buildThread(api, member);
    await buildReply(api, asker, dup.id);
    const deleted = await buildThread(api, asker);
    ok(await api.gql(`mutation($id: ID!) { deletePost(postId: $id) }`, { id: deleted.question.id }, as(asker)));
    const before = await stateOf([dup.id, deleted.id]);
    const merge = (intoThreadId: string, threadId = dup.id) =>
      api.gql(MERGE, { i: { threadId, intoThreadId, reason: 'Same question' } }, as(moderator));
    const self = await merge(dup.id);
    expect(code(self)).toBe('BAD_USER_INPUT');
    expect(fields(self).intoThreadId).toMatch(/itself/);
    for (const target of ['999999', deleted.id]) {
      const res = await merge(target);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(fields(res).intoThreadId).toMatch(/No thread/);
    }
    expect(code(await merge(dup.id, '999999'))).toBe('NOT_FOUND');
    expect(await stateOf([dup.id, deleted.id])).toEqual(before);

    const into = await buildThread(api, asker);
    ok(await merge(into.id));
    const other = await buildThread(api, asker);
    expect(code(await merge(other.id))).toBe('CONFLICT');
    const intoPointer = await api.gql(
      MERGE,
      { i: { threadId: other.id, intoThreadId: dup.id, reason: 'Same' } },
      as(moderator),
    );
    expect(fields(intoPointer).intoThreadId).toMatch(`merged into thread ${into.id}`);
  });

  it('a reply racing a merge lands in the target or is refused, never in the pointer (Promise.all)', async () => {
    for (let round = 0; round < 3; round++) {
      const [dup, into] = [await buildThread(api, member), await buildThread(api, asker)];
      const [merged, replied] = await Promise.all([
        api.gql(MERGE, { i: { threadId: dup.id, intoThreadId: into.id, reason: 'Same' } }, as(moderator)),
        api.gql(REPLY, { input: { threadId: dup.id, body: REPLY_BODY } }, as(moderator)),
      ]);
      ok(merged);
      if (replied.errors) expect(code(replied)).toBe('FORBIDDEN');
      const [row] = await api.sql(
        `select (select count(*)::int from posts where thread_id = $1 and not is_question) as left_behind,
                (select reply_count from threads where id = $1) as pointer_count,
                (select count(*)::int from posts where thread_id = $2 and not is_question) - (select reply_count from threads where id = $2) as drift`,
        [dup.id, into.id],
      );
      expect(row).toEqual({ left_behind: 0, pointer_count: 0, drift: 0 });
    }
  });

  it('two merges of one duplicate at once: one wins, the other is CONFLICT', async () => {
    const dup = await buildThread(api, member);
    await buildReply(api, asker, dup.id);
    const [x, y] = [await buildThread(api, asker), await buildThread(api, asker)];
    const results = await Promise.all(
      [x, y].map((t) => api.gql(MERGE, { i: { threadId: dup.id, intoThreadId: t.id, reason: 'Same' } }, as(moderator))),
    );
    expect(results.map(code).sort()).toEqual(['CONFLICT', undefined]);
    const [row] = await api.sql(
      'select (select count(*)::int from posts where thread_id = any($1::int[]) and not is_question) as moved, (select reply_count from threads where id = $2) + (select reply_count from threads where id = $3) as counted',
      [[x.id, y.id], x.id, y.id],
    );
    expect(row).toEqual({ moved: 1, counted: 1 });
  });
});

describe('pinning', () => {
  const page = async (filter: Record<string, unknown> | null, first: number, after?: string, order = 'LATEST') =>
    ok(await api.gql(LIST, { filter, first, after, order })).threads as {
      edges: { node: { id: string; pinnedScope: string | null } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  async function walk(filter: Record<string, unknown> | null, first: number, order = 'LATEST') {
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page(filter, first, after, order);
      ids.push(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasNextPage) return ids;
      after = p.pageInfo.endCursor;
    }
  }

  it('pinned threads come first in pin order, then the usual order; paging crosses the boundary exactly', async () => {
    // Pins left by the matrix above would lead the home list.
    await api.sql('update threads set pinned_scope = null, pinned_at = null, pinned_by = null');
    const category = await newCategory();
    const threads = [];
    for (let i = 0; i < 5; i++) threads.push(await buildThread(api, asker, { categoryId: category }));
    const [t1, t2, t3, t4, t5] = threads.map((t) => t.id);
    // A list remembers for a few seconds that its scope has no pins: a pin forgets that at once.
    expect((await page({ categoryId: category }, 1)).edges[0]!.node.id).toBe(t5);
    ok(await api.gql(PIN, { i: { threadId: t4, scope: 'CATEGORY', reason: 'Read first' } }, as(moderator)));
    expect((await page({ categoryId: category }, 1)).edges[0]!.node.id).toBe(t4);
    await new Promise((resolve) => setTimeout(resolve, 5)); // pin order is by the millisecond
    ok(await api.gql(PIN, { i: { threadId: t2, scope: 'GLOBAL' } }, as(moderator)));
    const expected = [t4, t2, t5, t3, t1];
    for (const size of [1, 2, 3, 5, 10]) expect(await walk({ categoryId: category }, size)).toEqual(expected);
    expect(await walk({ categoryId: category }, 2, 'NEWEST')).toEqual(expected);
    // Rankings ignore pins.
    expect((await walk({ categoryId: category }, 10, 'TOP')).sort()).toEqual([...expected].sort());
    expect((await page({ categoryId: category }, 10, undefined, 'UNANSWERED')).edges[0]!.node.id).toBe(t5);

    // The home list: GLOBAL pins first (the CATEGORY one is in its usual place).
    const home = await page(null, 3);
    expect(home.edges.map((e) => e.node)).toEqual([
      { id: t2, pinnedScope: 'GLOBAL' },
      { id: t5, pinnedScope: null },
      { id: t4, pinnedScope: 'CATEGORY' },
    ]);
    const all = await walk(null, 7);
    expect(all.filter((id) => id === t2)).toHaveLength(1);
    expect(all).toContain(t4);

    // Changing the scope keeps the place; unpinning puts a thread back in order.
    ok(await api.gql(PIN, { i: { threadId: t4, scope: 'GLOBAL' } }, as(moderator)));
    expect((await page(null, 2)).edges.map((e) => e.node.id)).toEqual([t4, t2]);
    expect(code(await api.gql(PIN, { i: { threadId: t4, scope: 'GLOBAL' } }, as(moderator)))).toBe('CONFLICT');
    ok(await api.gql(UNPIN, { id: t4 }, as(moderator)));
    ok(await api.gql(UNPIN, { id: t2 }, as(moderator)));
    expect(code(await api.gql(UNPIN, { id: t2 }, as(moderator)))).toBe('CONFLICT');
    expect(await walk({ categoryId: category }, 2)).toEqual([t5, t4, t3, t2, t1]);

    const events = await api.sql(
      `select name, data from domain_events where subject = $1 and name like 'thread.%pinned' order by id`,
      [`thread:${t4}`],
    );
    expect(events.map((e) => e.name)).toEqual(['thread.pinned', 'thread.pinned', 'thread.unpinned']);
    expect(events[0].data).toMatchObject({
      reason: 'Read first',
      before: { scope: null },
      after: { scope: 'CATEGORY' },
    });
    expect(events[2].data).toMatchObject({ before: { scope: 'GLOBAL' }, after: { scope: null } });
  });

  it('a tampered cursor is BAD_USER_INPUT', async () => {
    const res = await api.gql(LIST, { filter: null, first: 2, after: Buffer.from('[1,2,3,4]').toString('base64url') });
    expect(code(res)).toBe('BAD_USER_INPUT');
  });
});
