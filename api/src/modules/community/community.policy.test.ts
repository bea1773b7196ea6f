import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { Category, CategoryKind } from './category.entity.js';
import { communityRules } from './community.policy.js';
import { Post } from './post.entity.js';
import { Thread, ThreadStatus } from './thread.entity.js';

const rules = parseReputationRules('{}');
const settings = { privileges: rules.privileges, newMembers: rules.newMembers };
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const member = (id: number, handle: string, reputation: number, extra: Partial<Viewer> = {}): Viewer => ({
  id,
  handle,
  role: 'MEMBER',
  reputation,
  createdAt: daysAgo(30),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence: null,
  ...extra,
});

/** The asker holds just enough to upvote; the others span the thresholds. */
const ASKER = member(1, 'asker', 15);
const AUTHOR = member(2, 'author', 15);
const NEWBIE = member(3, 'newbie', 3, { createdAt: daysAgo(1) });
const VOTER = member(4, 'voter', 130);
const VETERAN = member(5, 'veteran', 3000);
const ADVOCATE = member(6, 'advocate', 40, { isAdvocate: true });
const SUSPENDED = member(7, 'suspended', 5000, {
  silence: { until: new Date(Date.now() + 86_400_000), reason: 'Spam links' },
});
const MOD = member(8, 'mod', 0, { role: 'MODERATOR' });
const ADMIN = member(9, 'admin', 0, { role: 'ADMIN' });
const viewers = {
  visitor: null,
  asker: ASKER,
  author: AUTHOR,
  newbie: NEWBIE,
  voter: VOTER,
  veteran: VETERAN,
  advocate: ADVOCATE,
  suspended: SUSPENDED,
  moderator: MOD,
  admin: ADMIN,
};
type Who = keyof typeof viewers;
const guardian = (who: Who) => new Guardian(viewers[who], settings, communityRules);

function thread(status: ThreadStatus) {
  return Object.assign(new Thread(), { id: 10, authorId: ASKER.id, categoryId: 1, title: 't', status });
}
const reply = Object.assign(new Post(), { id: 20, threadId: 10, authorId: AUTHOR.id, body: 'b', bodyHtml: 'b' });
const category = (kind: CategoryKind) => Object.assign(new Category(), { id: 1, slug: 's', name: 'Lounge', kind });

type Case = [string, ThreadStatus, Record<string, unknown>, Record<Who, boolean | 'login'>];
const all = (v: boolean | 'login', overrides: Partial<Record<Who, boolean | 'login'>> = {}) =>
  ({ ...Object.fromEntries(Object.keys(viewers).map((w) => [w, v])), visitor: 'login', ...overrides }) as Record<
    Who,
    boolean | 'login'
  >;

/** Role × reputation × action matrix ('login' = UNAUTHENTICATED). */
const matrix: Case[] = [
  ['thread.reply', ThreadStatus.OPEN, {}, all(true, { suspended: false })],
  ['thread.reply', ThreadStatus.CLOSED, {}, all(false, { moderator: true, admin: true })],
  ['thread.reply', ThreadStatus.LOCKED, {}, all(false, { moderator: true, admin: true })],
  ['thread.accept', ThreadStatus.OPEN, {}, all(false, { asker: true, advocate: true, moderator: true, admin: true })],
  ['thread.accept', ThreadStatus.CLOSED, {}, all(false, { moderator: true, admin: true })],
  ['thread.close', ThreadStatus.OPEN, {}, all(false, { veteran: true, moderator: true, admin: true })],
  ['thread.moderate', ThreadStatus.OPEN, {}, all(false, { moderator: true, admin: true })],
  ['thread.close', ThreadStatus.LOCKED, {}, all(false, { moderator: true, admin: true })],
  ['thread.move', ThreadStatus.OPEN, {}, all(false, { moderator: true, admin: true })],
  ['thread.merge', ThreadStatus.CLOSED, {}, all(false, { moderator: true, admin: true })],
  ['thread.pin', ThreadStatus.ANSWERED, {}, all(false, { moderator: true, admin: true })],
  ['post.vote', ThreadStatus.OPEN, { value: 1 }, all(true, { author: false, newbie: false, suspended: false })],
  [
    'post.vote',
    ThreadStatus.OPEN,
    { value: -1 },
    all(false, { voter: true, veteran: true, moderator: true, admin: true }),
  ],
  ['post.vote', ThreadStatus.OPEN, { value: 0 }, all(true, { author: false, suspended: false })],
  ['post.vote', ThreadStatus.LOCKED, { value: 1 }, all(false, { moderator: true, admin: true })],
  ['post.edit', ThreadStatus.OPEN, {}, all(false, { author: true, veteran: true, moderator: true, admin: true })],
  ['post.edit', ThreadStatus.LOCKED, {}, all(false, { moderator: true, admin: true })],
  ['post.delete', ThreadStatus.ANSWERED, {}, all(false, { author: true, moderator: true, admin: true })],
];

