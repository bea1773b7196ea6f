import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { liveClient, type LiveClient } from '../support/live-client.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const ACTIVITY = `subscription($threadId: ID!, $after: ID) {
  threadActivity(threadId: $threadId, after: $after) { eventId kind threadId postId post { id body isHidden } }
}`;
const REVIEW = `subscription { reviewQueueChanged { eventId kind stats { open } } }`;
const HIDE = `mutation($input: HidePostInput!) { hidePost(input: $input) { id } }`;
const SUSPEND = `mutation($input: SanctionInput!) { suspendMember(input: $input) { sanction { kind } } }`;
const SET_ROLE = `mutation($input: SetMemberRoleInput!) { setMemberRole(input: $input) { member { id } } }`;

let a: TestApi;
let b: TestApi;
const clients: LiveClient[] = [];
const connect = (api: TestApi, member?: TestMember | null) => {
  const client = liveClient(api.url, member?.token);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  a = await startTestApi();
  b = await startTestApi({}, { sameDatabaseAs: a });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await b?.close();
  await a?.close();
});

async function restrictedThread(asker: TestMember) {
  const [category] = await a.sql(
    `insert into categories (slug, name, kind) values ('lounge-' || floor(random() * 1e9)::text, 'Staff lounge', 'RESTRICTED') returning id`,
  );
  return buildThread(a, asker, { categoryId: String(category.id) });
}

describe('threadActivity', () => {
  it('a reply committed on one API instance reaches a subscriber connected to another', async () => {
    const [asker, helper] = await Promise.all([buildMember(a), buildMember(a)]);
    const thread = await buildThread(a, asker);
    const live = connect(b, asker).subscribe(ACTIVITY, { threadId: thread.id });
    const visitor = connect(b, null).subscribe(ACTIVITY, { threadId: thread.id });
    await new Promise((r) => setTimeout(r, 300));

    const reply = await buildReply(a, helper, thread.id, 'Reset the sync token from the device list.');
    const event = await live.next((d: any) => d.threadActivity.kind === 'POST_CREATED');
    expect(event.threadActivity).toMatchObject({
      kind: 'POST_CREATED',
      threadId: thread.id,
      postId: reply.id,
      post: { id: reply.id, body: 'Reset the sync token from the device list.', isHidden: false },
    });
    const seen = await visitor.next((d: any) => d.threadActivity.kind === 'POST_CREATED');
    expect(seen.threadActivity.post.id).toBe(reply.id);
  });

  it('never shows a hidden post to those who may not read it: they learn only that it went', async () => {
    const [asker, helper, moderator] = await Promise.all([
      buildMember(a),
      buildMember(a),
      buildMember(a, { role: 'MODERATOR' }),
    ]);
    const thread = await buildThread(a, asker);
    const reply = await buildReply(a, helper, thread.id, 'Paste your licence key here and I will check it.');
    const reader = connect(b, asker).subscribe(ACTIVITY, { threadId: thread.id });
    const author = connect(a, helper).subscribe(ACTIVITY, { threadId: thread.id });
    await new Promise((r) => setTimeout(r, 300));

    const hidden = await a.gql(HIDE, { input: { postId: reply.id, reason: 'Asks for a licence key.' } }, moderator);
    expect(hidden.errors).toBeUndefined();
    const forReader = await reader.next((d: any) => d.threadActivity.kind === 'POST_HIDDEN');
    expect(forReader.threadActivity).toMatchObject({ postId: reply.id, post: null });
    const forAuthor = await author.next((d: any) => d.threadActivity.kind === 'POST_HIDDEN');
    expect(forAuthor.threadActivity.post).toMatchObject({ id: reply.id, isHidden: true });

    // An edit of the hidden post reaches its author, and nobody else.
    const edited = await a.gql(
      `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`,
      { input: { postId: reply.id, body: 'Check the licence page under Settings → Account.' } },
      helper,
    );
    expect(edited.errors).toBeUndefined();
    await author.next((d: any) => d.threadActivity.kind === 'POST_EDITED');
    await reader.nothingFor(800, (d: any) => d.threadActivity.kind === 'POST_EDITED');
  });

  it('a thread the viewer may not read is NOT_FOUND, and a demotion stops what it showed', async () => {
    const [moderator, member, admin] = await Promise.all([
      buildMember(a, { role: 'MODERATOR' }),
      buildMember(a),
      buildMember(a, { role: 'ADMIN' }),
    ]);
    const thread = await restrictedThread(moderator);
    const refused = connect(b, member).subscribe(ACTIVITY, { threadId: thread.id });
    expect(JSON.stringify(await refused.error())).toMatch(/NOT_FOUND/);

    const staff = connect(b, moderator).subscribe(ACTIVITY, { threadId: thread.id });
    await new Promise((r) => setTimeout(r, 300));
    await buildReply(a, admin, thread.id, 'First staff reply, seen by the moderator.');
    await staff.next((d: any) => d.threadActivity.kind === 'POST_CREATED');

    const demoted = await a.gql(
      SET_ROLE,
      { input: { memberId: moderator.id, role: 'MEMBER', reason: 'Stepped down from moderation.' } },
      admin,
    );
    expect(demoted.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 800));
    await buildReply(a, admin, thread.id, 'A staff reply the former moderator may no longer read.');
    await staff.nothingFor(1200);
  });

  it('catches up from the last event id after a reconnection, without repeating it', async () => {
    const [asker, helper] = await Promise.all([buildMember(a), buildMember(a)]);
    const thread = await buildThread(a, asker);
    const first = await buildReply(a, helper, thread.id, 'The first answer, about the sync token.');
    const [{ id: lastSeen }] = await a.sql(
      `select id::text from domain_events where name = 'post.created' and data->>'postId' = $1`,
      [first.id],
    );
    const second = await buildReply(a, helper, thread.id, 'The second answer, sent while away.');
    // Both were published live before this client connects: only the catch-up can bring them.
    const [{ id: secondEvent }] = await a.sql(
      `select id from domain_events where name = 'post.created' and data->>'postId' = $1`,
      [second.id],
    );
    const published = async () =>
      (
        await a.sql(
          `select (e.tx, e.id) <= (s.position_tx, s.position_id) as done from domain_events e, event_subscriptions s
            where e.id = $1 and s.subscriber = 'live.publish'`,
          [secondEvent],
        )
      )[0].done;
    await expect.poll(published).toBe(true);
    const live = connect(b, asker).subscribe(ACTIVITY, { threadId: thread.id, after: lastSeen });
    const missed = await live.next();
    expect(missed.threadActivity).toMatchObject({ kind: 'POST_CREATED', postId: second.id });
    expect(Number(missed.threadActivity.eventId)).toBeGreaterThan(Number(lastSeen));
    await live.nothingFor(500, (d: any) => d.threadActivity.postId === first.id);
  });
});

describe('connections', () => {
  it('a suspension closes the member’s open connection', async () => {
    const [member, moderator] = await Promise.all([buildMember(a), buildMember(a, { role: 'MODERATOR' })]);
    const thread = await buildThread(a, member);
    const client = connect(b, member);
    client.subscribe(ACTIVITY, { threadId: thread.id });
    await new Promise((r) => setTimeout(r, 300));
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const res = await a.gql(SUSPEND, { input: { memberId: member.id, until, reason: 'Repeated spam.' } }, moderator);
    expect(res.errors).toBeUndefined();
    expect((await client.closed).code).toBe(4403);
  });

  it('refuses a connection with a bad token', async () => {
    const client = liveClient(b.url, 'not-a-session');
    clients.push(client);
    expect((await client.closed).code).toBe(4403);
  });
});

describe('reviewQueueChanged', () => {
  it('tells reviewers the queue changed and refuses members', async () => {
    const [moderator, member, author] = await Promise.all([
      buildMember(a, { role: 'MODERATOR' }),
      buildMember(a),
      buildMember(a),
    ]);
    const refused = connect(b, member).subscribe(REVIEW);
    expect(JSON.stringify(await refused.error())).toMatch(/FORBIDDEN/);

    const reviewer = connect(b, moderator).subscribe(REVIEW);
    await new Promise((r) => setTimeout(r, 300));
    const thread = await buildThread(a, author);
    const flagged = await a.gql(
      `mutation($input: FlagPostInput!) { flagPost(input: $input) { flag { reason } } }`,
      { input: { postId: thread.question.id, reason: 'SPAM' } },
      moderator,
    );
    expect(flagged.errors).toBeUndefined();
    const change = await reviewer.next((d: any) => d.reviewQueueChanged.kind === 'post.flagged');
    expect(change.reviewQueueChanged.stats.open).toBeGreaterThan(0);
  });
});

const ADDED = `subscription($after: ID) { notificationAdded(after: $after) { id kind message actor { handle } thread { id } } }`;

describe('notificationAdded', () => {
  it('a reply committed on one instance notifies the asker connected to another, and only them', async () => {
    const [asker, helper, bystander] = await Promise.all([buildMember(a), buildMember(a), buildMember(a)]);
    const thread = await buildThread(a, asker);
    const mine = connect(b, asker).subscribe(ADDED);
    const theirs = connect(b, bystander).subscribe(ADDED);
    await new Promise((r) => setTimeout(r, 300));

    await buildReply(a, helper, thread.id, 'Notify the asker: the fix is in 2.3.1.');
    // (The asker may first hear of a badge for asking; the reply is what this waits for.)
    const added = await mine.next((d: any) => d.notificationAdded.kind === 'REPLY');
    expect(added.notificationAdded).toMatchObject({
      kind: 'REPLY',
      actor: { handle: helper.handle },
      thread: { id: thread.id },
    });
    expect(added.notificationAdded.message).toContain(helper.handle);
    await theirs.nothingFor(800, (d: any) => d.notificationAdded.thread?.id === thread.id);

    const refused = connect(b, null).subscribe(ADDED);
    expect(JSON.stringify(await refused.error())).toMatch(/UNAUTHENTICATED/);
  });

  it('does not deliver a notification about a post hidden before it reached the member; catches up after an id', async () => {
    const [asker, spammer, helper, moderator] = await Promise.all([
      buildMember(a),
      buildMember(a),
      buildMember(a),
      buildMember(a, { role: 'MODERATOR' }),
    ]);
    const thread = await buildThread(a, asker);
    const first = await buildReply(a, helper, thread.id, 'A helpful answer the asker was told of.');
    await expect
      .poll(
        async () =>
          (
            await a.sql(`select count(*)::int as n from notifications where post_id = $1 and recipient_id = $2`, [
              first.id,
              asker.id,
            ])
          )[0].n,
      )
      .toBe(1);
    const [{ id: seen }] = await a.sql(`select id::text from notifications where post_id = $1 and recipient_id = $2`, [
      first.id,
      asker.id,
    ]);

    const spam = await buildReply(a, spammer, thread.id, 'Cheap followers at followers.example, click now!');
    await expect
      .poll(
        async () =>
          (
            await a.sql(`select count(*)::int as n from notifications where post_id = $1 and recipient_id = $2`, [
              spam.id,
              asker.id,
            ])
          )[0].n,
      )
      .toBe(1);
    const hidden = await a.gql(HIDE, { input: { postId: spam.id, reason: 'Spam.' } }, moderator);
    expect(hidden.errors).toBeUndefined();
    const second = await buildReply(a, helper, thread.id, 'A second answer, sent while the asker was away.');

    // Reconnecting after `seen`: the spam reply's notification is left out, the second answer's is not.
    const live = connect(b, asker).subscribe(ADDED, { after: seen });
    const isReply = (d: any) => d.notificationAdded.kind === 'REPLY' && d.notificationAdded.thread?.id === thread.id;
    const caughtUp = await live.next(isReply);
    expect(caughtUp.notificationAdded.kind).toBe('REPLY');
    const [{ post_id: postId }] = await a.sql(`select post_id from notifications where id = $1`, [
      caughtUp.notificationAdded.id,
    ]);
    expect(String(postId)).toBe(second.id);
    await live.nothingFor(500, isReply);
  });
});
