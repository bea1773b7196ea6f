import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { Category, CategoryKind } from './category.entity.js';
import './community.policy.js';
import { Post } from './post.entity.js';
import { Thread, ThreadStatus } from './thread.entity.js';

const ASKER: Viewer = { id: 1, handle: 'asker', role: 'MEMBER' };
const AUTHOR: Viewer = { id: 2, handle: 'author', role: 'MEMBER' };
const OTHER: Viewer = { id: 3, handle: 'other', role: 'MEMBER' };
const MOD: Viewer = { id: 4, handle: 'mod', role: 'MODERATOR' };
const ADMIN: Viewer = { id: 5, handle: 'admin', role: 'ADMIN' };
const viewers = { visitor: null, asker: ASKER, author: AUTHOR, other: OTHER, moderator: MOD, admin: ADMIN };
type Who = keyof typeof viewers;

function thread(status: ThreadStatus) {
  return Object.assign(new Thread(), { id: 10, authorId: ASKER.id, categoryId: 1, title: 't', status });
}
const reply = Object.assign(new Post(), { id: 20, threadId: 10, authorId: AUTHOR.id, body: 'b', bodyHtml: 'b' });
const category = (kind: CategoryKind) => Object.assign(new Category(), { id: 1, slug: 's', name: 'Lounge', kind });

/** Role × action matrix: who may do what in each thread state ('login' = UNAUTHENTICATED). */
const matrix: [string, ThreadStatus, Record<Who, boolean | 'login'>][] = [
  [
    'thread.reply',
    ThreadStatus.OPEN,
    { visitor: 'login', asker: true, author: true, other: true, moderator: true, admin: true },
  ],
  [
    'thread.reply',
    ThreadStatus.CLOSED,
    { visitor: 'login', asker: false, author: false, other: false, moderator: true, admin: true },
  ],
  [
    'thread.reply',
    ThreadStatus.LOCKED,
    { visitor: 'login', asker: false, author: false, other: false, moderator: true, admin: true },
  ],
  [
    'thread.accept',
    ThreadStatus.OPEN,
    { visitor: 'login', asker: true, author: false, other: false, moderator: true, admin: true },
  ],
  [
    'thread.accept',
    ThreadStatus.CLOSED,
    { visitor: 'login', asker: false, author: false, other: false, moderator: true, admin: true },
  ],
  [
    'thread.moderate',
    ThreadStatus.OPEN,
    { visitor: 'login', asker: false, author: false, other: false, moderator: true, admin: true },
  ],
  [
    'post.vote',
    ThreadStatus.OPEN,
    { visitor: 'login', asker: true, author: false, other: true, moderator: true, admin: true },
  ],
  [
    'post.vote',
    ThreadStatus.LOCKED,
    { visitor: 'login', asker: false, author: false, other: false, moderator: true, admin: true },
  ],
  [
    'post.edit',
    ThreadStatus.OPEN,
    { visitor: 'login', asker: false, author: true, other: false, moderator: true, admin: true },
  ],
  [
    'post.edit',
    ThreadStatus.LOCKED,
    { visitor: 'login', asker: false, author: false, other: false, moderator: true, admin: true },
  ],
  [
    'post.delete',
    ThreadStatus.ANSWERED,
    { visitor: 'login', asker: false, author: true, other: false, moderator: true, admin: true },
  ],
];

describe('community policy', () => {
  for (const [action, status, expected] of matrix) {
    for (const [who, outcome] of Object.entries(expected) as [Who, boolean | 'login'][]) {
      it(`${action} on a ${status} thread: ${who} → ${outcome}`, () => {
        const guardian = new Guardian(viewers[who]);
        const t = thread(status);
        const resource = action.startsWith('post.') ? { post: reply, thread: t } : t;
        const decision = guardian.check(action as 'thread.reply', resource as Thread);
        expect(decision.allowed).toBe(outcome === true);
        if (outcome === 'login') expect(decision).toMatchObject({ needsLogin: true });
        if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
      });
    }
  }

  it('only staff post in announcements and restricted categories; only admins manage categories', () => {
    for (const kind of [CategoryKind.ANNOUNCEMENTS, CategoryKind.RESTRICTED]) {
      expect(new Guardian(OTHER).can('category.post', category(kind))).toBe(false);
      expect(new Guardian(MOD).can('category.post', category(kind))).toBe(true);
    }
    expect(new Guardian(OTHER).can('category.post', category(CategoryKind.QA))).toBe(true);
    expect(new Guardian(MOD).can('category.manage', null)).toBe(false);
    expect(new Guardian(ADMIN).can('category.manage', null)).toBe(true);
  });

  it('ensureCan raises FORBIDDEN with the reason, and UNAUTHENTICATED for visitors', () => {
    const t = thread(ThreadStatus.OPEN);
    expect(() => new Guardian(AUTHOR).ensureCan('post.vote', { post: reply, thread: t })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: "You can't vote on your own post." }),
    );
    expect(() => new Guardian(null).ensureCan('thread.reply', t)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});
