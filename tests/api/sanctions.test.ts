import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberActor } from '../../api/src/platform/authz/actor.js';
import { recordEvent, ref } from '../../api/src/platform/events/events.js';
import { recordExpiredSanctions } from '../../api/src/modules/sanctions/sanctions.jobs.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Sanctions (issue 12 item 3): staff silence (may read, may not write) or suspend (may not log
// in) a member until a date, for a reason the member is shown; it takes effect on the member's
// next request, an expired one lifts itself, and new members three peers flag are silenced.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [moderator, admin] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
  ]);
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const SANCTION_FIELDS = `member { id handle } sanction { id kind until reason startsAt }`;
const SILENCE = `mutation($input: SanctionInput!) { silenceMember(input: $input) { ${SANCTION_FIELDS} } }`;
const SUSPEND = `mutation($input: SanctionInput!) { suspendMember(input: $input) { ${SANCTION_FIELDS} } }`;
const LIFT = `mutation($id: ID!) { liftSanction(memberId: $id) { member { id } lifted { id kind until reason } } }`;
const ME = `{ me { id sanction { kind until reason } } }`;
const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id score } }`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const silence = (by: TestMember | null, memberId: string, until = inDays(7), reason = 'Spam links in every reply') =>
  api.gql(SILENCE, { input: { memberId, until, reason } }, as(by));
const suspend = (by: TestMember | null, memberId: string, until = inDays(7), reason = 'Harassing other members') =>
  api.gql(SUSPEND, { input: { memberId, until, reason } }, as(by));
const lift = (by: TestMember | null, memberId: string) => api.gql(LIFT, { id: memberId }, as(by));
const vote = (by: TestMember, postId: string) => api.gql(VOTE, { input: { postId, value: 'UP' } }, as(by));
const login = (m: TestMember) =>
  api.gql(
    `mutation($input: LoginInput!) { login(input: $input) { token member { id } } }`,
    { input: { login: m.handle, password: m.password } },
    { ip: m.ip },
  );

/** What a failed command must leave unchanged: the member's sanctions and events. */
async function written(memberId: string) {
  const [row] = await api.sql<{ sanctions: number; events: number }>(
    `select (select count(*)::int from member_sanctions where member_id = $1) as sanctions,
            (select count(*)::int from domain_events where subject = $2) as events`,
    [memberId, `member:${memberId}`],
  );
  return row!;
}

function events(memberId: string, name: string) {
  return api.sql<{ actor_type: string; actor_id: string | null; actor_label: string | null; data: any }>(
    `select actor_type, actor_id, actor_label, data from domain_events where subject = $1 and name = $2 order by id`,
    [`member:${memberId}`, name],
  );
}

describe('who may sanction whom', () => {
  type Target = 'member' | 'moderator' | 'admin' | 'self';
  type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';
  const matrix: [string, Record<Target, Outcome>][] = [
    [
      'visitor',
      { member: 'UNAUTHENTICATED', moderator: 'UNAUTHENTICATED', admin: 'UNAUTHENTICATED', self: 'UNAUTHENTICATED' },
    ],
    ['member', { member: 'FORBIDDEN', moderator: 'FORBIDDEN', admin: 'FORBIDDEN', self: 'FORBIDDEN' }],
    ['advocate', { member: 'FORBIDDEN', moderator: 'FORBIDDEN', admin: 'FORBIDDEN', self: 'FORBIDDEN' }],
    ['moderator', { member: 'ok', moderator: 'FORBIDDEN', admin: 'FORBIDDEN', self: 'FORBIDDEN' }],
    ['admin', { member: 'ok', moderator: 'ok', admin: 'FORBIDDEN', self: 'FORBIDDEN' }],
  ];

  async function actor(kind: string): Promise<TestMember | null> {
    if (kind === 'visitor') return null;
    const m = await buildMember(api, {
      role: kind === 'moderator' ? 'MODERATOR' : kind === 'admin' ? 'ADMIN' : 'MEMBER',
    });
    if (kind === 'advocate') await api.sql('update members set is_advocate = true where id = $1', [m.id]);
    return m;
  }
  async function target(kind: Target, self: TestMember | null): Promise<TestMember> {
    if (kind === 'self') return self ?? (await buildMember(api));
    return buildMember(api, { role: kind === 'member' ? 'MEMBER' : kind === 'moderator' ? 'MODERATOR' : 'ADMIN' });
  }

  for (const [who, outcomes] of matrix) {
    for (const [what, outcome] of Object.entries(outcomes) as [Target, Outcome][]) {
      it(`${who} silences, suspends and lifts on ${what}: ${outcome}`, async () => {
        const by = await actor(who);
        const on = await target(what, by);
        const before = await written(on.id);
        const results = [await silence(by, on.id), await suspend(by, on.id)];
        if (outcome === 'ok') {
          expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
          expect((await lift(by, on.id)).data.liftSanction.lifted).toHaveLength(2);
          return;
        }
        // The guardian decides before the state: a lift by someone who may not is refused as such.
        for (const r of results) expect(r.errors?.[0]?.extensions.code).toBe(outcome);
        expect((await lift(by, on.id)).errors?.[0]?.extensions.code).toBe(outcome);
        expect(await written(on.id)).toEqual(before);
      });
    }
  }

  it('a moderator may not lift the silence an administrator put on a moderator', async () => {
    const target = await buildMember(api, { role: 'MODERATOR' });
    expect((await silence(admin, target.id)).errors).toBeUndefined();
    const res = await lift(moderator, target.id);
    expect(res.errors?.[0]).toMatchObject({
      message: 'Only an administrator can lift sanctions on a moderator.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await lift(admin, target.id)).errors).toBeUndefined();
  });
});

describe('input', () => {
  it('is checked with typed errors, and nothing is written', async () => {
    const member = await buildMember(api);
    const before = await written(member.id);
    const past = await silence(moderator, member.id, new Date(Date.now() - 60_000).toISOString());
    expect(past.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { until: 'Choose an end in the future.' },
    });
    const tooLong = await suspend(moderator, member.id, inDays(400));
    expect(tooLong.errors?.[0]?.extensions.fields.until).toMatch(/at most 365 days/);
    const noReason = await silence(moderator, member.id, inDays(1), '  ');
    expect(noReason.errors?.[0]?.extensions.fields).toHaveProperty('reason');
    const missing = await api.gql(SILENCE, { input: { memberId: member.id, reason: 'Spam' } }, as(moderator));
    expect(missing.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await silence(moderator, '999999')).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await silence(moderator, 'abc')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await lift(moderator, member.id)).errors?.[0]).toMatchObject({
      message: `${member.handle} has no sanction in force.`,
      extensions: { code: 'CONFLICT' },
    });
    expect(await written(member.id)).toEqual(before);
  });

  it('one sanction of a kind at a time: concurrent silences start one, the others are CONFLICT', async () => {
    const member = await buildMember(api);
    const other = await buildMember(api, { role: 'MODERATOR' });
    const results = await Promise.all([
      silence(moderator, member.id),
      silence(other, member.id),
      silence(admin, member.id),
    ]);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(r.errors![0]).toMatchObject({
        extensions: { code: 'CONFLICT' },
        message: expect.stringMatching(
          new RegExp(`^${member.handle} is already silenced until .*Lift that sanction first`),
        ),
      });
    }
    expect(await events(member.id, 'member.silenced')).toHaveLength(1);
    // A suspension is another kind: both may be in force at once.
    expect((await suspend(moderator, member.id)).errors).toBeUndefined();
  });
});

describe('silence', () => {
  it('refuses every write with the reason and the end, while reading works; a lift restores at once', async () => {
    const [asker, answerer, member] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    const answer = await buildReply(api, answerer, thread.id);
    const own = await buildReply(api, member, thread.id);
    // A published article to rate: the accepted answer drafts one, staff publish it.
    await api.gql(`mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`, { id: answer.id }, as(asker));
    await caughtUp(api, 'knowledge.sources');
    const [article] = await api.sql<{ id: number }>('select id from articles where source_thread_id = $1', [thread.id]);
    expect(
      (
        await api.gql(
          `mutation($id: ID!) { publishArticle(articleId: $id) { id } }`,
          { id: article!.id },
          as(moderator),
        )
      ).errors,
    ).toBeUndefined();

    const until = inDays(3);
    const res = await silence(moderator, member.id, until, 'Spam links in every reply');
    expect(res.errors).toBeUndefined();
    expect(res.data.silenceMember).toMatchObject({
      member: { id: member.id },
      sanction: { kind: 'SILENCE', until, reason: 'Spam links in every reply' },
    });

    const categoryId = String(
      (await api.sql('select category_id from threads where id = $1', [thread.id]))[0].category_id,
    );
    const writes = {
      ask: api.gql(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        {
          input: {
            categoryId,
            title: 'How do I reset my sync token?',
            body: 'It keeps failing after the update.',
            tags: [],
          },
        },
        as(member),
      ),
      reply: api.gql(
        `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`,
        { input: { threadId: thread.id, body: 'Another reply that should never be written.' } },
        as(member),
      ),
      edit: api.gql(
        `mutation($i: EditPostInput!) { editPost(input: $i) { id } }`,
        { i: { postId: own.id, body: 'An edit that should never be written at all.' } },
        as(member),
      ),
      vote: vote(member, answer.id),
      rate: api.gql(
        `mutation($i: RateArticleInput!) { rateArticle(input: $i) { helpfulCount } }`,
        { i: { articleId: String(article!.id), helpful: true } },
        as(member),
      ),
    };
    for (const [what, pending] of Object.entries(writes)) {
      const r = await pending;
      expect(r.errors?.[0], what).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
        message: `You are silenced until ${until} (reason: Spam links in every reply). You can read, but you cannot post, reply, edit, vote or flag until then.`,
      });
    }
    const [counts] = await api.sql(
      `select (select count(*)::int from posts where author_id = $1) as posts,
              (select count(*)::int from post_votes where voter_id = $1) as votes,
              (select count(*)::int from article_ratings where article_id = $2) as ratings`,
      [member.id, article!.id],
    );
    expect(counts).toEqual({ posts: 1, votes: 0, ratings: 0 });

    // Reading works, and the member sees their own sanction (for a banner).
    const read = await api.gql(`query($id: ID!) { thread(id: $id) { id } }`, { id: thread.id }, as(member));
    expect(read.data.thread.id).toBe(thread.id);
    expect((await api.gql(ME, {}, as(member))).data.me.sanction).toEqual({
      kind: 'SILENCE',
      until,
      reason: 'Spam links in every reply',
    });
    const viewerCan = await api.gql(
      `query($id: ID!) { thread(id: $id) { viewerCan { reply } } }`,
      { id: thread.id },
      as(member),
    );
    expect(viewerCan.data.thread.viewerCan.reply).toBe(false);

    const lifted = await lift(moderator, member.id);
    expect(lifted.data.liftSanction.lifted).toEqual([
      { id: res.data.silenceMember.sanction.id, kind: 'SILENCE', until, reason: 'Spam links in every reply' },
    ]);
    expect((await vote(member, answer.id)).errors).toBeUndefined();
    expect((await api.gql(ME, {}, as(member))).data.me.sanction).toBeNull();

    const [silenced] = await events(member.id, 'member.silenced');
    expect(silenced).toMatchObject({
      actor_type: 'member',
      actor_id: moderator.id,
      data: {
        memberId: Number(member.id),
        kind: 'SILENCE',
        reason: 'Spam links in every reply',
        before: null,
        after: { kind: 'SILENCE', until, reason: 'Spam links in every reply', liftedAt: null },
      },
    });
    const [liftedEvent] = await events(member.id, 'member.sanction_lifted');
    expect(liftedEvent!.data.before).toMatchObject({ until, liftedAt: null });
    expect(liftedEvent!.data.after).toMatchObject({ until, liftedAt: expect.any(String) });
  });

  it("a silence shows to the member and staff only, through member(handle) and a post's author", async () => {
    const [member, other, advocate] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    await api.sql('update members set is_advocate = true where id = $1', [advocate.id]);
    const thread = await buildThread(api, member);
    expect((await silence(moderator, member.id)).errors).toBeUndefined();
    const PROFILE = `query($h: String!) { member(handle: $h) { sanction { kind reason } } }`;
    const AUTHOR = `query($id: ID!) { thread(id: $id) { question { author { sanction { kind } } } } }`;
    for (const viewer of [null, other, advocate]) {
      const profile = await api.gql(PROFILE, { h: member.handle }, as(viewer));
      expect(profile.data.member.sanction).toBeNull();
      const nested = await api.gql(AUTHOR, { id: thread.id }, as(viewer));
      expect(nested.data.thread.question.author.sanction).toBeNull();
    }
    for (const viewer of [member, moderator, admin]) {
      expect((await api.gql(PROFILE, { h: member.handle }, as(viewer))).data.member.sanction.kind).toBe('SILENCE');
      expect((await api.gql(AUTHOR, { id: thread.id }, as(viewer))).data.thread.question.author.sanction).toEqual({
        kind: 'SILENCE',
      });
    }
  });
});

describe('history', () => {
  const HISTORY = `query($h: String!, $first: Int, $after: String) { member(handle: $h) {
    sanction { kind imposedBy { id } }
    sanctionHistory(first: $first, after: $after) {
      edges { node { kind reason liftedAt imposedBy { id } liftedBy { id } } } pageInfo { hasNextPage endCursor } } } }`;

  it('staff see every sanction, newest first, with who imposed and lifted it; the member sees only the one in force', async () => {
    const member = await buildMember(api);
    expect((await silence(moderator, member.id, inDays(1), 'First warning')).errors).toBeUndefined();
    expect((await lift(admin, member.id)).errors).toBeUndefined();
    expect((await suspend(moderator, member.id, inDays(2), 'Second offence')).errors).toBeUndefined();
    expect((await silence(admin, member.id, inDays(3), 'Third offence')).errors).toBeUndefined();

    const page = await api.gql(HISTORY, { h: member.handle, first: 2 }, as(moderator));
    expect(page.errors).toBeUndefined();
    expect(page.data.member.sanctionHistory.edges.map((e: any) => e.node)).toEqual([
      { kind: 'SILENCE', reason: 'Third offence', liftedAt: null, imposedBy: { id: admin.id }, liftedBy: null },
      { kind: 'SUSPEND', reason: 'Second offence', liftedAt: null, imposedBy: { id: moderator.id }, liftedBy: null },
    ]);
    const rest = await api.gql(
      HISTORY,
      { h: member.handle, first: 2, after: page.data.member.sanctionHistory.pageInfo.endCursor },
      as(moderator),
    );
    expect(rest.data.member.sanctionHistory.edges.map((e: any) => e.node)).toEqual([
      {
        kind: 'SILENCE',
        reason: 'First warning',
        liftedAt: expect.any(String),
        imposedBy: { id: moderator.id },
        liftedBy: { id: admin.id },
      },
    ]);
    expect(rest.data.member.sanctionHistory.pageInfo.hasNextPage).toBe(false);

    // End the suspension (keeping the silence) so the member's own session works again.
    await api.sql(`update member_sanctions set lifted_at = now() where member_id = $1 and kind = 'SUSPEND'`, [
      member.id,
    ]);
    const own = await api.gql(HISTORY, { h: member.handle }, as(member));
    expect(own.data.member).toEqual({ sanction: { kind: 'SILENCE', imposedBy: null }, sanctionHistory: null });
    expect(own.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});

describe('suspension', () => {
  it('refuses log-in and the next request of an existing session, naming the end and the reason; a lift restores the session', async () => {
    const member = await buildMember(api);
    expect((await api.gql(ME, {}, as(member))).data.me.id).toBe(member.id);
    const until = inDays(14);
    expect((await suspend(moderator, member.id, until, 'Harassing other members')).errors).toBeUndefined();
    const message = `Your account is suspended until ${until} (reason: Harassing other members).`;

    const session = await api.gql(ME, {}, as(member));
    expect(session.status).toBe(403);
    expect(session.data).toBeFalsy();
    expect(session.errors?.[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN', suspendedUntil: until } });
    const denied = await login(member);
    expect(denied.errors?.[0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN', suspendedUntil: until } });
    // Nothing tells a stranger with a wrong password that the account is suspended.
    const wrong = await api.gql(
      `mutation($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { login: member.handle, password: 'not the password' } },
      { ip: member.ip },
    );
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.errors?.[0]?.message).not.toMatch(/suspended/);
    const [sessions] = await api.sql('select count(*)::int as n from sessions where member_id = $1', [member.id]);
    expect(sessions.n).toBe(1);

    // Staff see it on the profile.
    const profile = await api.gql(
      `query($h: String!) { member(handle: $h) { sanction { kind until } } }`,
      {
        h: member.handle,
      },
      as(moderator),
    );
    expect(profile.data.member.sanction).toEqual({ kind: 'SUSPEND', until });

    expect((await lift(moderator, member.id)).errors).toBeUndefined();
    expect((await api.gql(ME, {}, as(member))).data.me).toEqual({ id: member.id, sanction: null });
    expect((await login(member)).errors).toBeUndefined();
    expect(await events(member.id, 'member.suspended')).toHaveLength(1);
  });
});