describe('community policy', () => {
  for (const [action, status, extra, expected] of matrix) {
    for (const [who, outcome] of Object.entries(expected) as [Who, boolean | 'login'][]) {
      it(`${action} ${JSON.stringify(extra)} on a ${status} thread: ${who} → ${outcome}`, () => {
        const t = thread(status);
        const resource = action.startsWith('post.') ? { post: reply, thread: t, ...extra } : t;
        const decision = guardian(who).check(action as 'thread.reply', resource as Thread);
        expect(decision.allowed).toBe(outcome === true);
        if (outcome === 'login') expect(decision).toMatchObject({ needsLogin: true });
        if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
      });
    }
  }

  it('staff post in announcements; staff and advocates in restricted categories; admins manage categories', () => {
    expect(guardian('voter').can('category.post', category(CategoryKind.ANNOUNCEMENTS))).toBe(false);
    expect(guardian('advocate').can('category.post', category(CategoryKind.ANNOUNCEMENTS))).toBe(false);
    expect(guardian('moderator').can('category.post', category(CategoryKind.ANNOUNCEMENTS))).toBe(true);
    expect(guardian('voter').can('category.post', category(CategoryKind.RESTRICTED))).toBe(false);
    expect(guardian('advocate').can('category.post', category(CategoryKind.RESTRICTED))).toBe(true);
    expect(guardian('moderator').can('category.post', category(CategoryKind.RESTRICTED))).toBe(true);
    expect(guardian('voter').can('category.post', category(CategoryKind.QA))).toBe(true);
    expect(guardian('suspended').can('category.post', category(CategoryKind.QA))).toBe(false);
    expect(guardian('moderator').can('category.manage', null)).toBe(false);
    expect(guardian('admin').can('category.manage', null)).toBe(true);
  });

  it('advocates with categories accept answers only there; every advocate enters restricted categories', () => {
    const scoped = (ids: number[]) =>
      new Guardian(member(11, 'scoped', 40, { isAdvocate: true, advocateCategoryIds: ids }), settings, communityRules);
    const t = thread(ThreadStatus.OPEN); // category 1
    expect(scoped([1, 3]).can('thread.accept', t)).toBe(true);
    expect(scoped([2]).check('thread.accept', t)).toEqual({
      allowed: false,
      reason: 'Advocates accept answers in their own categories, and this thread is in another one.',
    });
    expect(scoped([2]).can('category.post', category(CategoryKind.RESTRICTED))).toBe(true);
    // A scope left over on a member who is no longer an advocate grants nothing.
    const former = new Guardian(member(12, 'former', 40, { advocateCategoryIds: [1] }), settings, communityRules);
    expect(former.can('thread.accept', t)).toBe(false);
  });

  it('privilege denials say what is needed and what the viewer has', () => {
    const t = thread(ThreadStatus.OPEN);
    expect(guardian('newbie').check('post.vote', { post: reply, thread: t, value: 1 })).toEqual({
      allowed: false,
      reason: 'You need 15 reputation to upvote; you have 3.',
    });
    expect(guardian('asker').check('post.vote', { post: reply, thread: t, value: -1 })).toEqual({
      allowed: false,
      reason: 'You need 125 reputation to downvote; you have 15.',
    });
    expect(guardian('voter').check('tag.create', { tags: ['zwave'] })).toEqual({
      allowed: false,
      reason: 'You need 300 reputation to create new tags (“zwave” is new); you have 130.',
    });
    expect(guardian('voter').can('tag.create', { tags: [] })).toBe(true);
    expect(guardian('suspended').check('thread.reply', t)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/^You are silenced until \d{4}-.*Z \(reason: Spam links\)\. You can read/),
    });
  });

  it('new members (under 15 reputation and younger than 3 days) may post at most 2 links', () => {
    expect(guardian('newbie').can('post.links', { count: 2 })).toBe(true);
    expect(guardian('newbie').check('post.links', { count: 3 })).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('at most 2 links in a post; this one has 3'),
    });
    // Old enough, or enough reputation, or staff: no limit.
    expect(
      new Guardian(member(10, 'old', 0, { createdAt: daysAgo(4) }), settings, communityRules).can('post.links', {
        count: 9,
      }),
    ).toBe(true);
    expect(guardian('asker').can('post.links', { count: 9 })).toBe(true);
    expect(
      new Guardian({ ...MOD, createdAt: new Date() }, settings, communityRules).can('post.links', { count: 9 }),
    ).toBe(true);
  });

  it('nobody replies to a thread merged into another, staff included', () => {
    const pointer = Object.assign(thread(ThreadStatus.CLOSED), { mergedIntoId: 11 });
    for (const who of ['veteran', 'moderator', 'admin'] as const) {
      expect(guardian(who).check('thread.reply', pointer)).toEqual({
        allowed: false,
        reason: 'This thread was merged into another one: reply there.',
      });
    }
  });

  it('ensureCan raises FORBIDDEN with the reason, and UNAUTHENTICATED for visitors', () => {
    const t = thread(ThreadStatus.OPEN);
    expect(() => guardian('author').ensureCan('post.vote', { post: reply, thread: t, value: 1 })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: "You can't vote on your own post." }),
    );
    expect(() => guardian('visitor').ensureCan('thread.reply', t)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});
