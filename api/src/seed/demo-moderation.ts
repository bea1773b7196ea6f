import { NO_ABUSE_LIMITS } from '../platform/abuse-limits.js';
import { sql } from '../platform/db/sql.js';
import { DomainError } from '../platform/errors.js';
import { memberScope, type Scope, type Services } from '../platform/scope.js';
import { registerMember } from '../modules/accounts/commands/register-member.js';
import { postReply } from '../modules/community/commands/post-reply.js';
import { flagPost } from '../modules/moderation/commands/flag-post.js';
import { reportArticle } from '../modules/moderation/commands/report-article.js';
import { resolveReviewItem } from '../modules/moderation/commands/resolve-review-item.js';
import { addStaffNote } from '../modules/sanctions/commands/add-staff-note.js';
import { imposeSanction } from '../modules/sanctions/commands/impose-sanction.js';
import { DEMO_MODERATION } from './demo-content.js';

/** Where the spammer and the held sign-up came from: one network, so the second sign-up is held. */
const SPAM_NETWORK_IP = '198.51.100.23';

/**
 * The moderation side of the demo, so the review queue, the audit log and profiles show
 * something on a fresh start: a spammer's reply hidden by three members' flags (the author then
 * silenced, with a staff note), an open flag below the threshold, a flag staff disagreed with,
 * a sign-up held by the per-network rule, and a reader's report of an article. All through the
 * commands; `scopeOf` gives a member's scope as they are now.
 */
export async function seedModeration(services: Services, scopeOf: (memberId: number) => Promise<Scope>): Promise<void> {
  const d = DEMO_MODERATION;
  const idOf = async (handle: string) => {
    const [m] = await sql<{ id: number }>(services.orm.em.fork(), 'select id from members where handle = ?', [handle]);
    if (!m) throw new Error(`demo moderation: no member "${handle}"`);
    return m.id;
  };
  const as = async (handle: string) => scopeOf(await idOf(handle));
  // One sign-up per network a day, from the spammer's network: the second one is held.
  const signupScope = () => {
    const scope = memberScope(services, null, SPAM_NETWORK_IP);
    return {
      ...scope,
      settings: { ...scope.settings, abuseLimits: { ...NO_ABUSE_LIMITS, signupsPerNetworkPerDay: 1 } },
    };
  };
  const register = (handle: string) =>
    registerMember(signupScope(), {
      handle,
      email: `${handle.replace(/[^a-z0-9]/gi, '')}@example.net`,
      password: `${handle}-demo-pass`,
    });
  await register(d.spammer);
  // Held: the account is committed, and the sign-up answers that it waits for approval.
  await register(d.heldSignup).then(
    () => {
      throw new Error('demo moderation: the second sign-up from one network was not held');
    },
    (err: unknown) => {
      if (!(err instanceof DomainError && err.details.pendingApproval)) throw err;
    },
  );

  const replyIn = async (title: string, by: string, body: string) => {
    const [thread] = await sql<{ id: number }>(services.orm.em.fork(), 'select id from threads where title = ?', [
      title,
    ]);
    if (!thread) throw new Error(`demo moderation: no thread "${title}"`);
    return postReply(await as(by), { threadId: thread.id, body });
  };

  const spam = await replyIn(d.spam.thread, d.spammer, d.spam.body);
  for (const flagger of d.spam.flaggers) await flagPost(await as(flagger), { postId: spam.id, reason: 'SPAM' });

  const offTopic = await replyIn(d.offTopic.thread, d.offTopic.by, d.offTopic.body);
  await flagPost(await as(d.offTopic.flagger), { postId: offTopic.id, reason: 'OFF_TOPIC', note: d.offTopic.note });

  const blunt = await replyIn(d.blunt.thread, d.blunt.by, d.blunt.body);
  await flagPost(await as(d.blunt.flagger), { postId: blunt.id, reason: 'ABUSIVE' });
  const [item] = await sql<{ id: number }>(
    services.orm.em.fork(),
    `select id from review_items where post_id = ? and status = 'OPEN'`,
    [blunt.id],
  );
  await resolveReviewItem(await as('moderator'), { itemId: item!.id, decision: 'DISAGREE', reason: d.blunt.decision });

  const spammer = await idOf(d.spammer);
  await imposeSanction(await as('moderator'), {
    memberId: spammer,
    kind: 'SILENCE',
    until: new Date(Date.now() + 7 * 86_400_000),
    reason: d.silenceReason,
  });
  await addStaffNote(await as('moderator'), { memberId: spammer, body: d.staffNote });

  const [article] = await sql<{ id: number }>(services.orm.em.fork(), 'select id from articles where title = ?', [
    d.report.article,
  ]);
  if (!article) throw new Error(`demo moderation: no article "${d.report.article}"`);
  await reportArticle(await as(d.report.by), { articleId: article.id, reason: 'OUTDATED', note: d.report.note });
}
