import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { drain as drainEvents } from '../support/drain.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Mentions (PRODUCT.md capability 1): `@handle` links to the profile and notifies the member
// (MENTION), once per new mention; new members may mention at most two members per post; a
// member who cannot read the thread is told nothing. Workers are off: events are delivered by hand.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ JOBS_WORKER: 'off' });
});
afterAll(async () => {
  await api?.close();
});

const drain = () => drainEvents(api);

const as = (m: TestMember) => ({ token: m.token, ip: m.ip });

const mentionsOf = async (m: TestMember) => {
  const res = await api.gql(
    `query { notifications(first: 50) { edges { node { kind message post { id } actor { handle } } } } }`,
    {},
    as(m),
  );
  expect(res.errors).toBeUndefined();
  return (res.data.notifications.edges as { node: { kind: string; message: string; post: { id: string } } }[])
    .map((e) => e.node)
    .filter((n) => n.kind === 'MENTION');
};

const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id bodyHtml } }`;

describe('mentions', () => {
  it('renders @handle as a profile link, not in code or links, and notifies once per new mention', async () => {
    const [asker, writer, bob, carol] = await Promise.all([
      buildMember(api),
      buildMember(api),
      buildMember(api),
      buildMember(api),
    ]);
    const thread = await buildThread(api, asker);
    const body = `Ask @${bob.handle} about it; not \`@${carol.handle}\` in code, nor [@${carol.handle}](https://x.example).`;
    const reply = await buildReply(api, writer, thread.id, body);
    const [post] = await api.sql('select body_html from posts where id = $1', [reply.id]);
    expect(post.body_html).toContain(`<a href="/u/${bob.handle}" class="mention">@${bob.handle}</a>`);
    expect(post.body_html).toContain(`<code>@${carol.handle}</code>`);

    // A handle nobody has stays text: no link to an empty profile, and it counts toward no limit.
    const newcomer = await buildMember(api, { reputation: 0 });
    const unknown = await buildReply(
      api,
      newcomer,
      thread.id,
      'Ping @nobody_here_x, @ghost_team and @support_x: any idea?',
    );
    const [plain] = await api.sql('select body_html from posts where id = $1', [unknown.id]);
    expect(plain.body_html).toBe('<p>Ping @nobody_here_x, @ghost_team and @support_x: any idea?</p>');
    await drain();
    expect(await mentionsOf(bob)).toEqual([
      {
        kind: 'MENTION',
        message: `${writer.handle} mentioned you in “${thread.title}”`,
        post: { id: reply.id },
        actor: { handle: writer.handle },
      },
    ]);
    expect(await mentionsOf(carol)).toEqual([]);

    // An edit tells only the members it newly mentions.
    const edited = await api.gql(
      EDIT,
      { input: { postId: reply.id, body: `${body} Also @${carol.handle}, who fixed this last year.` } },
      as(writer),
    );
    expect(edited.errors).toBeUndefined();
    await drain();
    expect(await mentionsOf(bob)).toHaveLength(1);
    expect((await mentionsOf(carol)).map((n) => n.post.id)).toEqual([reply.id]);
  });

  it('the asker mentioned in a reply gets the MENTION only, not also the REPLY', async () => {
    const [asker, writer] = await Promise.all([buildMember(api), buildMember(api)]);
    const thread = await buildThread(api, asker);
    await buildReply(api, writer, thread.id, `@${asker.handle} try signing out and back in on every device.`);
    await drain();
    const rows = await api.sql('select kind from notifications where recipient_id = $1 and thread_id = $2', [
      asker.id,
      thread.id,
    ]);
    expect(rows.map((r) => r.kind).filter((k) => k !== 'BADGE_AWARDED')).toEqual(['MENTION']);
  });

  it('a question that mentions a category follower tells them once: MENTION, not also NEW_THREAD', async () => {
    const [asker, fan] = await Promise.all([buildMember(api), buildMember(api)]);
    const categoryId = String((await api.sql('select id from categories order by id limit 1'))[0].id);
    await api.gql(
      `mutation($id: ID!) { followCategory(categoryId: $id) { category { id } } }`,
      { id: categoryId },
      as(fan),
    );
    const thread = await buildThread(api, asker, {
      categoryId,
      body: `@${fan.handle} you fixed this once: my widget stopped syncing after the 2.3 update.`,
    });
    await drain();
    const rows = await api.sql(
      'select kind, post_id::text as post from notifications where recipient_id = $1 and thread_id = $2',
      [fan.id, thread.id],
    );
    expect(rows).toEqual([{ kind: 'MENTION', post: thread.question.id }]);
    await api.gql(
      `mutation($id: ID!) { unwatchCategory(categoryId: $id) { category { id } } }`,
      { id: categoryId },
      as(fan),
    );
  });

  it('a member who cannot read the thread is told nothing, nor is one who muted it', async () => {
    const [moderator, outsider, muter] = await Promise.all([
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api),
      buildMember(api),
    ]);
    const [category] = await api.sql(
      `insert into categories (slug, name, kind) values ($1, 'Staff only', 'RESTRICTED') returning id`,
      [`staff-${Date.now()}`],
    );
    const secret = await buildThread(api, moderator, { categoryId: String(category.id) });
    await buildReply(api, moderator, secret.id, `Should we ask @${outsider.handle} about this sync issue?`);
    const open = await buildThread(api, moderator);
    await api.gql(`mutation($id: ID!) { muteThread(threadId: $id) { thread { id } } }`, { id: open.id }, as(muter));
    await buildReply(api, moderator, open.id, `Pinging @${muter.handle}: you saw this sync issue before.`);
    await drain();
    expect(await mentionsOf(outsider)).toEqual([]);
    expect(await mentionsOf(muter)).toEqual([]);
    expect(
      await api.sql('select 1 from notifications where recipient_id = $1 and thread_id = $2', [outsider.id, secret.id]),
    ).toEqual([]);
  });

  it('new members may mention at most two members per post, on create and on edit; nothing is written', async () => {
    const [asker, newcomer, a, b, c] = await Promise.all([
      buildMember(api),
      buildMember(api, { reputation: 0 }),
      buildMember(api),
      buildMember(api),
      buildMember(api),
    ]);
    const thread = await buildThread(api, asker);
    const three = `Thanks @${a.handle}, @${b.handle} and @${c.handle} for the help with sync.`;
    const refused = await api.gql(
      `mutation($input: PostReplyInput!) { postReply(input: $input) { id } }`,
      { input: { threadId: thread.id, body: three } },
      as(newcomer),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.fields?.body).toMatch(/at most 2 members/);
    expect(await api.sql('select 1 from posts where author_id = $1', [newcomer.id])).toEqual([]);

    // Two are fine (and mentions are not counted as links against the two-link limit).
    const two = `Thanks @${a.handle} and @${b.handle}, see https://example.com/a and https://example.com/b too.`;
    const reply = await buildReply(api, newcomer, thread.id, two);
    const editRefused = await api.gql(EDIT, { input: { postId: reply.id, body: three } }, as(newcomer));
    expect(editRefused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [row] = await api.sql('select body from posts where id = $1', [reply.id]);
    expect(row.body).toBe(two);

    // Past the new-member limits, three are fine.
    const veteran = await buildMember(api);
    expect((await buildReply(api, veteran, thread.id, three)).id).toBeDefined();
  });
});