describe('expiry', () => {
  it('an expired sanction lifts itself without the job; the job records the expiry once', async () => {
    const [silenced, suspended, lifted] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, moderator);
    for (const m of [silenced, lifted]) expect((await silence(moderator, m.id)).errors).toBeUndefined();
    expect((await suspend(moderator, suspended.id)).errors).toBeUndefined();
    expect((await lift(moderator, lifted.id)).errors).toBeUndefined();
    await api.sql(
      `update member_sanctions set starts_at = now() - interval '2 days', until = now() - interval '1 second'
        where member_id = any($1::int[])`,
      [[silenced.id, suspended.id]],
    );
    await api.sql(
      `update member_sanctions set starts_at = now() - interval '2 days', lifted_at = now() - interval '1 day',
              until = now() - interval '1 second' where member_id = $1`,
      [lifted.id],
    );

    expect((await vote(silenced, thread.question.id)).errors).toBeUndefined();
    expect((await api.gql(ME, {}, as(suspended))).data.me.sanction).toBeNull();
    expect((await login(suspended)).errors).toBeUndefined();
    // The slot is free again: a new silence may start.
    expect((await silence(moderator, silenced.id)).errors).toBeUndefined();

    // Concurrent runs, then another: each expired sanction recorded once; a lifted one never.
    await Promise.all([recordExpiredSanctions(api.app.services), recordExpiredSanctions(api.app.services)]);
    await recordExpiredSanctions(api.app.services);
    for (const m of [silenced, suspended]) {
      const expired = await events(m.id, 'member.sanction_expired');
      expect(expired).toHaveLength(1);
      expect(expired[0]).toMatchObject({
        actor_type: 'system',
        actor_label: 'sanctions.expiry',
        data: { after: null },
      });
      expect(expired[0]!.data.before).toMatchObject({ reason: expect.any(String), liftedAt: null });
    }
    expect(await events(lifted.id, 'member.sanction_expired')).toEqual([]);
    expect(api.app.services.assembly.jobs.map((j) => j.name)).toContain('sanctions.record-expired');
  });
});

