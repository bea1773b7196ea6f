import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awardBadges } from '../../api/src/modules/badges/subscribers/award-badges.js';
import { systemActor } from '../../api/src/platform/authz/actor.js';
import { recordEvent, type DomainEvent, type EventName } from '../../api/src/platform/events/events.js';
import {
  EventSubscribers,
  RetryLaterError,
  type SubscriberDefinition,
} from '../../api/src/platform/events/subscribers.js';
import type { Services } from '../../api/src/platform/scope.js';
import {
  buildMember,
  buildReply,
  buildThread,
  firstCategoryId,
  QUESTION_BODY,
  REPLY_BODY,
  type TestMember,
} from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Domain events: every command records one immutable event in its own transaction (who, what,
// about what, with the data a subscriber needs); subscribers receive each event once per
// subscriber, after commit, in (tx, id) order below the horizon of running transactions; a
// handler that keeps failing parks its event and moves on; staff read the log over GraphQL.
//
// `api` runs the real badge subscriber (workers on); the delivery tests build subscribers of
// their own over its ORM and drain them by hand. `bulk` is a database of its own for the
// 10,000-event backlog, so its volume stays out of the other tests' logs.
let api: TestApi;
let bulk: TestApi;
let moderator: TestMember;
let admin: TestMember;
beforeAll(async () => {
  [api, bulk] = await Promise.all([startTestApi(), startTestApi()]);
  [moderator, admin] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
  ]);
});
afterAll(async () => {
  await Promise.all([api?.close(), bulk?.close()]);
});

const unique = () => randomBytes(4).toString('hex');
/** Event names allow only letters and underscores: a name of its own per test keeps tests apart. */
const letters = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const as = (m: TestMember) => ({ token: m.token, ip: m.ip });
const members = (n: number, opts: Parameters<typeof buildMember>[1] = {}) =>
  Promise.all(Array.from({ length: n }, () => buildMember(api, opts)));

interface EventRow {
  id: string;
  /** The 32-bit xid of the event's transaction, to compare with a row's xmin. */
  xid: string;
  name: string;
  actor_type: string;
  actor_id: number | null;
  actor_label: string | null;
  subject: string;
  related: string[];
  data: Record<string, unknown>;
}
// Selected from `domain_events e`; order by `e.id` (a bare `id` would mean the text column).
const EVENT_COLUMNS = `e.id::text as id, (e.tx::text::numeric % 4294967296)::text as xid, e.name, e.actor_type,
  e.actor_id::int as actor_id, e.actor_label, e.subject, e.related, e.data`;

/** Events about `subject` or concerning it, oldest first, without the badge subscriber's own. */
function commandEvents(a: TestApi, subject: string): Promise<EventRow[]> {
  return a.sql<EventRow>(
    `select ${EVENT_COLUMNS} from domain_events e
      where (e.subject = $1 or e.related @> array[$1]) and e.name <> 'badge.awarded' order by e.id`,
    [subject],
  );
}

/** The single event named `name` about `subject` recorded after event `afterId`. */
async function onlyEvent(name: string, subject: string, afterId = '0'): Promise<EventRow> {
  const rows = await api.sql<EventRow>(
    `select ${EVENT_COLUMNS} from domain_events e
      where e.name = $1 and e.subject = $2 and e.id > $3::bigint order by e.id`,
    [name, subject, afterId],
  );
  expect(rows.map((r) => r.name)).toEqual([name]);
  return rows[0]!;
}

/** The xid that last wrote a row (its xmin): the event's xid when both were written in one transaction. */
async function writtenBy(table: string, where: string, params: unknown[]): Promise<string> {
  const rows = await api.sql<{ xid: string }>(`select xmin::text as xid from ${table} where ${where}`, params);
  expect(rows).toHaveLength(1);
  return rows[0]!.xid;
}

async function lastEventId(a: TestApi = api): Promise<string> {
  const [row] = await a.sql<{ id: string }>('select coalesce(max(id), 0)::text as id from domain_events');
  return row!.id;
}

/** Waits until the badge subscriber has passed every event of its kinds committed so far. */
function badgesDrained(a: TestApi, timeout = 10_000): Promise<void> {
  return vi.waitFor(
    async () => {
      const [row] = await a.sql<{ n: number }>(
        `select count(*)::int as n from domain_events e, event_subscriptions s
          where s.subscriber = 'badges.award' and (e.tx, e.id) > (s.position_tx, s.position_id)
            and e.name = any($1::text[])`,
        [awardBadges.events],
      );
      expect(row!.n).toBe(0);
    },
    { timeout, interval: 100 },
  );
}

const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id title question { id } } }`;
const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { id score } }`;
const ACCEPT = `mutation($id: ID!) { acceptAnswer(postId: $id) { id status } }`;
const UNACCEPT = `mutation($id: ID!) { unacceptAnswer(threadId: $id) { id status } }`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;
const DELETE = `mutation($id: ID!) { deletePost(postId: $id) }`;
const REMOVE = `mutation($input: RemovePostInput!) { removePost(input: $input) }`;
const RESTORE = `mutation($id: ID!) { restorePost(postId: $id) { id } }`;
const PICK = `mutation($id: ID!) { staffPick(postId: $id) { id staffPickedAt } }`;
const STATUS = `mutation($input: SetThreadStatusInput!) { setThreadStatus(input: $input) { status } }`;
const GRANT = `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { id isAdvocate } }`;
const ADJUST = `mutation($input: AdjustReputationInput!) { adjustReputation(input: $input) { reputation } }`;

async function ok<T = any>(promise: Promise<{ data: T; errors?: unknown }>): Promise<T> {
  const res = await promise;
  expect(res.errors).toBeUndefined();
  return res.data;
}
const vote = (m: TestMember, postId: string, value: 'UP' | 'DOWN' | 'NONE') =>
  api.gql(VOTE, { input: { postId, value } }, as(m));

