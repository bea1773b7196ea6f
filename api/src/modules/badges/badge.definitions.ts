/**
 * Badge definitions (PRODUCT.md capability 2). Each rule is one set-based query returning
 * candidate awards (member_id, post_id, thread_id, reason); `{members}` becomes a filter on the member
 * column (an event's members) or `true` (the backfill). Granting is `insert … on conflict do
 * nothing` on badge_awards' uniqueness, so re-running a rule awards only what is missing
 * (Discourse's badge queries, lib/badge_queries.rb).
 */

export type BadgeTier = 'BRONZE' | 'SILVER' | 'GOLD';

/** What happened, as badge jobs hear it; each badge lists the triggers that may earn it. */
export const BADGE_TRIGGERS = [
  'thread.created',
  'post.created',
  'post.voted',
  'answer.accepted',
  'post.staff_picked',
  'advocate.granted',
  'article.published',
  'article.archived',
  'review.resolved',
] as const;
export type BadgeTrigger = (typeof BADGE_TRIGGERS)[number];

export interface BadgeDefinition {
  key: string;
  name: string;
  description: string;
  tier: BadgeTier;
  /** Earned once per post (repeatable) rather than once. */
  perPost: boolean;
  triggers: BadgeTrigger[];
  /** Null: awarded by a feature that does not exist yet. */
  query: string | null;
  /**
   * Triggers after which awards the rule no longer supports are taken back (an article
   * withdrawn takes its Knowledge Contributor with it). Most badges, once earned, stay.
   */
  revokedBy?: BadgeTrigger[];
  /** Post scores at which a vote may earn this badge (votes enqueue a check only when crossing one). */
  scoreThresholds?: number[];
}

const acceptedAnswers = `
  from threads t join posts p on p.id = t.accepted_post_id
 where t.deleted_at is null and p.deleted_at is null and p.author_id <> t.author_id`;

const acceptedCount = (n: number) => `
  select p.author_id as member_id, null::int as post_id, null::int as thread_id, '${n} answers accepted as solutions' as reason
  ${acceptedAnswers} and {members:p.author_id}
  group by p.author_id having count(*) >= ${n}`;

const answerScore = (n: number) => `
  select p.author_id as member_id, p.id as post_id, t.id as thread_id, 'Answer scored ${n} or more on “' || t.title || '”' as reason
    from posts p join threads t on t.id = p.thread_id
   where not p.is_question and p.deleted_at is null and t.deleted_at is null and p.score >= ${n}
     and {members:p.author_id}`;

