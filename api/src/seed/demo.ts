import { NO_ABUSE_LIMITS } from '../platform/abuse-limits.js';
import type { Viewer } from '../platform/authz/guardian.js';
import { sql } from '../platform/db/sql.js';
import { logger } from '../platform/logger.js';
import { memberScope, type Services } from '../platform/scope.js';
import { registerMember } from '../modules/accounts/commands/register-member.js';
import { Member } from '../modules/accounts/member.entity.js';
import { viewerOf } from '../modules/accounts/viewer.js';
import { setAdvocate } from '../modules/advocates/commands/set-advocate.js';
import { reindexPostgres } from '../modules/search/search-maintenance.js';
import { searchEngines } from '../modules/search/engines.js';
import { backfillBadges } from '../modules/badges/badge-granter.js';
import { adjustMemberReputation } from '../modules/reputation/commands/adjust-member-reputation.js';
import type { CategoryKind } from '../modules/community/category.entity.js';
import { acceptAnswer } from '../modules/community/commands/accept-answer.js';
import { setStaffPick } from '../modules/community/commands/staff-pick.js';
import { askQuestion } from '../modules/community/commands/ask-question.js';
import { createTags } from '../modules/community/commands/create-tags.js';
import { createCategory } from '../modules/community/commands/manage-category.js';
import { postReply } from '../modules/community/commands/post-reply.js';
import { setThreadStatus } from '../modules/community/commands/set-thread-status.js';
import { votePost } from '../modules/community/commands/vote-post.js';
import { systemActor } from '../platform/authz/actor.js';
import { transact } from '../platform/db/transact.js';
import { loadThreadSource } from '../modules/knowledge/article-source.js';
import { publishArticle } from '../modules/knowledge/commands/article-transitions.js';
import { draftFromThread } from '../modules/knowledge/commands/draft-from-thread.js';
import { updateArticle } from '../modules/knowledge/commands/update-article.js';
import { ThreadStatus } from '../modules/community/thread.entity.js';
import { seedCustomers } from './demo-customers.js';
import { seedEscalations } from './demo-escalations.js';
import { seedIntegrations } from './demo-integrations.js';
import { recomputeInfluence } from '../modules/insights/influence/influence.store.js';
import { backfillSentiments } from '../modules/insights/sentiment/sentiment.store.js';
import { seedModeration } from './demo-moderation.js';
import { seedNotifications } from './demo-notifications.js';
import { seedRouting } from './demo-routing.js';
import { seedRoutingRules } from './demo-routing-rules.js';
import { DEMO_ARTICLES, DEMO_CATEGORIES, DEMO_MEMBERS, DEMO_PASSWORDS, DEMO_THREADS } from './demo-content.js';

/**
 * The demo is written by its members, through the same commands a request calls, but without
 * abuse limits: the seed writes weeks of history (back-dated afterwards) in seconds, fifteen
 * sign-ups from one place and bursts of replies by one member. Every content rule (lengths,
 * links, privileges, new-member limits) still applies; the limits are about the pace of people
 * posting now, which the seed is not.
 */
function scopeFor(services: Services, viewer: Viewer | null) {
  const scope = memberScope(services, viewer, 'seed');
  return { ...scope, settings: { ...scope.settings, abuseLimits: NO_ABUSE_LIMITS } };
}

/** Acting as a member as they are now (reputation and advocacy change as the demo unfolds). */
async function scopeAs(services: Services, memberId: number) {
  const member = await services.orm.em.fork().findOneOrFail(Member, memberId);
  return scopeFor(services, viewerOf(member, []));
}

export async function isEmpty(services: Services): Promise<boolean> {
  const [row] = await sql<{ n: number }>(services.orm.em.fork(), 'select count(*)::int as n from members');
  return row!.n === 0;
}

/** Seeds the demo community into an empty database (npm start on first run). */
export async function seedDemoIfEmpty(services: Services): Promise<boolean> {
  if (!(await isEmpty(services))) return false;
  const started = Date.now();
  await seedDemo(services);
  logger.info('seeded the demo community', { ms: Date.now() - started });
  return true;
}

