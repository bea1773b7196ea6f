import { describe, expect, it } from 'vitest';
import { Guardian, type Viewer } from '../../platform/authz/guardian.js';
import { communityRules } from '../community/community.policy.js';
import { Post } from '../community/post.entity.js';
import { Thread } from '../community/thread.entity.js';
import { parseReputationRules } from '../reputation/reputation.rules.js';
import { moderationRules, reviewableSql } from './moderation.policy.js';

const rules = parseReputationRules('{}');
const settings = { privileges: rules.privileges, newMembers: rules.newMembers };
const member = (id: number, reputation: number, extra: Partial<Viewer> = {}): Viewer => ({
  id,
  handle: `m${id}`,
  role: 'MEMBER',
  reputation,
  createdAt: new Date(Date.now() - 30 * 86_400_000),
  isAdvocate: false,
  advocateCategoryIds: null,
  silence: null,
  ...extra,
});

const viewers = {
  visitor: null,
  newcomer: member(1, 3),
  author: member(2, 500),
  flagger: member(3, 15),
  reviewer: member(4, 2000),
  advocateHere: member(5, 40, { isAdvocate: true, advocateCategoryIds: [1] }),
  advocateElsewhere: member(6, 40, { isAdvocate: true, advocateCategoryIds: [2] }),
  advocateEverywhere: member(7, 40, { isAdvocate: true }),
  silenced: member(8, 5000, { silence: { until: new Date(Date.now() + 86_400_000), reason: 'Heated threads' } }),
  moderator: member(9, 0, { role: 'MODERATOR' }),
  admin: member(10, 0, { role: 'ADMIN' }),
};
type Who = keyof typeof viewers;
const guardian = (who: Who) => new Guardian(viewers[who], settings, { ...communityRules, ...moderationRules });

const thread = Object.assign(new Thread(), { id: 10, authorId: 1, categoryId: 1, title: 't' });
const post = Object.assign(new Post(), { id: 20, threadId: 10, authorId: viewers.author.id, body: 'b', bodyHtml: 'b' });
const open = { kind: 'HIDDEN_POST' as const, categoryId: 1, staffOnly: false };
const escalated = { kind: 'HIDDEN_POST' as const, categoryId: 1, staffOnly: true };
const heldSignup = { kind: 'HELD_SIGNUP' as const, categoryId: null, staffOnly: true };
const articleReport = { kind: 'ARTICLE_REPORT' as const, categoryId: 1, staffOnly: false };
const uncategorisedReport = { kind: 'ARTICLE_REPORT' as const, categoryId: null, staffOnly: false };