describe('each command records its event in its own transaction', () => {
  it('askQuestion records thread.created and postReply post.created, with actor, subject, related and data', async () => {
    const [asker, answerer] = await members(2);
    const categoryId = await firstCategoryId(api);
    const title = `How do I pair the garage hub again ${unique()}?`;
    const thread = (await ok(api.gql(ASK, { input: { categoryId, title, body: QUESTION_BODY, tags: [] } }, as(asker))))
      .askQuestion;
    const questionId = thread.question.id as string;

    const created = await onlyEvent('thread.created', `thread:${thread.id}`);
    expect(created).toMatchObject({
      actor_type: 'member',
      actor_id: Number(asker.id),
      actor_label: null,
      related: [`post:${questionId}`, `member:${asker.id}`, `category:${categoryId}`],
      data: {
        threadId: Number(thread.id),
        postId: Number(questionId),
        categoryId: Number(categoryId),
        authorId: Number(asker.id),
        title,
        tags: [],
      },
    });
    // The event and the question's first revision were written by one transaction.
    expect(created.xid).toBe(await writtenBy('post_revisions', 'post_id = $1 and revision = 1', [questionId]));

    const reply = await buildReply(api, answerer, thread.id);
    const replied = await onlyEvent('post.created', `post:${reply.id}`);
    expect(replied).toMatchObject({
      actor_type: 'member',
      actor_id: Number(answerer.id),
      actor_label: null,
      related: [`thread:${thread.id}`, `member:${answerer.id}`],
      data: {
        postId: Number(reply.id),
        threadId: Number(thread.id),
        categoryId: Number(categoryId),
        authorId: Number(answerer.id),
      },
    });
    expect(replied.xid).toBe(await writtenBy('post_revisions', 'post_id = $1 and revision = 1', [reply.id]));
    expect((await commandEvents(api, `thread:${thread.id}`)).map((e) => e.name)).toEqual([
      'thread.created',
      'post.created',
    ]);
  });

  it('vote records post.voted with value, previous, scoreBefore and score, in the vote’s statement', async () => {
    const [asker, answerer, voter, second] = await members(4);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    const subject = `post:${reply.id}`;
    const common = { postId: Number(reply.id), threadId: Number(thread.id), authorId: Number(answerer.id) };
    const voted = async (by: TestMember, value: 'UP' | 'DOWN' | 'NONE', expected: Record<string, number>) => {
      const before = await lastEventId();
      const res = await vote(by, reply.id, value);
      expect(res.errors).toBeUndefined();
      expect(res.data.vote.score).toBe(expected.score);
      const event = await onlyEvent('post.voted', subject, before);
      expect(event).toMatchObject({
        actor_type: 'member',
        actor_id: Number(by.id),
        actor_label: null,
        related: [`thread:${thread.id}`, `member:${answerer.id}`],
      });
      expect(event.data).toEqual({ ...common, ...expected });
      // The score moved in the same transaction (the same statement) as the event was written.
      expect(event.xid).toBe(await writtenBy('posts', 'id = $1', [reply.id]));
    };
    await voted(voter, 'UP', { value: 1, previous: 0, scoreBefore: 0, score: 1 });
    await voted(second, 'UP', { value: 1, previous: 0, scoreBefore: 1, score: 2 });
    await voted(voter, 'NONE', { value: 0, previous: 1, scoreBefore: 2, score: 1 });
    await voted(moderator, 'DOWN', { value: -1, previous: 0, scoreBefore: 1, score: 0 });
    await voted(moderator, 'UP', { value: 1, previous: -1, scoreBefore: 0, score: 2 });
    expect((await commandEvents(api, subject)).map((e) => e.name)).toEqual([
      'post.created',
      'post.voted',
      'post.voted',
      'post.voted',
      'post.voted',
      'post.voted',
    ]);
  });

  it('acceptAnswer records answer.accepted (with the solution it replaced) and unacceptAnswer answer.unaccepted', async () => {
    const [asker, first, second] = await members(3);
    const thread = await buildThread(api, asker);
    const a = await buildReply(api, first, thread.id);
    const b = await buildReply(api, second, thread.id);
    const subject = `thread:${thread.id}`;

    let before = await lastEventId();
    expect((await ok(api.gql(ACCEPT, { id: a.id }, as(asker)))).acceptAnswer.status).toBe('ANSWERED');
    const accepted = await onlyEvent('answer.accepted', subject, before);
    expect(accepted).toMatchObject({
      actor_type: 'member',
      actor_id: Number(asker.id),
      related: [`post:${a.id}`, `member:${first.id}`],
    });
    expect(accepted.data).toEqual({
      threadId: Number(thread.id),
      postId: Number(a.id),
      answerAuthorId: Number(first.id),
      askerId: Number(asker.id),
      previousPostId: null,
    });
    expect(accepted.xid).toBe(await writtenBy('threads', 'id = $1', [thread.id]));

    before = await lastEventId();
    await ok(api.gql(ACCEPT, { id: b.id }, as(asker)));
    const replaced = await onlyEvent('answer.accepted', subject, before);
    expect(replaced.related).toEqual([`post:${b.id}`, `member:${second.id}`, `post:${a.id}`]);
    expect(replaced.data).toMatchObject({ postId: Number(b.id), previousPostId: Number(a.id) });
    expect(replaced.xid).toBe(await writtenBy('threads', 'id = $1', [thread.id]));

    before = await lastEventId();
    expect((await ok(api.gql(UNACCEPT, { id: thread.id }, as(asker)))).unacceptAnswer.status).toBe('OPEN');
    const unaccepted = await onlyEvent('answer.unaccepted', subject, before);
    expect(unaccepted).toMatchObject({
      actor_type: 'member',
      actor_id: Number(asker.id),
      related: [`post:${b.id}`, `member:${second.id}`],
    });
    expect(unaccepted.data).toEqual({
      threadId: Number(thread.id),
      postId: Number(b.id),
      answerAuthorId: Number(second.id),
    });
    expect(unaccepted.xid).toBe(await writtenBy('threads', 'id = $1', [thread.id]));
  });

  it('editPost records post.edited with the revision, what changed and the title before', async () => {
    const [asker, answerer] = await members(2);
    const oldTitle = `Sync stalls at 90 percent on the hub ${unique()}`;
    const thread = await buildThread(api, asker, { title: oldTitle });
    const questionId = thread.question.id;
    const newTitle = `Sync stalls at 99 percent on the hub ${unique()}`;

    let before = await lastEventId();
    await ok(api.gql(EDIT, { input: { postId: questionId, body: QUESTION_BODY, title: newTitle } }, as(asker)));
    const edited = await onlyEvent('post.edited', `post:${questionId}`, before);
    expect(edited).toMatchObject({
      actor_type: 'member',
      actor_id: Number(asker.id),
      related: [`thread:${thread.id}`, `member:${asker.id}`],
    });
    expect(edited.data).toEqual({
      postId: Number(questionId),
      threadId: Number(thread.id),
      authorId: Number(asker.id),
      isQuestion: true,
      revision: 2,
      changed: ['title'],
      before: { title: oldTitle },
    });
    expect(edited.xid).toBe(await writtenBy('post_revisions', 'post_id = $1 and revision = 2', [questionId]));

    // A moderator edits someone else's answer: the moderator acts, the author is the answerer.
    const reply = await buildReply(api, answerer, thread.id);
    before = await lastEventId();
    const body = `${REPLY_BODY} Then restart the hub once.`;
    await ok(api.gql(EDIT, { input: { postId: reply.id, body } }, as(moderator)));
    const answerEdit = await onlyEvent('post.edited', `post:${reply.id}`, before);
    expect(answerEdit).toMatchObject({ actor_type: 'member', actor_id: Number(moderator.id) });
    expect(answerEdit.data).toEqual({
      postId: Number(reply.id),
      threadId: Number(thread.id),
      authorId: Number(answerer.id),
      isQuestion: false,
      revision: 2,
      changed: ['body'],
      before: {},
    });
    expect(answerEdit.xid).toBe(await writtenBy('post_revisions', 'post_id = $1 and revision = 2', [reply.id]));
  });

  it('staffPick, deletePost, removePost and restorePost record post.staff_picked, post.deleted, post.removed and post.restored', async () => {
    const [asker, first, second] = await members(3);
    const thread = await buildThread(api, asker);
    const a = await buildReply(api, first, thread.id);
    const b = await buildReply(api, second, thread.id);
    const related = (m: TestMember) => [`thread:${thread.id}`, `member:${m.id}`];

    let before = await lastEventId();
    await ok(api.gql(PICK, { id: a.id }, as(moderator)));
    const picked = await onlyEvent('post.staff_picked', `post:${a.id}`, before);
    expect(picked).toMatchObject({ actor_type: 'member', actor_id: Number(moderator.id), related: related(first) });
    expect(picked.data).toEqual({ postId: Number(a.id), threadId: Number(thread.id), authorId: Number(first.id) });
    expect(picked.xid).toBe(await writtenBy('posts', 'id = $1', [a.id]));

    before = await lastEventId();
    expect((await ok(api.gql(DELETE, { id: b.id }, as(second)))).deletePost).toBe(true);
    const deleted = await onlyEvent('post.deleted', `post:${b.id}`, before);
    expect(deleted).toMatchObject({ actor_type: 'member', actor_id: Number(second.id), related: related(second) });
    expect(deleted.data).toEqual({
      postId: Number(b.id),
      threadId: Number(thread.id),
      authorId: Number(second.id),
      isQuestion: false,
      wasAccepted: false,
    });
    expect(deleted.xid).toBe(await writtenBy('posts', 'id = $1', [b.id]));

    await ok(api.gql(ACCEPT, { id: a.id }, as(asker)));
    before = await lastEventId();
    expect((await ok(api.gql(REMOVE, { input: { postId: a.id, reason: 'SPAM' } }, as(moderator)))).removePost).toBe(
      true,
    );
    const removed = await onlyEvent('post.removed', `post:${a.id}`, before);
    expect(removed).toMatchObject({ actor_type: 'member', actor_id: Number(moderator.id), related: related(first) });
    expect(removed.data).toEqual({
      postId: Number(a.id),
      threadId: Number(thread.id),
      authorId: Number(first.id),
      isQuestion: false,
      wasAccepted: true,
      reason: 'SPAM',
    });
    expect(removed.xid).toBe(await writtenBy('posts', 'id = $1', [a.id]));

    before = await lastEventId();
    await ok(api.gql(RESTORE, { id: a.id }, as(moderator)));
    const restored = await onlyEvent('post.restored', `post:${a.id}`, before);
    expect(restored).toMatchObject({ actor_type: 'member', actor_id: Number(moderator.id), related: related(first) });
    expect(restored.data).toEqual({
      postId: Number(a.id),
      threadId: Number(thread.id),
      authorId: Number(first.id),
      isQuestion: false,
    });
    expect(restored.xid).toBe(await writtenBy('posts', 'id = $1', [a.id]));
  });

  it('setThreadStatus records thread.status_changed from and to, only when the status changes', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker);
    const subject = `thread:${thread.id}`;
    const setStatus = (status: string) => api.gql(STATUS, { input: { threadId: thread.id, status } }, as(moderator));

    let before = await lastEventId();
    expect((await ok(setStatus('CLOSED'))).setThreadStatus.status).toBe('CLOSED');
    const closed = await onlyEvent('thread.status_changed', subject, before);
    expect(closed).toMatchObject({ actor_type: 'member', actor_id: Number(moderator.id), related: [] });
    expect(closed.data).toEqual({ threadId: Number(thread.id), from: 'OPEN', to: 'CLOSED' });
    expect(closed.xid).toBe(await writtenBy('threads', 'id = $1', [thread.id]));

    // The same status again changes nothing, and ANSWERED is refused: no event for either.
    before = await lastEventId();
    expect((await ok(setStatus('CLOSED'))).setThreadStatus.status).toBe('CLOSED');
    expect((await setStatus('ANSWERED')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(
      await api.sql(
        `select name from domain_events where subject = $1 and id > $2::bigint and name not in ('badge.awarded', 'thread.routed')`,
        [subject, before],
      ),
    ).toEqual([]);

    await ok(setStatus('LOCKED'));
    before = await lastEventId();
    expect((await ok(setStatus('OPEN'))).setThreadStatus.status).toBe('OPEN');
    const reopened = await onlyEvent('thread.status_changed', subject, before);
    expect(reopened.data).toEqual({ threadId: Number(thread.id), from: 'LOCKED', to: 'OPEN' });
  });

  it('register records member.registered with the new member as its actor', async () => {
    const member = await buildMember(api, { reputation: 0 });
    const registered = await onlyEvent('member.registered', `member:${member.id}`);
    expect(registered).toMatchObject({
      actor_type: 'member',
      actor_id: Number(member.id),
      actor_label: null,
      related: [],
      data: { memberId: Number(member.id), handle: member.handle },
    });
    expect(registered.xid).toBe(await writtenBy('members', 'id = $1', [member.id]));
  });

  it('grantAdvocate records advocate.granted (with its categories) and adjustReputation reputation.adjusted', async () => {
    const member = await buildMember(api, { reputation: 0 });
    const subject = `member:${member.id}`;
    let before = await lastEventId();
    const reason = 'Answers hub questions carefully';
    await ok(api.gql(GRANT, { input: { memberId: member.id, reason } }, as(moderator)));
    const granted = await onlyEvent('advocate.granted', subject, before);
    expect(granted).toMatchObject({ actor_type: 'member', actor_id: Number(moderator.id), related: [] });
    expect(granted.data).toEqual({ memberId: Number(member.id), reason, categoryIds: null });
    expect(granted.xid).toBe(
      await writtenBy('advocate_changes', 'id = (select max(id) from advocate_changes where member_id = $1)', [
        member.id,
      ]),
    );

    const categoryId = await firstCategoryId(api);
    before = await lastEventId();
    await ok(api.gql(GRANT, { input: { memberId: member.id, reason, categoryIds: [categoryId] } }, as(moderator)));
    const scoped = await onlyEvent('advocate.granted', subject, before);
    expect(scoped.related).toEqual([`category:${categoryId}`]);
    expect(scoped.data).toEqual({ memberId: Number(member.id), reason, categoryIds: [Number(categoryId)] });

    before = await lastEventId();
    const input = { memberId: member.id, points: 42, reason: 'Imported from the old forum', idempotencyKey: unique() };
    expect((await ok(api.gql(ADJUST, { input }, as(admin)))).adjustReputation.reputation).toBe(42);
    const adjusted = await onlyEvent('reputation.adjusted', subject, before);
    expect(adjusted).toMatchObject({ actor_type: 'member', actor_id: Number(admin.id), related: [] });
    const [ledger] = await api.sql<{ id: string }>(
      `select id::text from reputation_events where member_id = $1 and kind = 'ADJUSTMENT'`,
      [member.id],
    );
    expect(adjusted.data).toEqual({
      memberId: Number(member.id),
      points: 42,
      reason: 'Imported from the old forum',
      ledgerEventId: ledger!.id,
    });
    expect(adjusted.xid).toBe(await writtenBy('reputation_events', 'id = $1', [ledger!.id]));
    // A retry with the same key writes nothing more: no second event.
    await ok(api.gql(ADJUST, { input }, as(admin)));
    expect((await commandEvents(api, subject)).filter((e) => e.name === 'reputation.adjusted')).toHaveLength(1);
  });

  it('a refused command writes no event', async () => {
    const [asker, answerer, voter, bystander] = await members(4);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    await ok(vote(voter, reply.id, 'UP'));
    await ok(api.gql(ACCEPT, { id: reply.id }, as(asker)));
    const actors = [asker, answerer, voter, bystander, moderator, admin].map((m) => Number(m.id));
    const count = async () =>
      (
        await api.sql<{ n: number }>(
          `select count(*)::int as n from domain_events where actor_type = 'member' and actor_id = any($1::bigint[])`,
          [actors],
        )
      )[0]!.n;
    const before = await count();
    const refusals: [Promise<{ errors?: { extensions: Record<string, any> }[] }>, string][] = [
      [vote(answerer, reply.id, 'UP'), 'FORBIDDEN'], // own post
      [vote(voter, reply.id, 'UP'), 'CONFLICT'], // again: refused inside the transaction
      [vote(bystander, reply.id, 'NONE'), 'CONFLICT'], // nothing to take back
      [api.gql(ACCEPT, { id: reply.id }, as(asker)), 'CONFLICT'],
      [api.gql(ACCEPT, { id: reply.id }, as(bystander)), 'FORBIDDEN'],
      [
        api.gql(
          ASK,
          { input: { categoryId: await firstCategoryId(api), title: 'Too short', body: QUESTION_BODY, tags: [] } },
          as(asker),
        ),
        'BAD_USER_INPUT',
      ],
      [api.gql(EDIT, { input: { postId: reply.id, body: REPLY_BODY } }, as(answerer)), 'BAD_USER_INPUT'], // no change
      [api.gql(REMOVE, { input: { postId: reply.id, reason: 'SPAM' } }, as(bystander)), 'FORBIDDEN'],
      [api.gql(RESTORE, { id: reply.id }, as(moderator)), 'CONFLICT'], // not deleted
      [api.gql(PICK, { id: reply.id }, as(bystander)), 'FORBIDDEN'],
      [api.gql(GRANT, { input: { memberId: bystander.id, reason: 'x' } }, as(moderator)), 'BAD_USER_INPUT'],
      [
        api.gql(ADJUST, { input: { memberId: bystander.id, points: 0, reason: 'nothing' } }, as(admin)),
        'BAD_USER_INPUT',
      ],
      [
        api.gql(ADJUST, { input: { memberId: bystander.id, points: 5, reason: 'not mine' } }, as(moderator)),
        'FORBIDDEN',
      ],
    ];
    for (const [request, code] of refusals) {
      expect((await request).errors?.[0]?.extensions.code).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('recorded events cannot be updated or deleted', async () => {
    const member = await buildMember(api, { reputation: 0 });
    const event = await onlyEvent('member.registered', `member:${member.id}`);
    await expect(
      api.sql(`update domain_events set data = '{"handle":"forged"}' where id = $1`, [event.id]),
    ).rejects.toThrow('domain events are immutable');
    await expect(api.sql('delete from domain_events where id = $1', [event.id])).rejects.toThrow(
      'domain events are immutable',
    );
    await expect(api.sql(`update domain_events set name = 'member.forged' where true`)).rejects.toThrow(
      'domain events are immutable',
    );
    expect(await onlyEvent('member.registered', `member:${member.id}`)).toEqual(event);
  });
});

/** A subscriber of this test's own, over the test API's ORM, drained by hand. */
async function testSubscriber(
  events: readonly string[],
  opts: { batchSize?: number; fails?: (e: DomainEvent) => boolean } = {},
) {
  const seen: DomainEvent[] = [];
  const attempts = new Map<string, number>();
  const sub: SubscriberDefinition<Services> = {
    name: `test.${unique()}`,
    events: events as EventName[],
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    handle: async (batch) => {
      for (const e of batch) attempts.set(e.id, (attempts.get(e.id) ?? 0) + 1);
      const bad = batch.find((e) => opts.fails?.(e));
      if (bad) throw new Error(`test handler refuses event ${bad.id}`);
      seen.push(...batch);
    },
  };
  const subscribers = new EventSubscribers(api.app.services.orm, [sub], { work: false, pollMs: 50 });
  await subscribers.install();
  /** Delivers batches until one comes back short (everything below the horizon was read). */
  const drainNow = async () => {
    for (let batches = 0; await subscribers.deliverBatch(sub, api.app.services); batches++) {
      if (batches > 10_000) throw new Error('the subscriber never drained');
    }
  };
  /**
   * Waits until every event committed so far is below the horizon, then drains. The horizon is
   * the cluster's oldest running transaction, and other test files run transactions of their
   * own on this cluster at the same time.
   */
  const drain = async () => {
    await vi.waitFor(
      async () => {
        const [row] = await api.sql<{ settled: boolean }>(
          `select coalesce(max(tx) < pg_snapshot_xmin(pg_current_snapshot()), true) as settled from domain_events`,
        );
        expect(row!.settled).toBe(true);
      },
      { timeout: 10_000, interval: 20 },
    );
    await drainNow();
  };
  const position = async () =>
    (
      await api.sql<{ handled: number }>('select handled::int from event_subscriptions where subscriber = $1', [
        sub.name,
      ])
    )[0]!;
  return { sub, subscribers, seen, attempts, drain, drainNow, position };
}

/** Records one event of `kind` in a committed transaction of its own; returns its id. */
async function record(kind: string, data: Record<string, unknown>): Promise<string> {
  const [row] = await api.sql<{ id: string }>(
    `insert into domain_events (name, actor_type, actor_label, subject, data)
     values ($1, 'system', 'test', 'member:1', $2::jsonb) returning id::text`,
    [kind, JSON.stringify(data)],
  );
  return row!.id;
}

const COMMUNITY_KINDS = ['thread.created', 'post.created', 'post.voted', 'answer.accepted'] as const;

describe('delivery to subscribers', () => {
  it('delivers each event of its kinds once per subscriber, in order, after commit; a second drain delivers nothing', async () => {
    const [asker, answerer] = await members(2);
    const first = await testSubscriber(COMMUNITY_KINDS);
    const second = await testSubscriber(COMMUNITY_KINDS);

    // One member's sequential actions (and a reply in between).
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    await ok(vote(asker, reply.id, 'UP'));
    await ok(api.gql(ACCEPT, { id: reply.id }, as(asker)));
    await ok(api.gql(EDIT, { input: { postId: reply.id, body: `${REPLY_BODY} Edited.` } }, as(answerer))); // not a kind

    await first.drain();
    const ofThread = (s: DomainEvent[]) =>
      s.filter((e) => (e.data as { threadId?: number }).threadId === Number(thread.id));
    const mine = ofThread(first.seen);
    expect(mine.map((e) => e.name)).toEqual(['thread.created', 'post.created', 'post.voted', 'answer.accepted']);
    const ids = mine.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(mine[2]).toMatchObject({
      name: 'post.voted',
      actor: { type: 'member', id: Number(asker.id), label: null },
      subject: `post:${reply.id}`,
      related: [`thread:${thread.id}`, `member:${answerer.id}`],
      data: { postId: Number(reply.id), value: 1, previous: 0, scoreBefore: 0, score: 1 },
    });
    expect(mine[2]!.occurredAt).toBeInstanceOf(Date);

    // Exactly once, none skipped: what it saw is every event of its kinds it has passed.
    const seenIds = first.seen.map((e) => e.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    const passed = await api.sql<{ id: string }>(
      `select e.id::text from domain_events e, event_subscriptions s
        where s.subscriber = $1 and (e.tx, e.id) <= (s.position_tx, s.position_id) and e.name = any($2::text[])
        order by e.tx, e.id`,
      [first.sub.name, COMMUNITY_KINDS],
    );
    expect(seenIds).toEqual(passed.map((r) => r.id));
    expect(first.seen.every((e) => (COMMUNITY_KINDS as readonly string[]).includes(e.name))).toBe(true);
    expect((await first.position()).handled).toBe(first.seen.length);

    const delivered = first.seen.length;
    const calls = [...first.attempts.values()].reduce((a, b) => a + b, 0);
    await first.drain();
    expect(first.seen).toHaveLength(delivered);
    expect([...first.attempts.values()].reduce((a, b) => a + b, 0)).toBe(calls);

    // Another subscriber has a position of its own: it receives the same events, once.
    await second.drain();
    expect(ofThread(second.seen).map((e) => e.id)).toEqual(mine.map((e) => e.id));
    await second.drain();
    expect(ofThread(second.seen)).toHaveLength(4);
  });

  it('replay delivers again from an event on, and only from there', async () => {
    const [asker, answerer] = await members(2);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, answerer, thread.id);
    const { sub, subscribers, seen, drain } = await testSubscriber(COMMUNITY_KINDS, { batchSize: 2 });
    await ok(vote(asker, reply.id, 'UP'));
    await ok(api.gql(ACCEPT, { id: reply.id }, as(asker)));
    await drain();
    const ofThread = () => seen.filter((e) => (e.data as { threadId?: number }).threadId === Number(thread.id));
    expect(ofThread().map((e) => e.name)).toEqual(['thread.created', 'post.created', 'post.voted', 'answer.accepted']);
    const voted = ofThread()[2]!;

    const before = seen.length;
    await subscribers.replay(sub.name, voted.id);
    await drain();
    const again = seen.slice(before);
    expect(again.map((e) => e.id)).toEqual(
      ofThread()
        .slice(2, 4)
        .map((e) => e.id),
    );
    expect(again.map((e) => e.name)).toEqual(['post.voted', 'answer.accepted']);
    await drain();
    expect(seen).toHaveLength(before + 2);

    await expect(subscribers.replay('test.nobody', voted.id)).rejects.toThrow('Unknown event subscriber test.nobody');
  });

  it('an event whose handler keeps failing is parked after 3 attempts and the subscriber moves past it', async () => {
    const kind = `test_${letters()}.thing`;
    const t = await testSubscriber([kind], { fails: (e) => (e.data as { bad?: boolean }).bad === true });
    const ok1 = await record(kind, { n: 1 });
    const bad = await record(kind, { n: 2, bad: true });
    const ok3 = await record(kind, { n: 3 });
    await t.drain();
    expect(t.seen.map((e) => e.id)).toEqual([ok1, ok3]);
    // Once in the failed batch, then three times on its own.
    expect(t.attempts.get(bad)).toBe(4);
    const failures = await api.sql<{ event_id: string; attempts: number; error: string }>(
      'select event_id::text, attempts, error from event_failures where subscriber = $1',
      [t.sub.name],
    );
    expect(failures).toEqual([
      { event_id: bad, attempts: 3, error: expect.stringContaining(`test handler refuses event ${bad}`) },
    ]);
    const [status] = await t.subscribers.status(api.app.services.orm.em.fork());
    expect(status).toMatchObject({ subscriber: t.sub.name, backlog: 0, failures: 1, handled: 3 });

    // Passed for good: later events arrive, the parked one is not tried again.
    const ok4 = await record(kind, { n: 4 });
    await t.drain();
    expect(t.seen.map((e) => e.id)).toEqual([ok1, ok3, ok4]);
    expect(t.attempts.get(bad)).toBe(4);
  });

  it('a failing event alone in its batch is parked too, and the events after it are delivered', async () => {
    const kind = `test_${letters()}.thing`;
    const t = await testSubscriber([kind], { batchSize: 1, fails: (e) => (e.data as { bad?: boolean }).bad === true });
    const ok1 = await record(kind, { n: 1 });
    const bad = await record(kind, { n: 2, bad: true });
    const ok3 = await record(kind, { n: 3 });
    // Each batch holds one event: the bad one must still be parked rather than stop the subscriber.
    for (let i = 0; i < 5; i++) await t.drain().catch(() => {});
    expect(t.seen.map((e) => e.id)).toEqual([ok1, ok3]);
    const failures = await api.sql<{ event_id: string; attempts: number }>(
      'select event_id::text, attempts from event_failures where subscriber = $1',
      [t.sub.name],
    );
    expect(failures).toEqual([{ event_id: bad, attempts: 3 }]);
  });

  it('transaction ids are ordered as numbers where they gain a digit (99 → 100): none skipped, none twice', async () => {
    // Four committed events of long-finished transactions 98, 99, 100 and 101 (as a backlog
    // reads them when xids cross a power of ten). As text, '100' < '101' < '98' < '99'.
    const kind = `test_${letters()}.thing`;
    const ids: string[] = [];
    for (const [n, tx] of [98, 99, 100, 101].entries()) {
      const [row] = await api.sql<{ id: string }>(
        `insert into domain_events (name, tx, actor_type, actor_label, subject, data)
         values ($1, $2::text::xid8, 'system', 'test', 'member:1', $3::jsonb) returning id::text`,
        [kind, tx, JSON.stringify({ n })],
      );
      ids.push(row!.id);
    }
    const t = await testSubscriber([kind], { batchSize: 2 });
    await t.drain();
    expect(t.seen.map((e) => e.id)).toEqual(ids);
  });

  it('an event recorded in a transaction that rolls back is never delivered', async () => {
    const kind = `test_${letters()}.thing`;
    const t = await testSubscriber([kind]);
    await expect(
      api.app.services.orm.em.fork().transactional(async (tx) => {
        await recordEvent(tx, systemActor('test'), {
          name: kind as EventName,
          subject: 'member:1',
          data: { n: 1 } as never,
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await api.sql('select id from domain_events where name = $1', [kind])).toEqual([]);

    await api.app.services.orm.em.fork().transactional(async (tx) => {
      await recordEvent(tx, systemActor('test'), {
        name: kind as EventName,
        subject: 'member:1',
        data: { n: 2 } as never,
      });
    });
    await t.drain();
    expect(t.seen).toEqual([
      expect.objectContaining({
        name: kind,
        actor: { type: 'system', id: null, label: 'test' },
        subject: 'member:1',
        related: [],
        data: { n: 2 },
      }),
    ]);
  });

  describe('the horizon of running transactions', () => {
    async function openTransaction() {
      const client = new pg.Client({ connectionString: api.app.database.url });
      await client.connect();
      await client.query('begin');
      return client;
    }
    const insert = (client: pg.Client, kind: string, n: number) =>
      client
        .query<{ id: string }>(
          `insert into domain_events (name, actor_type, actor_label, subject, data)
           values ($1, 'system', 'test', 'member:1', $2::jsonb) returning id::text`,
          [kind, JSON.stringify({ n })],
        )
        .then((r) => r.rows[0]!.id);

    it('an event committed after a still-running transaction’s event waits for it; then both arrive, none skipped', async () => {
      const kind = `test_${letters()}.thing`;
      const t = await testSubscriber([kind]);
      const client = await openTransaction();
      try {
        const early = await insert(client, kind, 1);
        const late = await record(kind, { n: 2 }); // committed, with a later transaction id
        expect(Number(late)).toBeGreaterThan(Number(early));
        await t.drainNow();
        expect(t.seen).toEqual([]); // neither: everything at or above the horizon waits
        await t.drainNow();
        expect(t.seen).toEqual([]);
        await client.query('commit');
        await vi.waitFor(
          async () => {
            await t.drainNow();
            expect(t.seen.map((e) => [e.id, (e.data as unknown as { n: number }).n])).toEqual([
              [early, 1],
              [late, 2],
            ]);
          },
          { timeout: 10_000, interval: 50 },
        );
      } finally {
        await client.end();
      }
      await t.drain();
      expect(t.seen).toHaveLength(2);
    });

    it('delivery follows transaction order, not id order: an older transaction’s later insert is not skipped', async () => {
      const kind = `test_${letters()}.thing`;
      const t = await testSubscriber([kind]);
      const client = await openTransaction();
      try {
        await client.query('select pg_current_xact_id()'); // the older transaction
        const committed = await record(kind, { n: 1 }); // a newer one commits first
        const straggler = await insert(client, kind, 2); // the older one inserts later: a higher id
        expect(Number(straggler)).toBeGreaterThan(Number(committed));
        await t.drainNow();
        expect(t.seen).toEqual([]);
        await client.query('commit');
        await vi.waitFor(
          async () => {
            await t.drainNow();
            expect(t.seen.map((e) => e.id)).toEqual([straggler, committed]);
          },
          { timeout: 10_000, interval: 50 },
        );
      } finally {
        await client.end();
      }
    });
  });
});

const EVENTS = `query($filter: EventLogFilterInput, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id name actorType actorLabel actor { id handle } subject related data occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface EventNode {
  id: string;
  name: string;
  actorType: string;
  actorLabel: string | null;
  actor: { id: string; handle: string } | null;
  subject: string;
  related: string[];
  data: Record<string, unknown>;
  occurredAt: string;
}

describe('the event log over GraphQL', () => {
  let asker: TestMember;
  let answerer: TestMember;
  let voter: TestMember;
  let thread: Awaited<ReturnType<typeof buildThread>>;
  let reply: { id: string };
  beforeAll(async () => {
    [asker, answerer, voter] = await members(3);
    thread = await buildThread(api, asker);
    reply = await buildReply(api, answerer, thread.id);
    await ok(vote(voter, reply.id, 'UP'));
    await ok(api.gql(ACCEPT, { id: reply.id }, as(asker)));
    await badgesDrained(api);
  });

  const events = (
    filter: Record<string, unknown> | null,
    first?: number,
    after?: string,
    by: TestMember | null = moderator,
  ) => api.gql(EVENTS, { filter, first, after }, by ? as(by) : {});
  async function nodes(filter: Record<string, unknown> | null, by: TestMember = moderator): Promise<EventNode[]> {
    const res = await events(filter, 100, undefined, by);
    expect(res.errors).toBeUndefined();
    expect(res.data.events.pageInfo.hasNextPage).toBe(false);
    return res.data.events.edges.map((e: { node: EventNode }) => e.node);
  }

  it('staff read a thread’s life by subject: its events and its posts’, newest first', async () => {
    const subject = `thread:${thread.id}`;
    const list = await nodes({ subject });
    const expected = await api.sql<{ id: string; name: string }>(
      `select e.id::text as id, e.name from domain_events e
        where e.subject = $1 or e.related @> array[$1] order by e.id desc`,
      [subject],
    );
    expect(list.map((e) => [e.id, e.name])).toEqual(expected.map((e) => [e.id, e.name]));
    // Subscribers' own events (badges, the knowledge draft, routing) land when they run.
    const subscribers = ['badge.awarded', 'article.created', 'thread.routed'];
    expect(list.map((e) => e.name).filter((n) => !subscribers.includes(n))).toEqual([
      'answer.accepted',
      'post.voted',
      'post.created',
      'thread.created',
    ]);
    // The badges the thread earned are in its log too (recorded by the badge subscriber).
    expect(
      list
        .filter((e) => e.name === 'badge.awarded')
        .map((e) => e.data.badge)
        .sort(),
    ).toEqual(['first-answer', 'first-question', 'quick-draw', 'solution'].sort());
    const byName = new Map(list.map((e) => [e.name, e]));
    expect(byName.get('post.voted')).toEqual({
      id: expect.any(String),
      name: 'post.voted',
      actorType: 'member',
      actorLabel: null,
      actor: { id: voter.id, handle: voter.handle },
      subject: `post:${reply.id}`,
      related: [subject, `member:${answerer.id}`],
      data: {
        postId: Number(reply.id),
        threadId: Number(thread.id),
        authorId: Number(answerer.id),
        value: 1,
        previous: 0,
        scoreBefore: 0,
        score: 1,
      },
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(byName.get('badge.awarded')).toMatchObject({ actorType: 'system', actorLabel: 'badges', actor: null });
    const ids = list.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
  });

  it('pages with cursors, newest first, without gaps or repeats', async () => {
    const subject = `thread:${thread.id}`;
    const all = await nodes({ subject });
    expect(all.length).toBeGreaterThan(4);
    const paged: EventNode[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await events({ subject }, 2, after);
      expect(res.errors).toBeUndefined();
      const edges = res.data.events.edges as { cursor: string; node: EventNode }[];
      expect(edges.length).toBeLessThanOrEqual(2);
      paged.push(...edges.map((e) => e.node));
      expect(res.data.events.pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      if (!res.data.events.pageInfo.hasNextPage) break;
      after = res.data.events.pageInfo.endCursor;
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect((await events({ subject }, 2, 'not-a-cursor')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await events({ subject }, 101)).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('filters by actor and by kinds, alone and together', async () => {
    // Everything the asker did: registering, asking, accepting.
    expect((await nodes({ actorId: asker.id })).map((e) => [e.name, e.subject])).toEqual([
      ['answer.accepted', `thread:${thread.id}`],
      ['thread.created', `thread:${thread.id}`],
      ['member.registered', `member:${asker.id}`],
    ]);
    expect((await nodes({ actorId: voter.id, kinds: ['post.voted'] })).map((e) => e.subject)).toEqual([
      `post:${reply.id}`,
    ]);
    expect(
      (await nodes({ subject: `thread:${thread.id}`, kinds: ['answer.accepted', 'post.voted'] })).map((e) => e.name),
    ).toEqual(['answer.accepted', 'post.voted']);
    // About a member: what they did to others does not count, what concerns them does.
    expect(
      (await nodes({ subject: `member:${answerer.id}`, kinds: ['post.created', 'post.voted', 'answer.accepted'] })).map(
        (e) => e.name,
      ),
    ).toEqual(['answer.accepted', 'post.voted', 'post.created']);

    const accepted = await nodes({ kinds: ['answer.accepted'] });
    const [count] = await api.sql<{ n: number }>(
      `select count(*)::int as n from domain_events where name = 'answer.accepted'`,
    );
    expect(accepted.length).toBe(Math.min(100, count!.n));
    expect(accepted.every((e) => e.name === 'answer.accepted')).toBe(true);
    expect(await nodes({ kinds: ['nothing.happened'] })).toEqual([]);
  });

  it('members and visitors are FORBIDDEN; malformed filters are BAD_USER_INPUT', async () => {
    for (const by of [asker, null]) {
      const res = await events({ subject: `thread:${thread.id}` }, 10, undefined, by);
      expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
      const subs = await api.gql(`{ eventSubscribers { subscriber } }`, {}, by ? as(by) : {});
      expect(subs.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    for (const subject of ['thread12', 'Thread:1', 'thread:abc', 'thread:', `thread:${thread.id} or 1=1`, ':1']) {
      const res = await events({ subject });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { subject: expect.any(String) },
      });
    }
    expect((await events({ kinds: ['post'] })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await events({ kinds: ["post.voted'); drop table domain_events; --"] })).errors?.[0]?.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await events({ actorId: 'abc' })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('replayEvents is for administrators and refuses unknown subscribers', async () => {
    const REPLAY = `mutation($s: String!, $from: ID!) { replayEvents(subscriber: $s, fromEventId: $from) }`;
    const [accepted] = await api.sql<{ id: string }>(
      `select id::text from domain_events where name = 'answer.accepted' and subject = $1`,
      [`thread:${thread.id}`],
    );
    const replay = (by: TestMember | null, s: string, from = accepted!.id) =>
      api.gql(REPLAY, { s, from }, by ? as(by) : {});
    expect((await replay(moderator, 'badges.award')).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await replay(asker, 'badges.award')).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await replay(null, 'badges.award')).errors?.[0]?.extensions.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    expect((await replay(admin, 'badges.nobody')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { subscriber: 'No subscriber is called badges.nobody.' },
    });
    expect((await replay(admin, 'badges.award', 'abc')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    const awards = () =>
      api.sql('select badge, post_id from badge_awards where member_id = $1 order by id', [answerer.id]);
    const before = await awards();
    const [{ handled }] = await api.sql('select handled::int from event_subscriptions where subscriber = $1', [
      'badges.award',
    ]);
    const res = await replay(admin, 'badges.award');
    expect(res.errors).toBeUndefined();
    expect(res.data.replayEvents).toBe(true);
    // Delivered again (the handled count grows), and the idempotent badges award nothing twice.
    await vi.waitFor(
      async () => {
        const [row] = await api.sql('select handled::int from event_subscriptions where subscriber = $1', [
          'badges.award',
        ]);
        expect(row.handled).toBeGreaterThan(handled);
      },
      { timeout: 10_000, interval: 100 },
    );
    await badgesDrained(api);
    expect(await awards()).toEqual(before);
  });
});

describe('a backlog', () => {
  it(
    '10,000 vote events are passed by the badge subscriber in under a minute, awarding what they earn',
    { timeout: 120_000 },
    async () => {
      const voter = await buildMember(bulk);
      const askers = await Promise.all(Array.from({ length: 3 }, () => buildMember(bulk)));
      const answerers = await Promise.all(Array.from({ length: 3 }, () => buildMember(bulk)));
      const answers: { postId: number; threadId: number; authorId: number }[] = [];
      for (const [i, asker] of askers.entries()) {
        const thread = await buildThread(bulk, asker);
        const reply = await buildReply(bulk, answerers[i]!, thread.id);
        answers.push({ postId: Number(reply.id), threadId: Number(thread.id), authorId: Number(answerers[i]!.id) });
      }
      // The answers stand at 10 (as the votes below say), so their events earn Nice Answer.
      await bulk.sql('update posts set up_votes = 10, score = 10 where id = any($1::int[])', [
        answers.map((a) => a.postId),
      ]);
      await badgesDrained(bulk);
      const [{ handled: handledBefore }] = await bulk.sql<{ handled: number }>(
        `select handled::int from event_subscriptions where subscriber = 'badges.award'`,
      );

      const started = performance.now();
      const inserted = await bulk.sql<{ id: string }>(
        `insert into domain_events (name, actor_type, actor_id, subject, related, data)
       select 'post.voted', 'member', $1::bigint, 'post:' || a.post_id, array['thread:' || a.thread_id, 'member:' || a.author_id],
              jsonb_build_object('postId', a.post_id, 'threadId', a.thread_id, 'authorId', a.author_id,
                                 'value', 1, 'previous', 0, 'scoreBefore', 9, 'score', 10)
         from generate_series(0, 9999) g
         join (select * from unnest($2::int[], $3::int[], $4::int[]) with ordinality as a(post_id, thread_id, author_id, n)) a
           on a.n = g % 3 + 1
       returning id::text`,
        [voter.id, answers.map((a) => a.postId), answers.map((a) => a.threadId), answers.map((a) => a.authorId)],
      );
      expect(inserted).toHaveLength(10_000);
      await badgesDrained(bulk, 60_000);
      const elapsed = performance.now() - started;
      console.log(`badges.award passed 10,000 post.voted events in ${Math.round(elapsed)} ms`);
      expect(elapsed).toBeLessThan(60_000);

      const [position] = await bulk.sql<{ passed: boolean; handled: number }>(
        `select (s.position_tx, s.position_id) >= (e.tx, e.id) as passed, s.handled::int as handled
         from event_subscriptions s, domain_events e
        where s.subscriber = 'badges.award' and e.id = $1::bigint`,
        [inserted.at(-1)!.id],
      );
      expect(position).toEqual({ passed: true, handled: handledBefore + 10_000 });
      expect(await bulk.sql(`select subscriber, count(*)::int as n from event_failures group by subscriber`)).toEqual(
        [],
      );
      const nice = await bulk.sql<{ member_id: number; post_id: number }>(
        `select member_id, post_id from badge_awards where badge = 'nice-answer' order by post_id`,
      );
      expect(nice).toEqual(answers.map((a) => ({ member_id: a.authorId, post_id: a.postId })));

      const staff = await buildMember(bulk, { role: 'MODERATOR' });
      const res = await bulk.gql(
        `{ eventSubscribers { subscriber events positionId handled backlog failures updatedAt lagP50Ms lagP99Ms lagSamples } }`,
        {},
        as(staff),
      );
      expect(res.errors).toBeUndefined();
      const status = res.data.eventSubscribers.find((s: { subscriber: string }) => s.subscriber === 'badges.award');
      expect(status).toMatchObject({ events: [...awardBadges.events], backlog: 0, failures: 0 });
      expect(status.handled).toBe(handledBefore + 10_000);
      expect(status.lagSamples).toBeGreaterThanOrEqual(10_000 * 0.9);
      expect(status.lagSamples).toBeLessThanOrEqual(10_000);
      expect(status.lagP50Ms).toEqual(expect.any(Number));
      expect(status.lagP50Ms).toBeGreaterThanOrEqual(0);
      expect(status.lagP99Ms).toBeGreaterThanOrEqual(status.lagP50Ms);
      expect(status.lagP99Ms).toBeLessThan(60_000);
      console.log(
        `badges.award lag: p50 ${status.lagP50Ms} ms, p99 ${status.lagP99Ms} ms over ${status.lagSamples} samples`,
      );
    },
  );

  it('eventSubscribers reports the last event a caught-up subscriber has passed as its position', async () => {
    const staff = await buildMember(bulk, { role: 'MODERATOR' });
    const member = await buildMember(bulk);
    await buildThread(bulk, member);
    await badgesDrained(bulk);
    const [last] = await bulk.sql<{ id: string }>(
      `select max(id)::text as id from domain_events where name = any($1::text[])`,
      [awardBadges.events],
    );
    const res = await bulk.gql(`{ eventSubscribers { subscriber positionId backlog } }`, {}, as(staff));
    expect(res.errors).toBeUndefined();
    const status = res.data.eventSubscribers.find((s: { subscriber: string }) => s.subscriber === 'badges.award');
    expect(status.backlog).toBe(0);
    expect(Number(status.positionId)).toBeGreaterThanOrEqual(Number(last!.id));
  });
});

describe('delivery under failure and replay', () => {
  it('a failure of the database itself parks nothing: the delivery rolls back and is tried again', async () => {
    const kind = `test_${letters()}.thing`;
    let failing = true;
    const t = await testSubscriber([kind], {
      fails: () => {
        if (!failing) return false;
        throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      },
    });
    const id = await record(kind, { n: 1 });
    await expect(t.drain()).rejects.toThrow('could not serialize access');
    expect(await api.sql('select 1 from event_failures where subscriber = $1', [t.sub.name])).toEqual([]);
    expect((await t.position()).handled).toBe(0);
    failing = false;
    await t.drain();
    expect(t.seen.map((e) => e.id)).toEqual([id]);
  });

  it("a handler's RetryLaterError (its service is down) parks nothing, however often it is tried", async () => {
    const kind = `test_${letters()}.thing`;
    let down = true;
    const t = await testSubscriber([kind], {
      fails: () => {
        if (down) throw new RetryLaterError('search server unreachable');
        return false;
      },
    });
    const id = await record(kind, { n: 1 });
    for (let i = 0; i < 5; i++) await expect(t.drain()).rejects.toThrow('search server unreachable');
    expect(t.attempts.get(id)).toBe(5); // never split into per-event attempts that could park it
    expect(await api.sql('select 1 from event_failures where subscriber = $1', [t.sub.name])).toEqual([]);
    expect((await t.position()).handled).toBe(0);
    down = false;
    await t.drain();
    expect(t.seen.map((e) => e.id)).toEqual([id]);
  });

  it('a running loop pauses longer after each retry-later failure, and commits do not cut the pause short', async () => {
    const kind = `test_${letters()}.thing`;
    let down = true;
    const attemptsAt: number[] = [];
    const seen: string[] = [];
    const sub: SubscriberDefinition<Services> = {
      name: `test.${unique()}`,
      events: [kind as EventName],
      handle: async (batch) => {
        attemptsAt.push(Date.now());
        if (down) throw new RetryLaterError('search server unreachable');
        seen.push(...batch.map((e) => e.id));
      },
    };
    const loops = new EventSubscribers(api.app.services.orm, [sub], { work: true, pollMs: 20 });
    await loops.install();
    const id = await record(kind, { n: 1 });
    const started = Date.now();
    loops.start(api.app.services);
    try {
      await vi.waitFor(() => expect(attemptsAt.length).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 10 });
      // A write load while it is down: each commit nudges the loops, none may cause a retry.
      while (Date.now() - started < 2_500) {
        loops.nudge();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      // Pauses of 1 s, then 2 s: three attempts at most in 2.5 s (a retry per nudge would be ~100).
      expect(attemptsAt.length).toBeGreaterThanOrEqual(2);
      expect(attemptsAt.length).toBeLessThanOrEqual(3);
      const gaps = attemptsAt.slice(1).map((at, i) => at - attemptsAt[i]!);
      expect(gaps[0]).toBeGreaterThanOrEqual(950);
      down = false;
      await vi.waitFor(() => expect(seen).toEqual([id]), { timeout: 10_000, interval: 20 });
      expect(await api.sql('select 1 from event_failures where subscriber = $1', [sub.name])).toEqual([]);
    } finally {
      await loops.stop();
    }
  });

  it('a replay never moves a subscriber forward past events it has not handled', async () => {
    const kind = `test_${letters()}.thing`;
    const t = await testSubscriber([kind]);
    const first = await record(kind, { n: 1 });
    const second = await record(kind, { n: 2 });
    // Still behind both: a replay "from" the second must keep the first.
    await t.subscribers.replay(t.sub.name, second);
    await t.drain();
    expect(t.seen.map((e) => e.id)).toEqual([first, second]);
  });
});