/**
 * The demo community, written through the real commands so it obeys every rule; afterwards
 * timestamps are spread over the past weeks so lists look lived-in. Deterministic.
 */
export async function seedDemo(services: Services): Promise<void> {
  const members = new Map<string, number>();
  for (const { handle, role } of DEMO_MEMBERS) {
    const { member } = await registerMember(scopeFor(services, null), {
      handle,
      email: `${handle.replace(/[^a-z0-9]/gi, '')}@example.com`,
      password: DEMO_PASSWORDS[handle] ?? 'demo-member-pass',
    });
    if (role) await sql(services.orm.em.fork(), 'update members set role = ? where id = ?', [role, member.id]);
    members.set(handle, member.id);
  }
  const as = (handle: string) => scopeAs(services, members.get(handle)!);
  for (const { handle, carriedOver, advocate } of DEMO_MEMBERS) {
    const memberId = members.get(handle)!;
    if (carriedOver) {
      await adjustMemberReputation(await as('admin'), {
        memberId,
        points: carriedOver,
        reason: 'Reputation carried over from the previous community forum',
      });
    }
    if (advocate) await setAdvocate(await as('admin'), { memberId, reason: advocate }, true);
  }

  // The tag vocabulary came over from the previous forum too.
  await createTags(await as('admin'), [...new Set(DEMO_THREADS.flatMap((t) => t.tags))]);

  const categories = new Map<string, number>();
  for (const [position, c] of DEMO_CATEGORIES.entries()) {
    const category = await createCategory(await as('admin'), { ...c, kind: c.kind as CategoryKind, position });
    categories.set(c.slug, category.id);
  }

  // Oldest first, so ids grow with time as they would in a real forum.
  const threads = [...DEMO_THREADS].sort((a, b) => b.daysAgo - a.daysAgo);
  const threadIds = new Map<string, number>();
  for (const [index, t] of threads.entries()) {
    const thread = await askQuestion(await as(t.by), {
      categoryId: categories.get(t.category)!,
      title: t.title,
      body: t.body,
      tags: t.tags,
    });
    const questionId = thread.questionPostId!;
    threadIds.set(t.title, thread.id);
    for (const voter of t.upvoters ?? []) await votePost(await as(voter), { postId: questionId, value: 1 });
    const replyIds: number[] = [];
    for (const r of t.replies) {
      const reply = await postReply(await as(r.by), { threadId: thread.id, body: r.body });
      replyIds.push(reply.id);
      for (const voter of r.upvoters ?? []) await votePost(await as(voter), { postId: reply.id, value: 1 });
      for (const voter of r.downvoters ?? []) await votePost(await as(voter), { postId: reply.id, value: -1 });
      if (r.accepted) await acceptAnswer(await as(t.by), reply.id);
      if (r.staffPick) await setStaffPick(await as('moderator'), { postId: reply.id, picked: true });
    }
    if (t.status) await setThreadStatus(await as('moderator'), { threadId: thread.id, status: ThreadStatus[t.status] });

    // Spread the timeline: the question at a fixed hour t.daysAgo days ago, replies 40 minutes apart.
    const em = services.orm.em.fork();
    const askedAt = `now() - interval '${t.daysAgo} days' + interval '${(index * 53) % 600} minutes'`;
    await sql(em, `update threads set created_at = ${askedAt} where id = ?`, [thread.id]);
    await sql(em, `update posts set created_at = (select created_at from threads where id = ?) where id = ?`, [
      thread.id,
      questionId,
    ]);
    for (const [i, id] of replyIds.entries()) {
      await sql(
        em,
        `update posts set created_at = (select created_at from threads where id = ?) + interval '${(i + 1) * 40} minutes' where id = ?`,
        [thread.id, id],
      );
    }
    // The solution is accepted a while after the answer (the accept itself stamped it now), so
    // the staff insights show realistic times to solution.
    await sql(
      em,
      `update posts set accepted_at = created_at + interval '${15 + ((index * 97) % 360)} minutes'
        where thread_id = ? and accepted_at is not null`,
      [thread.id],
    );
    await sql(
      em,
      `update threads t set last_activity_at = (select max(p.created_at) from posts p where p.thread_id = t.id) where id = ?`,
      [thread.id],
    );
    await sql(
      em,
      'update post_revisions r set created_at = p.created_at from posts p where p.id = r.post_id and p.thread_id = ?',
      [thread.id],
    );
  }
  await seedArticles(services, threadIds, as);
  await sql(
    services.orm.em.fork(),
    `update members set created_at = now() - interval '30 days' + id * interval '1 hour'`,
  );
  // After the back-dating: the spammer and the held sign-up are new accounts.
  await seedModeration(services, (memberId) => scopeAs(services, memberId));
  // Demo addresses (example.com) receive nothing: treat them as verified, as if each member had
  // opened their link at sign-up, so the demo shows the community as it runs, not a verify notice.
  await sql(
    services.orm.em.fork(),
    `update members set email_verified_at = created_at where email_verified_at is null`,
  );
  // The CRM's customers, linked to members by those verified addresses (and one by staff).
  await seedCustomers(services, as);
  // Badges for the demo's history, judged on its final timestamps (the badge subscriber, which
  // starts after the seed, then finds nothing left to award for the seed's events).
  await backfillBadges(services.orm.em.fork());
  // The open questions routed to their likeliest answerers (before the notifications that tell them).
  await seedRouting(services);
  // Notifications last: they take the times of what they are about, and tell alice of two badges.
  await seedNotifications(services, as);
  // The search index too: the timestamps above were rewritten after the commands' events.
  await reindexPostgres(() => services.orm.em.fork(), searchEngines(services).postgres);
  // Staff insights from the first visit, not the first hourly run: every post's sentiment and
  // the members' influence over the demo's history.
  await backfillSentiments(services.orm.em.fork());
  await recomputeInfluence(services.orm.em.fork());
  // The staff escalation queue: a case in progress, an advocate's request, one resolved (priced
  // with the influence and sentiment just computed).
  await seedEscalations(services, threadIds, as);
  // An admin's routing rule: enterprise customers' urgent questions escalate, moderators told.
  await seedRoutingRules(as);
  // Last: the CRM's token and webhook endpoint, with a delivery log of an outage.
  await seedIntegrations(services, as);
}