type Expect = boolean | 'login';
const matrix: [string, (g: Guardian) => ReturnType<Guardian['check']>, Record<Who, Expect>][] = [
  [
    'post.flag',
    (g) => g.check('post.flag', { post, thread }),
    {
      visitor: 'login',
      newcomer: false,
      author: false,
      flagger: true,
      reviewer: true,
      advocateHere: true,
      advocateElsewhere: true,
      advocateEverywhere: true,
      silenced: false,
      moderator: true,
      admin: true,
    },
  ],
  [
    'post.hide',
    (g) => g.check('post.hide', { post, thread }),
    {
      visitor: 'login',
      newcomer: false,
      author: false,
      flagger: false,
      reviewer: false,
      advocateHere: false,
      advocateElsewhere: false,
      advocateEverywhere: false,
      silenced: false,
      moderator: true,
      admin: true,
    },
  ],
  [
    'review.list',
    (g) => g.check('review.list', null),
    {
      visitor: false,
      newcomer: false,
      author: false,
      flagger: false,
      reviewer: true,
      advocateHere: true,
      advocateElsewhere: true,
      advocateEverywhere: true,
      silenced: true,
      moderator: true,
      admin: true,
    },
  ],
  [
    'review.act (open item in category 1)',
    (g) => g.check('review.act', open),
    {
      visitor: 'login',
      newcomer: false,
      author: false,
      flagger: false,
      reviewer: true,
      advocateHere: true,
      advocateElsewhere: false,
      advocateEverywhere: true,
      silenced: false,
      moderator: true,
      admin: true,
    },
  ],
  [
    'review.act (escalated to staff)',
    (g) => g.check('review.act', escalated),
    {
      visitor: 'login',
      newcomer: false,
      author: false,
      flagger: false,
      reviewer: false,
      advocateHere: false,
      advocateElsewhere: false,
      advocateEverywhere: false,
      silenced: false,
      moderator: true,
      admin: true,
    },
  ],
  [
    'review.act (held sign-up)',
    (g) => g.check('review.act', heldSignup),
    {
      visitor: 'login',
      newcomer: false,
      author: false,
      flagger: false,
      reviewer: false,
      advocateHere: false,
      advocateElsewhere: false,
      advocateEverywhere: false,
      silenced: false,
      moderator: true,
      admin: true,
    },
  ],
  [
    'review.act (report of an article in category 1)',
    (g) => g.check('review.act', articleReport),
    {
      visitor: 'login',
      newcomer: false,
      author: false,
      flagger: false,
      reviewer: false,
      advocateHere: true,
      advocateElsewhere: false,
      advocateEverywhere: true,
      silenced: false,
      moderator: true,
      admin: true,
    },
  ],
  [
    'review.act (report of an article without a category)',
    (g) => g.check('review.act', uncategorisedReport),
    {
      visitor: 'login',
      newcomer: false,
      author: false,
      flagger: false,
      reviewer: false,
      advocateHere: false,
      advocateElsewhere: false,
      advocateEverywhere: true,
      silenced: false,
      moderator: true,
      admin: true,
    },
  ],
];

describe('moderation policy: role × action', () => {
  for (const [action, check, expected] of matrix) {
    for (const who of Object.keys(viewers) as Who[]) {
      it(`${action}: ${who} → ${String(expected[who])}`, () => {
        const decision = check(guardian(who));
        expect(decision.allowed).toBe(expected[who] === true);
        if (!decision.allowed) {
          expect(decision.reason.length).toBeGreaterThan(10);
          if (expected[who] === 'login') expect(decision.needsLogin).toBe(true);
        }
      });
    }
  }

  it('denials say what is needed', () => {
    expect(guardian('newcomer').check('post.flag', { post, thread })).toMatchObject({
      reason: 'You need 15 reputation to flag posts; you have 3.',
    });
    expect(guardian('author').check('post.flag', { post, thread })).toMatchObject({
      reason: "You can't flag your own post.",
    });
    expect(guardian('flagger').check('review.list', null)).toMatchObject({
      reason: 'You need 2000 reputation to use the review queue; you have 15.',
    });
    expect(guardian('advocateElsewhere').check('review.act', open)).toMatchObject({
      reason: 'Advocates review items in their own categories, and this one is in another.',
    });
    expect(guardian('reviewer').check('review.act', escalated)).toMatchObject({
      reason: 'This item was escalated to staff: only moderators can decide it.',
    });
    expect(guardian('advocateEverywhere').check('review.act', heldSignup)).toMatchObject({
      reason: 'Held sign-ups are decided by moderators and administrators.',
    });
    expect(guardian('reviewer').check('review.act', articleReport)).toMatchObject({
      reason: "Article reports are reviewed by staff and the advocates of the article's category.",
    });
  });

  it('lists in SQL what review.act allows', () => {
    const sql = (who: Exclude<Who, 'visitor'>) => reviewableSql(viewers[who], settings.privileges.reviewQueue, 'r');
    expect(sql('moderator')).toBe('true');
    expect(sql('reviewer')).toBe("not r.staff_only and (r.kind <> 'ARTICLE_REPORT' or false)");
    expect(sql('advocateEverywhere')).toBe('not r.staff_only and (false or true)');
    expect(sql('advocateHere')).toBe('not r.staff_only and (false or r.category_id in (1))');
    expect(sql('flagger')).toBe('false');
  });
});
