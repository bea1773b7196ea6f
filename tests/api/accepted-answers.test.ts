import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// A member's solutions (PRODUCT.md capability 2: the profile shows their accepted answers):
// answers that are their thread's solution now, most recently accepted first, in threads the
// viewer may see. posts.accepted_at follows threads.accepted_post_id on every path.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const SOLUTIONS = `query($handle: String!, $first: Int, $after: String) {
  member(handle: $handle) {
    acceptedAnswers(first: $first, after: $after) {
      edges { node { id acceptedAt thread { id title } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptAnswer(threadId: $id) { id } }`;
const DELETE = `mutation($id: ID!) { deletePost(postId: $id) }`;

async function solutions(of: TestMember, viewer?: TestMember, page: { first?: number; after?: string } = {}) {
  const res = await api.gql(SOLUTIONS, { handle: of.handle, ...page }, viewer ? { token: viewer.token } : {});
  expect(res.errors).toBeUndefined();
  return res.data.member.acceptedAnswers;
}
const ids = async (of: TestMember, viewer?: TestMember) =>
  (await solutions(of, viewer)).edges.map((e: any) => e.node.id);
const ok = async (p: Promise<{ errors?: unknown }>) => expect((await p).errors).toBeUndefined();

/** Posts whose accepted_at disagrees with their thread's accepted_post_id: always none. */
const mismatches = () =>
  api.sql(`select p.id from posts p left join threads t on t.accepted_post_id = p.id
            where (p.accepted_at is not null) <> (t.id is not null)`);

describe('acceptedAnswers', () => {
  it('lists solutions most recently accepted first, pages with cursors, and follows switch, un-accept and delete', async () => {
    const [asker, helper, other] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const threads = [];
    for (const title of ['Hub drops offline nightly', 'Sensor battery drains fast', 'App shows stale status'])
      threads.push(await buildThread(api, asker, { title }));
    const replies = [];
    for (const t of threads) replies.push(await buildReply(api, helper, t.id));
    const rival = await buildReply(api, other, threads[0]!.id);
    expect(await ids(helper)).toEqual([]);

    for (const r of replies) await ok(api.gql(ACCEPT, { id: r.id }, { token: asker.token }));
    const all = await solutions(helper);
    expect(all.edges.map((e: any) => e.node.id)).toEqual([replies[2]!.id, replies[1]!.id, replies[0]!.id]);
    expect(all.edges[0].node.thread.title).toBe('App shows stale status');
    expect(Date.parse(all.edges[0].node.acceptedAt)).toBeGreaterThan(Date.now() - 60_000);

    const page1 = await solutions(helper, undefined, { first: 2 });
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([replies[2]!.id, replies[1]!.id]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await solutions(helper, undefined, { first: 2, after: page1.pageInfo.endCursor });
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([replies[0]!.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    // Accepted within one millisecond: the cursor still finds the next row, by id.
    await api.sql(`update posts set accepted_at = '2026-01-01T00:00:00.000123Z' where id = any($1)`, [
      replies.map((r) => Number(r.id)),
    ]);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await solutions(helper, undefined, { first: 1, after });
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual([replies[2]!.id, replies[1]!.id, replies[0]!.id]);

    // Another answer becomes the solution: it moves from one member's list to the other's.
    await ok(api.gql(ACCEPT, { id: rival.id }, { token: asker.token }));
    expect(await ids(helper)).toEqual([replies[2]!.id, replies[1]!.id]);
    expect(await ids(other)).toEqual([rival.id]);

    await ok(api.gql(UNACCEPT, { id: threads[1]!.id }, { token: asker.token }));
    expect(await ids(helper)).toEqual([replies[2]!.id]);

    // A deleted solution is no longer anyone's solution.
    await ok(api.gql(DELETE, { id: replies[2]!.id }, { token: helper.token }));
    expect(await ids(helper)).toEqual([]);
    expect(await mismatches()).toEqual([]);
  });

  it('shows solutions only from threads the viewer may see', async () => {
    const [moderator, admin, member] = await Promise.all([
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api, { role: 'ADMIN' }),
      buildMember(api),
    ]);
    const lounge = await firstCategoryId(api, 'RESTRICTED');
    const inLounge = await buildThread(api, admin, { title: 'Escalation rota for the holidays', categoryId: lounge });
    const inForum = await buildThread(api, member, { title: 'Pairing a second hub' });
    const staffOnly = await buildReply(api, moderator, inLounge.id);
    const open = await buildReply(api, moderator, inForum.id);
    await ok(api.gql(ACCEPT, { id: staffOnly.id }, { token: admin.token }));
    await ok(api.gql(ACCEPT, { id: open.id }, { token: member.token }));

    expect(await ids(moderator, admin)).toEqual([open.id, staffOnly.id]);
    expect(await ids(moderator, member)).toEqual([open.id]);
    expect(await ids(moderator)).toEqual([open.id]);

    // The question deleted: its thread is gone, and so is the solution from the list.
    await ok(api.gql(DELETE, { id: inForum.question.id }, { token: member.token }));
    expect(await ids(moderator, admin)).toEqual([staffOnly.id]);
    expect(await mismatches()).toEqual([]);
  });

  /**
   * Deleting a solution locks the post, then its thread. Accepting another answer locks the
   * thread, and the trigger then the old and new solutions: unless the accept locks those posts
   * first, the two deadlock. The API logs every retried transaction: there must be none.
   */
  it('deleting a solution while the asker switches to another answer never deadlocks', async () => {
    const [asker, solver, rival] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const cases = [];
    for (let i = 0; i < 12; i++) {
      const thread = await buildThread(api, asker, { title: `Switching solutions, case number ${i}` });
      const solution = await buildReply(api, solver, thread.id);
      const other = await buildReply(api, rival, thread.id);
      await ok(api.gql(ACCEPT, { id: solution.id }, { token: asker.token }));
      cases.push({ thread, solution, other });
    }
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      const results = await Promise.all(
        cases.flatMap(({ solution, other }) => [
          api.gql(DELETE, { id: solution.id }, { token: solver.token }),
          api.gql(ACCEPT, { id: other.id }, { token: asker.token }),
        ]),
      );
      expect(results.filter((r) => r.errors)).toEqual([]);
      const retried = stderr.mock.calls.map(([line]) => String(line)).filter((l) => l.includes('retrying transaction'));
      expect(retried).toEqual([]);
    } finally {
      stderr.mockRestore();
    }
    // Whatever the order, each thread ends with the other answer as its solution.
    expect((await ids(rival)).sort()).toEqual(cases.map((c) => c.other.id).sort());
    expect(await ids(solver)).toEqual([]);
    expect(await mismatches()).toEqual([]);
  });
});