/**
 * A few published knowledge articles, so the knowledge base is not empty on a fresh start. The
 * seed runs before the event subscribers start, so it makes each draft as the knowledge.sources
 * subscriber would (draftFromThread, as the system), then staff edit and publish it through the
 * commands. The subscriber, once started, finds these threads already have their article and
 * drafts the demo's other accepted answers for the staff queue.
 */
async function seedArticles(
  services: Services,
  threadIds: Map<string, number>,
  as: (handle: string) => ReturnType<typeof scopeAs>,
): Promise<void> {
  for (const a of DEMO_ARTICLES) {
    const threadId = threadIds.get(a.thread);
    if (threadId === undefined) throw new Error(`demo article: no thread "${a.thread}"`);
    const articleId = await transact(services.orm.em.fork(), async (tx) => {
      const source = await loadThreadSource(tx, threadId);
      return (
        source &&
        draftFromThread(tx, systemActor('knowledge.sources'), source, {
          authorId: null,
          chosenPostId: null,
          render: services.markdown,
        })
      );
    });
    if (!articleId) throw new Error(`demo article: "${a.thread}" made no draft`);
    if (a.edit) await updateArticle(await as('moderator'), { articleId, ...a.edit });
    // The admin publishes: the moderator answered one of them, and nobody is credited for promoting their own answer.
    await publishArticle(await as('admin'), articleId);
  }
}
