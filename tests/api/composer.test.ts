import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ABUSE_LIMITS } from '../../api/src/platform/abuse-limits.js';
import { buildMember, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The composer's API (issue 13 item 4): a preview rendered as posts are stored, tag and handle
// suggestions, and one rate limit over the three.
let api: TestApi;
let member: TestMember;
let newcomer: TestMember;
let tagger: TestMember;
let moderator: TestMember;

beforeAll(async () => {
  api = await startTestApi();
  [member, newcomer, tagger, moderator] = await Promise.all([
    buildMember(api),
    buildMember(api, { reputation: 0 }),
    buildMember(api, { reputation: 300 }),
    buildMember(api, { role: 'MODERATOR' }),
  ]);
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const PREVIEW = `query($body: String!) { previewMarkdown(body: $body) }`;
const TAGS = `query($prefix: String!, $first: Int) {
  tagSuggestions(prefix: $prefix, first: $first) { tags { name threadCount } newTag { name allowed reason reputationNeeded } }
}`;
const MEMBERS = `query($prefix: String!) { memberSuggestions(prefix: $prefix) { id handle } }`;
const unique = () => randomBytes(3).toString('hex');

describe('previewMarkdown', () => {
  it('renders exactly what posting the same markdown stores, sanitized the same way', async () => {
    const body = [
      `Preview parity ${unique()}: **bold**, _italic_, \`code\` and a [docs link](https://example.org/docs).`,
      '',
      '<script>alert("x")</script>',
      '',
      '[click me](javascript:alert(1)) and <img src=x onerror=alert(1)>',
      '',
      '> a quote',
      '',
      '1. one',
      '2. two',
      '',
      '```',
      'const x = 1 < 2;',
      '```',
    ].join('\n');
    const thread = await buildThread(api, member, { body });
    const [stored] = await api.sql<{ body_html: string }>('select body_html from posts where id = $1', [
      thread.question.id,
    ]);
    const res = await api.gql(PREVIEW, { body: `  ${body}\n\n` }, as(member));
    expect(res.errors).toBeUndefined();
    const html: string = res.data.previewMarkdown;
    expect(html).toBe(stored!.body_html);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('rel="nofollow ugc noopener"');
    expect(html).not.toMatch(/<script|javascript:|onerror/i);
    expect(html).toContain('<a>click me</a>');
  });

  it('answers an empty draft with nothing, refuses visitors and a body longer than a post may be', async () => {
    expect((await api.gql(PREVIEW, { body: ' \n\u200b ' }, as(member))).data.previewMarkdown).toBe('');

    const visitor = await api.gql(PREVIEW, { body: 'Some **markdown** to preview' });
    expect(visitor.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const fits = await api.gql(PREVIEW, { body: 'a'.repeat(32_000) }, as(member));
    expect(fits.errors).toBeUndefined();
    const tooLong = await api.gql(PREVIEW, { body: 'a'.repeat(32_001) }, as(member));
    expect(tooLong.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.extensions.fields.body).toMatch(/at most 32,000 characters; it has 32,001/);
  });
});

describe('tagSuggestions', () => {
  const stem = `zq${unique()}`;
  let restrictedCategory: string;

  beforeAll(async () => {
    const [row] = await api.sql<{ id: number }>(
      `insert into categories (slug, name, kind) values ($1, 'Composer lounge', 'RESTRICTED') returning id`,
      [`lounge-${unique()}`],
    );
    restrictedCategory = String(row!.id);
    const qa = await firstCategoryId(api);
    // stem-android on two threads, stem on one, stem-ios on one only staff can list, other-stem on one.
    for (const [tags, categoryId] of [
      [[`${stem}-android`, stem], qa],
      [[`${stem}-android`], qa],
      [[`${stem}-ios`], restrictedCategory],
      [[`other-${stem}`], qa],
    ] as const) {
      await buildThread(api, moderator, { tags: [...tags], categoryId });
    }
  });

  it('suggests existing tags starting with the prefix, most used first, counting only listable threads', async () => {
    const res = await api.gql(TAGS, { prefix: `  ${stem.toUpperCase()}` }, as(member));
    expect(res.errors).toBeUndefined();
    expect(res.data.tagSuggestions).toEqual({
      tags: [
        { name: `${stem}-android`, threadCount: 2 },
        { name: stem, threadCount: 1 },
        { name: `${stem}-ios`, threadCount: 0 },
      ],
      newTag: null,
    });
    const staff = await api.gql(TAGS, { prefix: `${stem}-i` }, as(moderator));
    expect(staff.data.tagSuggestions.tags).toEqual([{ name: `${stem}-ios`, threadCount: 1 }]);

    const first = await api.gql(TAGS, { prefix: stem, first: 1 }, as(member));
    expect(first.data.tagSuggestions.tags).toEqual([{ name: `${stem}-android`, threadCount: 2 }]);
    const tooMany = await api.gql(TAGS, { prefix: stem, first: 11 }, as(member));
    expect(tooMany.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    // Like and its wildcards are taken literally.
    expect((await api.gql(TAGS, { prefix: '%' }, as(member))).data.tagSuggestions.tags).toEqual([]);
  });

  it('says a typed tag is new, and whether the viewer may create it, before anything is posted', async () => {
    const fresh = `${stem}-fresh`;
    const low = await api.gql(TAGS, { prefix: fresh }, as(newcomer));
    expect(low.data.tagSuggestions.tags).toEqual([]);
    expect(low.data.tagSuggestions.newTag).toEqual({
      name: fresh,
      allowed: false,
      reason: expect.stringMatching(/You need 300 reputation to create new tags.*you have 0/),
      reputationNeeded: 300,
    });
    const high = await api.gql(TAGS, { prefix: fresh }, as(tagger));
    expect(high.data.tagSuggestions.newTag).toEqual({
      name: fresh,
      allowed: true,
      reason: null,
      reputationNeeded: 300,
    });
    const visitor = await api.gql(TAGS, { prefix: fresh });
    expect(visitor.data.tagSuggestions.newTag).toMatchObject({ allowed: false });
    // Nothing was created by asking.
    expect(await api.sql('select 1 from tags where name = $1', [fresh])).toEqual([]);
    // Not new: an existing tag, or a name no tag could have.
    expect((await api.gql(TAGS, { prefix: stem }, as(newcomer))).data.tagSuggestions.newTag).toBeNull();
    expect((await api.gql(TAGS, { prefix: 'bad!tag' }, as(newcomer))).data.tagSuggestions).toEqual({
      tags: [],
      newTag: null,
    });
  });
});

describe('memberSuggestions', () => {
  it('suggests handles by prefix, the exact handle first, leaving out held sign-ups and suspended members', async () => {
    const stem = `h${unique()}`;
    const [exact, longer, held, suspended] = await Promise.all([
      buildMember(api, { handle: stem }),
      buildMember(api, { handle: `${stem}_b`, reputation: 200 }),
      buildMember(api, { handle: `${stem}_held` }),
      buildMember(api, { handle: `${stem}_susp` }),
    ]);
    await api.sql('update members set held_at = now() where id = $1', [held.id]);
    const sanction = await api.gql(
      `mutation($input: SanctionInput!) { suspendMember(input: $input) { member { id } } }`,
      {
        input: {
          memberId: suspended.id,
          reason: 'Harassing other members',
          until: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      },
      as(moderator),
    );
    expect(sanction.errors).toBeUndefined();

    const res = await api.gql(MEMBERS, { prefix: stem.toUpperCase() }, as(member));
    expect(res.errors).toBeUndefined();
    expect(res.data.memberSuggestions).toEqual([
      { id: exact.id, handle: exact.handle },
      { id: longer.id, handle: longer.handle },
    ]);
    // Staff see the same list: a mention of these members would reach nobody.
    expect((await api.gql(MEMBERS, { prefix: stem }, as(moderator))).data.memberSuggestions).toHaveLength(2);
    expect((await api.gql(MEMBERS, { prefix: `${stem}_` }, as(member))).data.memberSuggestions).toEqual([
      { id: longer.id, handle: longer.handle },
    ]);
    // What no handle can contain matches nobody; private fields stay private.
    expect((await api.gql(MEMBERS, { prefix: '%' }, as(member))).data.memberSuggestions).toEqual([]);
    const email = await api.gql(
      `query($p: String!) { memberSuggestions(prefix: $p) { email } }`,
      { p: stem },
      as(member),
    );
    expect(email.errors?.[0]?.extensions.code).toBe('FORBIDDEN');

    const visitor = await api.gql(MEMBERS, { prefix: stem });
    expect(visitor.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('the composer rate limit', () => {
  let limited: TestApi;
  afterAll(() => limited?.close());

  it('counts previews and suggestions together per member, answers 429 past it, and exempts staff', async () => {
    limited = await startTestApi({
      ABUSE_LIMITS: JSON.stringify({ ...NO_ABUSE_LIMITS, composerRequestsPerMinute: 3 }),
    });
    const [writer, other, staff] = await Promise.all([
      buildMember(limited),
      buildMember(limited),
      buildMember(limited, { role: 'MODERATOR' }),
    ]);
    expect((await limited.gql(PREVIEW, { body: 'one **two**' }, as(writer))).errors).toBeUndefined();
    expect((await limited.gql(TAGS, { prefix: 'sy' }, as(writer))).errors).toBeUndefined();
    expect((await limited.gql(MEMBERS, { prefix: 'm_' }, as(writer))).errors).toBeUndefined();
    const refused = await limited.gql(PREVIEW, { body: 'four' }, as(writer));
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.message).toMatch(/composer requests.*at most 3 per/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another member has a budget of their own; staff have none.
    expect((await limited.gql(PREVIEW, { body: 'mine' }, as(other))).errors).toBeUndefined();
    for (let i = 0; i < 5; i++) {
      expect((await limited.gql(PREVIEW, { body: `staff ${i}` }, as(staff))).errors).toBeUndefined();
    }
  });
});