describe('auto-silence of flagged new members', () => {
  const SUBSCRIBER = 'sanctions.silence-newcomers';

  /** Records `post.flagged` as the moderation module will (its flagPost is not on this branch). */
  async function flag(post: { postId: string; threadId: string }, author: TestMember, flagger: TestMember) {
    await api.app.services.orm.em.fork().transactional((tx) =>
      recordEvent(tx, memberActor(Number(flagger.id)), {
        name: 'post.flagged' as never,
        subject: ref('post', post.postId),
        related: [ref('thread', post.threadId), ref('member', author.id), ref('member', flagger.id)],
        data: {
          postId: Number(post.postId),
          threadId: Number(post.threadId),
          authorId: Number(author.id),
          flaggerId: Number(flagger.id),
          reason: 'SPAM',
          weight: 1,
        } as never,
      }),
    );
  }
  async function newcomerWithPosts() {
    const author = await buildMember(api, { reputation: 0 });
    const thread = await buildThread(api, author);
    const reply = await buildReply(api, author, thread.id);
    return {
      author,
      posts: [
        { postId: thread.question.id, threadId: thread.id },
        { postId: reply.id, threadId: thread.id },
      ],
    };
  }
  const sanctionsOf = (m: TestMember) =>
    api.sql<{ kind: string; until: Date | null; imposed_by: number | null; lifted_at: Date | null; reason: string }>(
      'select kind, until, imposed_by, lifted_at, reason from member_sanctions where member_id = $1 order by id',
      [m.id],
    );

  it('three distinct flaggers on a new member’s posts silence them until staff decide', async () => {
    const { author, posts } = await newcomerWithPosts();
    const flaggers = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    await flag(posts[0]!, author, flaggers[0]!);
    await flag(posts[1]!, author, flaggers[1]!);
    await caughtUp(api, SUBSCRIBER);
    expect(await sanctionsOf(author)).toEqual([]);
    await flag(posts[1]!, author, flaggers[2]!);
    await caughtUp(api, SUBSCRIBER);
    expect(await sanctionsOf(author)).toEqual([
      {
        kind: 'SILENCE',
        until: null,
        imposed_by: null,
        lifted_at: null,
        reason: expect.stringMatching(/^3 members flagged/),
      },
    ]);
    const [event] = await events(author.id, 'member.silenced');
    expect(event).toMatchObject({
      actor_type: 'system',
      actor_label: SUBSCRIBER,
      data: { before: null, after: { until: null } },
    });
    const refused = await api.gql(
      `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`,
      { input: { threadId: posts[0]!.threadId, body: 'One more reply, which the silence refuses.' } },
      as(author),
    );
    expect(refused.errors?.[0]?.message).toMatch(
      /^You are silenced until a moderator lifts it \(reason: 3 members flagged/,
    );
  });

  it('three flags by one flagger, or on an established member, silence nobody', async () => {
    const { author, posts } = await newcomerWithPosts();
    const flagger = await buildMember(api);
    for (const p of [...posts, posts[0]!]) await flag(p, author, flagger);
    const established = await buildMember(api, { reputation: 15 });
    const thread = await buildThread(api, established);
    const flaggers = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    for (const f of flaggers) await flag({ postId: thread.question.id, threadId: thread.id }, established, f);
    await caughtUp(api, SUBSCRIBER);
    expect(await sanctionsOf(author)).toEqual([]);
    expect(await sanctionsOf(established)).toEqual([]);
  });

  it('a replay silences once; after staff lift it, the same flags do not silence again, new ones do', async () => {
    const { author, posts } = await newcomerWithPosts();
    const flaggers = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    for (const f of flaggers) await flag(posts[0]!, author, f);
    await caughtUp(api, SUBSCRIBER);
    expect(await sanctionsOf(author)).toHaveLength(1);

    await api.app.services.events.replay(SUBSCRIBER, '1');
    await caughtUp(api, SUBSCRIBER);
    expect(await sanctionsOf(author)).toHaveLength(1);
    expect(await events(author.id, 'member.silenced')).toHaveLength(1);

    expect((await lift(moderator, author.id)).errors).toBeUndefined();
    await api.app.services.events.replay(SUBSCRIBER, '1');
    await caughtUp(api, SUBSCRIBER);
    expect(await sanctionsOf(author)).toEqual([expect.objectContaining({ lifted_at: expect.any(Date) })]);
    // A flagger flagging again after the lift counts anew; two new ones are not yet three.
    await flag(posts[1]!, author, flaggers[0]!);
    await flag(posts[1]!, author, flaggers[1]!);
    await caughtUp(api, SUBSCRIBER);
    expect(await sanctionsOf(author)).toHaveLength(1);
    await flag(posts[1]!, author, flaggers[2]!);
    await caughtUp(api, SUBSCRIBER);
    expect((await sanctionsOf(author)).map((s) => s.lifted_at)).toEqual([expect.any(Date), null]);
  });
});
