import 'reflect-metadata';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PREDICATE } from '../../api/src/modules/audit/event-log.queries.js';
import { buildMember, buildReply, buildThread, REPLY_BODY, type TestMember } from '../support/factories.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/test-api.js';

// The audit log (issue 12 item 3): every moderator action, filterable, staff only.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
let author: TestMember;
let voter: TestMember;
let closer: TestMember;
let advocate: TestMember;
let thread: Awaited<ReturnType<typeof buildThread>>;
let original: Awaited<ReturnType<typeof buildThread>>;
let reply: { id: string };
let silencedEventId: string;

const AUDIT = `query($filter: AuditLogFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id name actor { id } actorType subject related before after reason occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface Row {
  id: string;
  name: string;
  actor: { id: string } | null;
  actorType: string;
  subject: string;
  related: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  occurredAt: string;
}
const as = (m: TestMember | null) => ({ token: m?.token ?? null });
function ok<T = any>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data;
}
const audit = (
  filter: Record<string, unknown> | null,
  by: TestMember | null = moderator,
  first = 100,
  after?: string,
) => api.gql(AUDIT, { filter, first, after }, as(by));
async function rows(filter: Record<string, unknown> | null): Promise<Row[]> {
  const data = ok(await audit(filter));
  expect(data.auditLog.pageInfo.hasNextPage).toBe(false);
  return data.auditLog.edges.map((e: { node: Row }) => e.node);
}
/** The factories adjust reputation (audited too); these tests look at the rest. */
const actions = (list: Row[]) => list.filter((r) => r.name !== 'reputation.adjusted');

beforeAll(async () => {
  api = await startTestApi();
  [moderator, admin, author, voter, closer, advocate] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api),
    buildMember(api),
    buildMember(api, { reputation: 3000 }),
    buildMember(api),
  ]);
  ok(
    await api.gql(
      `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id } }`,
      { input: { memberId: advocate.id, reason: 'Knows the sync stack well' } },
      as(admin),
    ),
  );
  original = await buildThread(api, author);
  thread = await buildThread(api, author);
  reply = await buildReply(api, voter, thread.id);
  const gql = (query: string, variables: Record<string, unknown>, by: TestMember) =>
    api.gql(query, variables, as(by)).then(ok);
  // Not audited: members' own work.
  await gql(
    `mutation($input: VoteInput!) { vote(input: $input) { id } }`,
    { input: { postId: reply.id, value: 'UP' } },
    author,
  );
  await gql(
    `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
    { input: { postId: reply.id, body: `${REPLY_BODY} (edited)` } },
    voter,
  );
  // Audited: moderators' and privileged members' actions.
  await gql(
    `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
    { input: { postId: reply.id, body: `${REPLY_BODY} (tidied by staff)` } },
    moderator,
  );
  await gql(
    `mutation($i: LockThreadInput!) { lockThread(input: $i) { thread { id } } }`,
    { i: { threadId: thread.id, reason: 'Cooling off' } },
    moderator,
  );
  await gql(
    `mutation($i: ThreadReasonInput!) { unlockThread(input: $i) { thread { id } } }`,
    { i: { threadId: thread.id } },
    moderator,
  );
  await gql(
    `mutation($i: CloseThreadInput!) { closeThread(input: $i) { thread { id } } }`,
    { i: { threadId: thread.id, reason: 'DUPLICATE', duplicateOfId: original.id, note: 'Asked last week' } },
    closer,
  );
  await gql(`mutation($id: ID!) { staffPick(postId: $id) { id } }`, { id: reply.id }, admin);
  await gql(
    `mutation($input: RemovePostInput!) { removePost(input: $input) }`,
    { input: { postId: reply.id, reason: 'SPAM' } },
    moderator,
  );
  await gql(`mutation($id: ID!) { restorePost(postId: $id) { id } }`, { id: reply.id }, moderator);
  await gql(
    `mutation($i: PinThreadInput!) { pinThread(input: $i) { thread { id } } }`,
    { i: { threadId: original.id, scope: 'GLOBAL', reason: 'FAQ' } },
    moderator,
  );
  // A kind another module records (sanctions): listed as soon as it exists.
  const [row] = await api.sql<{ id: string }>(
    `insert into domain_events (name, actor_type, actor_id, subject, related, data)
     values ('member.silenced', 'member', $1, $2, '{}', $3) returning id::text`,
    [
      moderator.id,
      `member:${voter.id}`,
      JSON.stringify({
        memberId: Number(voter.id),
        reason: 'Spam wave',
        before: { silencedUntil: null },
        after: { silencedUntil: '2027-01-01T00:00:00.000Z' },
      }),
    ],
  );
  silencedEventId = row!.id;
});
afterAll(() => api?.close());

describe('the audit log', () => {
  it('lists moderator actions newest first, with actor, kind, subject, before, after and reason; not members’ own work', async () => {
    const list = actions(await rows(null));
    expect(list.map((r) => r.name)).toEqual([
      'member.silenced',
      'thread.pinned',
      'post.restored',
      'post.removed',
      'post.staff_picked',
      'thread.status_changed',
      'thread.status_changed',
      'thread.status_changed',
      'post.edited',
      'advocate.granted',
    ]);
    const ids = list.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const byReason = (reason: string) => list.find((r) => r.reason === reason);
    expect(byReason('Cooling off')).toMatchObject({
      name: 'thread.status_changed',
      actor: { id: moderator.id },
      actorType: 'member',
      subject: `thread:${thread.id}`,
      before: { status: 'OPEN', closeReason: null },
      after: { status: 'LOCKED' },
      occurredAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(byReason('Asked last week')).toMatchObject({
      actor: { id: closer.id },
      after: { status: 'CLOSED', closeReason: 'DUPLICATE', duplicateOfId: Number(original.id) },
      related: expect.arrayContaining([`thread:${original.id}`]),
    });
    expect(byReason('SPAM')).toMatchObject({ name: 'post.removed', subject: `post:${reply.id}`, before: null });
    expect(byReason('Spam wave')).toMatchObject({
      name: 'member.silenced',
      before: { silencedUntil: null },
      after: { silencedUntil: '2027-01-01T00:00:00.000Z' },
    });
    const edit = list.find((r) => r.name === 'post.edited')!;
    expect(edit.actor).toEqual({ id: moderator.id });
  });

  it('filters by moderator, member, thread and kinds, alone and together', async () => {
    const names = async (filter: Record<string, unknown>) => actions(await rows(filter)).map((r) => r.name);
    expect(await names({ actorId: closer.id })).toEqual(['thread.status_changed']);
    expect(await names({ actorId: admin.id, kinds: ['post.staff_picked'] })).toEqual(['post.staff_picked']);
    // The author's content: everything done to their thread and posts names them.
    expect(await names({ memberId: author.id })).toEqual([
      'thread.pinned',
      'thread.status_changed',
      'thread.status_changed',
      'thread.status_changed',
    ]);
    expect(await names({ memberId: voter.id })).toEqual([
      'member.silenced',
      'post.restored',
      'post.removed',
      'post.staff_picked',
      'post.edited',
    ]);
    expect(await names({ threadId: thread.id })).toEqual([
      'post.restored',
      'post.removed',
      'post.staff_picked',
      'thread.status_changed',
      'thread.status_changed',
      'thread.status_changed',
      'post.edited',
    ]);
    // The original is named by the duplicate's close (related), and pinned itself.
    expect(await names({ threadId: original.id })).toEqual(['thread.pinned', 'thread.status_changed']);
    expect(await names({ threadId: thread.id, actorId: moderator.id, kinds: ['thread.status_changed'] })).toEqual([
      'thread.status_changed',
      'thread.status_changed',
    ]);
    // Kinds other helpers add are accepted before anything records them; non-moderation kinds list nothing.
    expect((await rows({ kinds: ['member.silenced', 'member.suspended'] })).map((r) => r.id)).toEqual([
      silencedEventId,
    ]);
    expect(await rows({ kinds: ['member.sanction_lifted', 'member.staff_note_added', 'review.resolved'] })).toEqual([]);
    expect(await rows({ kinds: ['post.voted'] })).toEqual([]);
    for (const filter of [{ kinds: ['Drop Table'] }, { memberId: 'x' }, { threadId: '0' }]) {
      expect((await audit(filter)).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('pages with cursors, newest first, without gaps or repeats', async () => {
    const all = await rows(null);
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const data = ok(await audit(null, moderator, 3, after));
      paged.push(...data.auditLog.edges.map((e: { node: Row }) => e.node.id));
      if (!data.auditLog.pageInfo.hasNextPage) break;
      after = data.auditLog.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.map((r) => r.id));
  });

  it('is for staff: members (privileged or advocates) and visitors are FORBIDDEN, as for the event log', async () => {
    for (const who of [null, author, closer, advocate]) {
      const res = await audit(null, who);
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    ok(await audit(null, admin));
  });

  it('reads its pages from indexes on a large log (EXPLAIN)', async () => {
    // 200,000 events of a kind nothing subscribes to (so no subscriber has work), as the votes
    // and replies of a busy forum, with an audited action every 1,000.
    await api.sql(
      `insert into domain_events (name, actor_type, actor_id, subject, related, data)
       select case when g % 1000 = 0 then 'post.removed' else 'post.viewed' end, 'member', $1,
              'post:' || (g % 5000 + 1), array['thread:' || (g % 900 + 1), 'member:' || (g % 3000 + 1)],
              jsonb_build_object('authorId', g % 3000 + 1, 'reason', 'SPAM')
         from generate_series(1, 200000) g`,
      [voter.id],
    );
    await api.sql('analyze domain_events');
    const client = new pg.Client({ connectionString: api.app.services.config.DATABASE_URL });
    await client.connect();
    try {
      const plan = async (where: string, params: unknown[] = []) => {
        const res = await client.query(
          `explain (format json) select e.id from domain_events e where ${where} and ${AUDIT_PREDICATE}
            order by e.id desc limit 21`,
          params,
        );
        return JSON.stringify(res.rows[0]['QUERY PLAN']);
      };
      const everything = await plan('true');
      expect(everything).toContain('domain_events_audit_idx');
      expect(everything).not.toContain('Seq Scan');
      for (const [where, params] of [
        [`e.actor_type = 'member' and e.actor_id = $1`, [moderator.id]],
        ['(e.subject = $1 or e.related @> array[$1]::text[])', ['thread:17']],
        ['(e.subject = $1 or e.related @> array[$1]::text[])', ['member:42']],
        ['e.name = any($1::text[])', ['{member.silenced,thread.merged}']],
      ] as [string, unknown[]][]) {
        expect(await plan(where, params)).not.toContain('Seq Scan');
      }
      const started = Date.now();
      await audit(null);
      await audit({ threadId: '17' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await client.end();
    }
  });
});
