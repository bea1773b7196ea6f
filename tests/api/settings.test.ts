import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberScope } from '../../api/src/platform/scope.js';
import { buildMember, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Runtime settings (issue 12 item 4): admins change reputation points and thresholds, abuse
// limits, flag weights and the hide threshold while the product runs. Each change is validated,
// audited, applied on every instance without a restart, and never to a request already running.
let api: TestApi;
let other: TestApi;
let admin: TestMember;
let moderator: TestMember;
beforeAll(async () => {
  // The startup value of the hide threshold comes from the environment, as an operator sets it.
  api = await startTestApi({ MODERATION_RULES: JSON.stringify({ hideThreshold: 5 }) });
  // A second API instance on the same database; it only polls once a minute, so what it learns
  // sooner it learned from the NOTIFY.
  other = await startTestApi(
    { MODERATION_RULES: JSON.stringify({ hideThreshold: 5 }), SETTINGS_POLL_MS: '60000' },
    { sameDatabaseAs: api },
  );
  [admin, moderator] = await Promise.all([
    buildMember(api, { role: 'ADMIN' }),
    buildMember(api, { role: 'MODERATOR' }),
  ]);
});
afterAll(async () => {
  await other?.close();
  await api?.close();
});

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const READ = `{ siteSettings { revision groups { key label environmentVariable fields {
  key label value defaultValue startupValue changed integer min max } } } }`;
const UPDATE = `mutation($input: UpdateSettingsInput!) { updateSettings(input: $input) {
  revision groups { key fields { key value changed } } } }`;

type Field = { key: string; value: number; defaultValue: number; startupValue: number; changed: boolean };
const field = (data: any, key: string): Field =>
  data.groups.flatMap((g: { fields: Field[] }) => g.fields).find((f: Field) => f.key === key);
const read = async (on: TestApi = api) => (await on.gql(READ, {}, as(admin))).data.siteSettings;
const update = (changes: { key: string; value: number | null }[], reason: string | null = 'tuning', by = admin) =>
  api.gql(UPDATE, { input: { changes, reason } }, as(by));
const stored = async () => api.sql('select key, overrides from settings order by key');
const changedEvents = async () =>
  api.sql(`select subject, data from domain_events where name = 'settings.changed' order by id`);

/** Polls `check` until it passes or `ms` pass (another instance learns of a change asynchronously). */
async function eventually(check: () => Promise<void>, ms = 3000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('who may read and change settings', () => {
  it.each([
    ['a visitor', null, 'FORBIDDEN', 'UNAUTHENTICATED'],
    ['a member', 'MEMBER', 'FORBIDDEN', 'FORBIDDEN'],
    ['a moderator', 'MODERATOR', 'FORBIDDEN', 'FORBIDDEN'],
  ] as const)('%s may neither read nor change them', async (_who, role, readCode, updateCode) => {
    const by = role ? await buildMember(api, { role }) : null;
    const readRes = await api.gql(READ, {}, as(by));
    expect(readRes.errors?.[0]?.extensions.code).toBe(readCode);
    const res = await api.gql(UPDATE, { input: { changes: [{ key: 'moderation.hideThreshold', value: 1 }] } }, as(by));
    expect(res.errors?.[0]?.extensions.code).toBe(updateCode);
    expect(await stored()).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('shows each setting with its code default, its startup value and the value in force', async () => {
    const data = await read();
    expect(data.groups.map((g: { key: string }) => g.key)).toEqual([
      'reputation',
      'abuseLimits',
      'moderation',
      'routing',
      'escalations',
    ]);
    expect(data.groups[2].environmentVariable).toBe('MODERATION_RULES');
    expect(field(data, 'moderation.hideThreshold')).toMatchObject({
      value: 5,
      defaultValue: 6,
      startupValue: 5,
      changed: false,
    });
    // Abuse limits are off in API tests (the environment turns them all to 0).
    expect(field(data, 'abuseLimits.flagsPerDay')).toMatchObject({ value: 0, defaultValue: 20, startupValue: 0 });
    expect(field(data, 'reputation.privileges.flag')).toMatchObject({ value: 15, defaultValue: 15 });
    expect(field(data, 'moderation.claimMinutes')).toMatchObject({ integer: true, min: 1, max: 1440 });
    // Startup-only settings are not offered.
    expect(field(data, 'reputation.serialVoting.cron')).toBeUndefined();
  });
});

describe('validation', () => {
  it.each([
    [
      [{ key: 'moderation.hideThreshold', value: -1 }],
      'moderation.hideThreshold',
      'Hide threshold must be at least 0.01.',
    ],
    [
      [{ key: 'moderation.claimMinutes', value: 1.5 }],
      'moderation.claimMinutes',
      'Claim minutes must be a whole number.',
    ],
    [
      [{ key: 'abuseLimits.votesPerDay', value: 2_000_000 }],
      'abuseLimits.votesPerDay',
      'Votes per day must be at most 1000000.',
    ],
    [
      [{ key: 'reputation.downvoteReceived', value: 3 }],
      'reputation.downvoteReceived',
      'Downvote received must be at most 0.',
    ],
    [
      [{ key: 'reputation.serialVoting.cron', value: 1 }],
      'reputation.serialVoting.cron',
      'not a setting that can be changed',
    ],
    [[{ key: 'nope', value: 1 }], 'nope', 'not a setting'],
    [
      [
        { key: 'moderation.claimMinutes', value: 5 },
        { key: 'moderation.claimMinutes', value: 6 },
      ],
      'moderation.claimMinutes',
      'named twice',
    ],
    [[], 'changes', 'at least one'],
  ])('%j is refused with a typed error naming the setting, and nothing changes', async (changes, key, message) => {
    const before = (await read()).revision;
    const res = await update(changes);
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions.fields[key]).toContain(message);
    expect((await read()).revision).toBe(before);
    expect(await changedEvents()).toEqual([]);
  });

  it('one bad change sinks the whole batch: nothing is stored', async () => {
    const res = await update([
      { key: 'moderation.claimMinutes', value: 20 },
      { key: 'abuseLimits.flagsPerDay', value: -3 },
    ]);
    expect(res.errors?.[0]?.extensions.fields).toEqual({
      'abuseLimits.flagsPerDay': 'Flags per day must be at least 0.',
    });
    expect(await stored()).toEqual([]);
    expect(field(await read(), 'moderation.claimMinutes').value).toBe(10);
  });

  it('refuses a reason over 500 characters', async () => {
    const res = await update([{ key: 'moderation.claimMinutes', value: 20 }], 'x'.repeat(501));
    expect(res.errors?.[0]?.extensions.fields.reason).toContain('500');
    expect(await stored()).toEqual([]);
  });
});

describe('a change', () => {
  it('applies at once, is recorded with before, after and reason, and shows in the audit log', async () => {
    const res = await update([{ key: 'moderation.claimMinutes', value: 15 }], 'Reviewers need longer on long threads');
    expect(res.errors).toBeUndefined();
    expect(field(res.data.updateSettings, 'moderation.claimMinutes')).toMatchObject({ value: 15, changed: true });
    expect(field(await read(), 'moderation.claimMinutes').value).toBe(15);
    const [event] = (await changedEvents()).slice(-1);
    expect(event.subject).toBe(`settings:${res.data.updateSettings.revision}`);
    expect(event.data).toEqual({
      revision: res.data.updateSettings.revision,
      before: { 'moderation.claimMinutes': 10 },
      after: { 'moderation.claimMinutes': 15 },
      reason: 'Reviewers need longer on long threads',
    });
    const log = await api.gql(
      `{ auditLog(filter: { kinds: ["settings.changed"] }) { edges { node { name actor { id } } } } }`,
      {},
      as(moderator),
    );
    expect(log.errors).toBeUndefined();
    expect(log.data.auditLog.edges[0].node).toEqual({ name: 'settings.changed', actor: { id: admin.id } });
  });

  it('reaches the other instance by NOTIFY, long before its poll', async () => {
    const res = await update([{ key: 'reputation.answerAccepted', value: 20 }]);
    expect(res.errors).toBeUndefined();
    await eventually(async () => expect(field(await read(other), 'reputation.answerAccepted').value).toBe(20));
  });

  it('back to the startup value: the override is removed, and the setting follows the environment again', async () => {
    await update([{ key: 'moderation.hideThreshold', value: 2 }]);
    expect(field(await read(), 'moderation.hideThreshold')).toMatchObject({ value: 2, changed: true });
    const res = await update([{ key: 'moderation.hideThreshold', value: null }]);
    expect(field(res.data.updateSettings, 'moderation.hideThreshold')).toMatchObject({ value: 5, changed: false });
    const rows = await stored();
    expect(rows.find((r) => r.key === 'moderation').overrides).not.toHaveProperty('hideThreshold');
  });

  it('that changes nothing records nothing', async () => {
    const events = (await changedEvents()).length;
    const { revision } = await read();
    const res = await update([
      { key: 'moderation.claimMinutes', value: field(await read(), 'moderation.claimMinutes').value },
    ]);
    expect(res.data.updateSettings.revision).toBe(revision);
    expect((await changedEvents()).length).toBe(events);
  });

  it('two admins saving at once on two instances: both changes are kept', async () => {
    const second = await buildMember(api, { role: 'ADMIN' });
    const recorded = (await changedEvents()).length;
    const [a, b] = await Promise.all([
      api.gql(UPDATE, { input: { changes: [{ key: 'abuseLimits.editsPerDay', value: 7 }] } }, as(admin)),
      other.gql(UPDATE, { input: { changes: [{ key: 'abuseLimits.votesPerDay', value: 9 }] } }, as(second)),
    ]);
    expect(a.errors ?? b.errors).toBeUndefined();
    // Two changes, one after the other (each answer shows its instance's settings, which may
    // already hold the other's change: only the log tells the two revisions apart).
    const revisions = (await changedEvents()).slice(recorded).map((e) => e.data.revision);
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toBeLessThan(revisions[1]);
    for (const instance of [api, other]) {
      await eventually(async () => {
        const data = await read(instance);
        expect(field(data, 'abuseLimits.editsPerDay').value).toBe(7);
        expect(field(data, 'abuseLimits.votesPerDay').value).toBe(9);
      });
    }
  });

  it('never applies to a request already running: a scope keeps the settings it started with', async () => {
    const services = api.app.services;
    const running = memberScope(services, null);
    const before = running.settings.moderation.noteMaxLength;
    await update([{ key: 'moderation.noteMaxLength', value: before - 100 }]);
    expect(running.settings.moderation.noteMaxLength).toBe(before);
    expect(Object.isFrozen(running.settings.moderation)).toBe(true);
    expect(services.settings.current().moderation.noteMaxLength).toBe(before - 100);
    expect(memberScope(services, null).settings.moderation.noteMaxLength).toBe(before - 100);
  });
});

describe('changes take effect', () => {
  it('the hide threshold: lowered, a single member flag hides a post', async () => {
    const author = await buildMember(api);
    const flagger = await buildMember(api);
    const flag = async (postId: string) =>
      api.gql(
        `mutation($input: FlagPostInput!) { flagPost(input: $input) { post { isHidden } } }`,
        { input: { postId, reason: 'SPAM' } },
        as(flagger),
      );
    const first = await buildThread(api, author);
    expect((await flag(first.question.id)).data.flagPost.post.isHidden).toBe(false);
    await update([{ key: 'moderation.hideThreshold', value: 1 }]);
    const second = await buildThread(api, author);
    expect((await flag(second.question.id)).data.flagPost.post.isHidden).toBe(true);
    await update([{ key: 'moderation.hideThreshold', value: null }]);
  });

  it('a privilege threshold: raised, members below it lose the privilege on their next request', async () => {
    const member = await buildMember(api, { reputation: 20 });
    const thread = await buildThread(api, await buildMember(api));
    const vote = () =>
      api.gql(
        `mutation($postId: ID!) { vote(input: { postId: $postId, value: UP }) { id score } }`,
        { postId: thread.question.id },
        as(member),
      );
    await update([{ key: 'reputation.privileges.upvote', value: 50 }]);
    expect((await vote()).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    await update([{ key: 'reputation.privileges.upvote', value: null }]);
    expect((await vote()).errors).toBeUndefined();
  });

  it('an abuse limit: turned on at run time, it refuses the next flag over it', async () => {
    const flagger = await buildMember(api);
    const author = await buildMember(api);
    await update([{ key: 'abuseLimits.flagsPerDay', value: 1 }]);
    const flag = async () => {
      const thread = await buildThread(api, author);
      return api.gql(
        `mutation($input: FlagPostInput!) { flagPost(input: $input) { post { id } } }`,
        { input: { postId: thread.question.id, reason: 'OFF_TOPIC' } },
        as(flagger),
      );
    };
    expect((await flag()).errors).toBeUndefined();
    expect((await flag()).errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    await update([{ key: 'abuseLimits.flagsPerDay', value: null }]);
  });
});

describe('stored settings the code no longer accepts', () => {
  it('leave the instance running on its startup values for that group', async () => {
    const rows = await api.sql(
      `insert into settings (key, overrides) values ('moderation', '{"hideThreshold": -5}')
       on conflict (key) do update set overrides = excluded.overrides, revision = nextval('settings_revision_seq')
       returning revision`,
    );
    await api.sql('select pg_notify($1, $2)', ['hearth_settings', String(rows[0].revision)]);
    await eventually(async () => {
      const data = await read(other);
      expect(data.revision).toBe(Number(rows[0].revision));
      expect(field(data, 'moderation.hideThreshold').value).toBe(5);
    });
    await api.sql(`delete from settings where key = 'moderation'`);
  });
});