export const BADGES: BadgeDefinition[] = [
  {
    key: 'first-question',
    name: 'First Question',
    description: 'Asked a first question.',
    tier: 'BRONZE',
    perPost: false,
    triggers: ['thread.created'],
    query: `
      select distinct on (t.author_id) t.author_id as member_id, null::int as post_id, t.id as thread_id,
             'Asked “' || t.title || '”' as reason
        from threads t where t.deleted_at is null and {members:t.author_id}
       order by t.author_id, t.id`,
  },
  {
    key: 'first-answer',
    name: 'First Answer',
    description: 'Answered a question for the first time.',
    tier: 'BRONZE',
    perPost: false,
    triggers: ['post.created'],
    query: `
      select distinct on (p.author_id) p.author_id as member_id, null::int as post_id, t.id as thread_id,
             'Answered “' || t.title || '”' as reason
        from posts p join threads t on t.id = p.thread_id
       where not p.is_question and p.deleted_at is null and t.deleted_at is null and {members:p.author_id}
       order by p.author_id, p.id`,
  },
  {
    key: 'solution',
    name: 'Solution',
    description: 'An answer was accepted as the solution. Earned for every accepted answer.',
    tier: 'BRONZE',
    perPost: true,
    triggers: ['answer.accepted'],
    query: `
      select p.author_id as member_id, p.id as post_id, t.id as thread_id, 'Accepted as the solution to “' || t.title || '”' as reason
      ${acceptedAnswers} and {members:p.author_id}`,
  },
  {
    key: 'problem-solver',
    name: 'Problem Solver',
    description: '10 answers accepted as solutions.',
    tier: 'SILVER',
    perPost: false,
    triggers: ['answer.accepted'],
    query: acceptedCount(10),
  },
  {
    key: 'guru',
    name: 'Guru',
    description: '50 answers accepted as solutions.',
    tier: 'GOLD',
    perPost: false,
    triggers: ['answer.accepted'],
    query: acceptedCount(50),
  },
  {
    key: 'nice-answer',
    name: 'Nice Answer',
    description: 'An answer scored 10 or more. Earned for every such answer.',
    tier: 'BRONZE',
    perPost: true,
    triggers: ['post.voted'],
    query: answerScore(10),
    scoreThresholds: [10],
  },
  {
    key: 'good-answer',
    name: 'Good Answer',
    description: 'An answer scored 25 or more. Earned for every such answer.',
    tier: 'SILVER',
    perPost: true,
    triggers: ['post.voted'],
    query: answerScore(25),
    scoreThresholds: [25],
  },
  {
    key: 'great-answer',
    name: 'Great Answer',
    description: 'An answer scored 100 or more. Earned for every such answer.',
    tier: 'GOLD',
    perPost: true,
    triggers: ['post.voted'],
    query: answerScore(100),
    scoreThresholds: [100],
  },
  {
    key: 'quick-draw',
    name: 'Quick Draw',
    description: 'An answer posted within 5 minutes of the question was accepted.',
    tier: 'BRONZE',
    perPost: false,
    triggers: ['answer.accepted'],
    query: `
      select distinct on (p.author_id) p.author_id as member_id, null::int as post_id, t.id as thread_id,
             'Answered “' || t.title || '” within 5 minutes, and it was accepted' as reason
      ${acceptedAnswers} and p.created_at <= t.created_at + interval '5 minutes' and {members:p.author_id}
       order by p.author_id, p.id`,
  },
  {
    key: 'necromancer',
    name: 'Necromancer',
    description: 'Answered a question nobody had answered for 60 days, and the answer scored 5 or more.',
    tier: 'SILVER',
    perPost: true,
    triggers: ['post.voted'],
    query: `
      select p.author_id as member_id, p.id as post_id, t.id as thread_id,
             'Revived “' || t.title || '” after 60 days without an answer' as reason
        from posts p join threads t on t.id = p.thread_id
       where not p.is_question and p.deleted_at is null and t.deleted_at is null and p.score >= 5
         and p.created_at >= t.created_at + interval '60 days'
         and not exists (select 1 from posts e where e.thread_id = p.thread_id and not e.is_question
                          and e.deleted_at is null and e.id < p.id)
         and {members:p.author_id}`,
    scoreThresholds: [5],
  },
  {
    key: 'advocate',
    name: 'Advocate',
    description: 'Made a community advocate by staff.',
    tier: 'GOLD',
    perPost: false,
    triggers: ['advocate.granted'],
    query: `
      select m.id as member_id, null::int as post_id, null::int as thread_id, 'Made an advocate' as reason
        from members m where m.is_advocate and {members:m.id}`,
  },
  {
    key: 'staff-pick',
    name: 'Staff Pick',
    description: 'Staff picked an answer as exemplary. Earned for every picked answer.',
    tier: 'SILVER',
    perPost: true,
    triggers: ['post.staff_picked'],
    query: `
      select p.author_id as member_id, p.id as post_id, t.id as thread_id, 'Answer to “' || t.title || '” picked by staff' as reason
        from posts p join threads t on t.id = p.thread_id
       where p.staff_picked_at is not null and p.deleted_at is null and t.deleted_at is null
         and p.author_id is distinct from p.staff_picked_by and {members:p.author_id}`,
  },
  {
    key: 'knowledge-contributor',
    name: 'Knowledge Contributor',
    description: 'An answer became a knowledge base article. Earned for every such answer.',
    tier: 'GOLD',
    perPost: true,
    triggers: ['article.published'],
    revokedBy: ['article.archived'],
    query: `
      select p.author_id as member_id, p.id as post_id, t.id as thread_id,
             'Answer to “' || t.title || '” became the article “' || a.title || '”' as reason
        from articles a join posts p on p.id = a.source_post_id join threads t on t.id = p.thread_id
       where a.state = 'PUBLISHED' and p.deleted_at is null and t.deleted_at is null
         and p.author_id is distinct from a.published_by and {members:p.author_id}`,
  },
  {
    key: 'helpful-flagger',
    name: 'Helpful Flagger',
    description: 'Review agreed with a post you flagged.',
    tier: 'BRONZE',
    perPost: false,
    triggers: ['review.resolved'],
    query: `
      select distinct on (f.flagger_id) f.flagger_id as member_id, null::int as post_id, null::int as thread_id,
             'Flagged a post that review agreed with' as reason
        from flags f where f.status = 'AGREED' and {members:f.flagger_id}
       order by f.flagger_id, f.id`,
  },
];

export const badgeByKey = new Map(BADGES.map((b) => [b.key, b]));

/** Scores at which a vote may earn a badge: crossing one upwards triggers a check. */
export const BADGE_SCORE_THRESHOLDS = [...new Set(BADGES.flatMap((b) => b.scoreThresholds ?? []))].sort(
  (a, b) => a - b,
);
