import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../api/src/seed/demo.js';
import { caughtUp } from '../support/events.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// The demo community (npm start on first run) is written through the real commands, so it must
// keep working as rules tighten: voters need the upvote privilege, tags the create-tags one.
// The API runs with production abuse limits on (the seed's own scopes switch them off).
let api: TestApi;
beforeAll(async () => {
  // As `npm start` does: workers start after the seed, which rewrites timestamps badge rules read.
  api = await startTestApi({ ABUSE_LIMITS: '{}' }, { startWorkers: false });
  await seedDemo(api.app.services);
  await api.app.startWorkers();
}, 120_000);
afterAll(() => api?.close());

describe('demo seed', () => {
  it('builds a consistent community with reputation, badges, a staff pick, an advocate and the advocates’ lounge', async () => {
    const [counts] = await api.sql(
      `select (select count(*) from members)::int as members, (select count(*) from threads)::int as threads,
              (select count(*) from badge_awards)::int as awards,
              (select count(*) from members where is_advocate)::int as advocates`,
    );
    expect(counts.members).toBe(17); // 15 in the threads, a spammer and a held sign-up
    expect(counts.threads).toBeGreaterThan(10);
    expect(counts.awards).toBeGreaterThan(10);
    expect(counts.advocates).toBe(1);
    const [lounge] = await api.sql(`select kind from categories where slug = 'advocates-lounge'`);
    expect(lounge.kind).toBe('RESTRICTED');
    const audit = await api.sql(
      `select m.id from members m left join (select member_id, sum(points)::int s from reputation_events group by 1) e
         on e.member_id = m.id where m.reputation <> coalesce(e.s, 0)`,
    );
    expect(audit).toEqual([]);
    // Quick Draw is judged on the demo's final timestamps: no demo answer came within 5 minutes.
    expect(await api.sql(`select 1 from badge_awards where badge = 'quick-draw'`)).toEqual([]);
    // One answer is a staff pick: its author holds the points and the badge.
    const [pick] = await api.sql(
      `select m.handle,
              (select count(*) from reputation_events e where e.post_id = p.id and e.kind = 'STAFF_PICK')::int as events,
              (select count(*) from badge_awards b where b.post_id = p.id and b.badge = 'staff-pick')::int as badges
         from posts p join members m on m.id = p.author_id where p.staff_picked_at is not null`,
    );
    expect(pick).toEqual({ handle: 'priya_k', events: 1, badges: 1 });
  });

  it('has this week’s leaderboard and lets alice log in', async () => {
    const board = await api.gql(`{ leaderboard(period: ALL_TIME, first: 3) { rank member { handle } points } }`);
    expect(board.data.leaderboard).toHaveLength(3);
    const login = await api.gql(
      `mutation { login(input: { login: "alice", password: "demo-alice-pass" }) { member { handle reputation level { name } } } }`,
    );
    expect(login.data.login.member.handle).toBe('alice');
    expect(login.data.login.member.reputation).toBeGreaterThan(480);
  });

  it('has published knowledge articles, and the other accepted answers wait as drafts for staff', async () => {
    const list = await api.gql(
      `{ articles(first: 10) { edges { node { title state causeHtml contributors { role member { handle } } } } } }`,
    );
    const articles = list.data.articles.edges.map((e: any) => e.node);
    expect(articles.map((a: any) => a.title).sort()).toEqual([
      'Hub stuck on blinking blue during first setup',
      'Motion sensor battery drains in two weeks',
      'Sunset automation fires an hour late since the clocks changed',
    ]);
    const hub = articles.find((a: any) => a.title.startsWith('Hub stuck'));
    expect(hub.causeHtml).toContain('2.4 GHz');
    expect(hub.contributors).toEqual(
      expect.arrayContaining([
        { role: 'ANSWERER', member: { handle: 'priya_k' } },
        { role: 'ASKER', member: { handle: 'alice' } },
      ]),
    );
    // Publishing credited the answerers: the promotion points and Knowledge Contributor.
    const credited = await api.sql(
      `select m.handle from badge_awards b join members m on m.id = b.member_id
        where b.badge = 'knowledge-contributor' order by 1`,
    );
    expect(credited.map((r) => r.handle)).toEqual(['hiro', 'moderator', 'priya_k']);
    // Once the subscriber runs, each other accepted answer has a draft; none is duplicated.
    await caughtUp(api, 'knowledge.sources');
    const [counts] = await api.sql(
      `select (select count(*) from threads where accepted_post_id is not null)::int as answered,
              (select count(*) from articles)::int as articles,
              (select count(*) from articles where state = 'DRAFT')::int as drafts`,
    );
    expect(counts.articles).toBe(counts.answered);
    expect(counts.drafts).toBe(counts.answered - 3);
  });

  it('gives the review queue, the audit log and profiles something to show', async () => {
    await caughtUp(api, 'moderation.held-signups');
    const items = await api.sql(
      `select r.kind, r.status, r.decision, m.handle, a.title,
              (select count(*) from flags f where f.review_item_id = r.id)::int as flags,
              (select count(*) from article_reports x where x.review_item_id = r.id)::int as reports
         from review_items r left join members m on m.id = r.author_id left join articles a on a.id = r.article_id
        order by r.id`,
    );
    expect(items).toEqual([
      { kind: 'HIDDEN_POST', status: 'OPEN', decision: null, handle: 'deals_4u', title: null, flags: 3, reports: 0 },
      { kind: 'FLAGGED_POST', status: 'OPEN', decision: null, handle: 'tomasz', title: null, flags: 1, reports: 0 },
      {
        kind: 'FLAGGED_POST',
        status: 'RESOLVED',
        decision: 'DISAGREE',
        handle: 'hiro',
        title: null,
        flags: 1,
        reports: 0,
      },
      {
        kind: 'ARTICLE_REPORT',
        status: 'OPEN',
        decision: null,
        handle: null,
        title: 'Motion sensor battery drains in two weeks',
        flags: 0,
        reports: 1,
      },
      {
        kind: 'HELD_SIGNUP',
        status: 'OPEN',
        decision: null,
        handle: 'lumen_helper_2026',
        title: null,
        flags: 0,
        reports: 0,
      },
    ]);
    const [spam] = await api.sql(
      `select p.hidden_at is not null as hidden from posts p join members m on m.id = p.author_id where m.handle = 'deals_4u'`,
    );
    expect(spam.hidden).toBe(true);
    const [record] = await api.sql(
      `select (select reason from member_sanctions s where s.member_id = m.id and s.kind = 'SILENCE') as silenced,
              (select count(*) from staff_notes n where n.member_id = m.id)::int as notes
         from members m where m.handle = 'deals_4u'`,
    );
    expect(record.silenced).toMatch(/^Posting affiliate links/);
    expect(record.notes).toBe(1);
    const logged = await api.sql(
      `select distinct name from domain_events where name in ('review.resolved', 'member.silenced', 'member.staff_note_added', 'post.hidden') order by 1`,
    );
    expect(logged.map((e) => e.name)).toEqual([
      'member.silenced',
      'member.staff_note_added',
      'post.hidden',
      'review.resolved',
    ]);
  });

  it('gives alice read and unread notifications of several kinds', async () => {
    const rows = await api.sql<{ kind: string; unread: boolean }>(
      `select n.kind, n.read_at is null as unread from notifications n join members m on m.id = n.recipient_id
        where m.handle = 'alice'`,
    );
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ['MENTION', 'BADGE_AWARDED', 'LEVEL_REACHED', 'REPLY']) expect(kinds, kind).toContain(kind);
    expect(rows.some((r) => r.unread)).toBe(true);
    expect(rows.some((r) => !r.unread)).toBe(true);
    // Others too, and nobody twice for one event.
    const [others] = await api.sql(
      `select count(distinct recipient_id)::int as members from notifications where read_at is null`,
    );
    expect(others.members).toBeGreaterThan(3);
  });

  it('has customers: alice and grace-h linked by email, hiro by staff, bob ambiguous, and their timelines', async () => {
    const links = await api.sql(
      `select m.handle, c.external_id, l.how from customer_links l
         join members m on m.id = l.member_id join customers c on c.id = l.customer_id order by m.handle`,
    );
    expect(links).toEqual([
      { handle: 'alice', external_id: 'CRM-1001', how: 'email' },
      { handle: 'grace-h', external_id: 'CRM-1002', how: 'email' },
      { handle: 'hiro', external_id: 'CRM-1002', how: 'staff' },
    ]);
    const login = await api.gql(
      `mutation { login(input: { login: "moderator", password: "demo-moderator-pass" }) { token } }`,
    );
    const token = login.data.login.token as string;
    // The demo moderator was granted customer access by an administrator.
    const res = await api.gql(
      `{ customer(externalId: "CRM-1001") { members { handle } timeline(first: 5) { edges { node { kind } } } }
         ambiguousCustomerMatches { edges { node { member { handle } customers { externalId } } } } }`,
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.customer.members).toEqual([{ handle: 'alice' }]);
    expect(res.data.customer.timeline.edges.length).toBeGreaterThan(0);
    expect(res.data.ambiguousCustomerMatches.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { member: { handle: 'bob' }, customers: [{ externalId: 'CRM-1003' }, { externalId: 'CRM-1004' }] },
    ]);
  });

  it('has a staff escalation queue: an advocate’s request first, a case in progress, one resolved and answered', async () => {
    const login = await api.gql(
      `mutation { login(input: { login: "moderator", password: "demo-moderator-pass" }) { token } }`,
    );
    const token = login.data.login.token as string;
    const res = await api.gql(
      `{ escalations(first: 10) { edges { node { status reason caseId priority priorityExplanation
           customer { externalId } requestedBy { handle } resolutionPost { id } thread { title } } } } }`,
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    // Asked by members (the unanswered scan may add the system's own once the workers run).
    const nodes = res.data.escalations.edges.map((e: { node: any }) => e.node).filter((n: any) => n.requestedBy);
    expect(nodes.map((n: any) => [n.requestedBy.handle, n.status, n.caseId])).toEqual([
      ['priya_k', 'OPEN', null],
      ...[
        ['alice', 'IN_PROGRESS', 'CASE-2051'],
        ['hiro', 'RESOLVED', 'CASE-2044'],
      ].sort((a, b) => {
        const p = (h: string) => nodes.find((n: any) => n.requestedBy.handle === h).priority;
        return p(b[0]!) - p(a[0]!);
      }),
    ]);
    expect(nodes.find((n: any) => n.requestedBy.handle === 'alice').customer).toEqual({ externalId: 'CRM-1001' });
    expect(nodes.find((n: any) => n.requestedBy.handle === 'hiro').resolutionPost).not.toBeNull();
    for (const n of nodes) expect(n.priorityExplanation).toMatch(/^value \d+ \+ influence \d+ .* = \d+/);
    const [target] = await api.sql(`select answer_target_minutes from categories where slug = 'troubleshooting'`);
    expect(target.answer_target_minutes).toBe(1440);
  });

  it('has the CRM integration: a service token and an endpoint whose delivery log shows an outage', async () => {
    expect(await api.sql(`select name, scopes, revoked_at from service_tokens`)).toEqual([
      {
        name: 'Demo CRM',
        scopes: ['customers:write', 'customers:read', 'events:read', 'cases:write'],
        revoked_at: null,
      },
    ]);
    const [endpoint] = await api.sql(`select id, url, enabled from webhook_endpoints`);
    expect(endpoint).toMatchObject({ url: 'http://localhost:9/crm', enabled: true });
    const log = await api.sql(
      `select status, count(*)::int as n from webhook_deliveries where endpoint_id = $1 group by status order by status`,
      [endpoint.id],
    );
    // The latest threads a visitor may read (one of the five is in the advocates' lounge), and nothing of the history.
    expect(log).toEqual([
      { status: 'DEAD', n: 2 },
      { status: 'RETRYING', n: 2 },
    ]);
  });

  it('has a routing rule: enterprise customers’ urgent questions escalate and the moderators are told', async () => {
    const login = await api.gql(`mutation { login(input: { login: "admin", password: "demo-admin-pass" }) { token } }`);
    const res = await api.gql(
      `{ routingRules { name enabled segments sentimentCues escalate notifyModerators raisePriority conditions actions } }`,
      {},
      { token: login.data.login.token as string },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.routingRules).toEqual([
      {
        name: 'Enterprise + urgent → escalate, notify moderators',
        enabled: true,
        segments: ['enterprise'],
        sentimentCues: ['URGENCY'],
        escalate: true,
        notifyModerators: true,
        raisePriority: 10,
        conditions: 'A new question from a customer in enterprise and showing urgency',
        actions: 'notify moderators, raise priority by 10 and escalate',
      },
    ]);
  });

  it('shows staff insights at once: every post has its sentiment, every solver their influence', async () => {
    const [{ missing }] = await api.sql(
      `select count(*)::int as missing from posts p where not exists (select 1 from post_sentiments s where s.post_id = p.id)`,
    );
    expect(missing).toBe(0);
    const [{ unscored }] = await api.sql(
      `select count(distinct p.author_id)::int as unscored from threads t join posts p on p.id = t.accepted_post_id
        where not exists (select 1 from member_influence i where i.member_id = p.author_id and i.score > 0)`,
    );
    expect(unscored).toBe(0);
  });

  it('routes the open questions to their likeliest answerers: alice is asked about one', async () => {
    const routes = await api.sql(
      `select t.status, t.accepted_post_id, r.notified_at > t.created_at as after_asked,
              exists (select 1 from notifications n where n.kind = 'QUESTION_ROUTED' and n.thread_id = t.id
                         and n.recipient_id = r.member_id) as notified
         from thread_routes r join threads t on t.id = r.thread_id`,
    );
    expect(routes.length).toBeGreaterThan(3);
    for (const r of routes) {
      expect(r).toEqual({ status: 'OPEN', accepted_post_id: null, after_asked: true, notified: true });
    }
    const login = await api.gql(`mutation { login(input: { login: "alice", password: "demo-alice-pass" }) { token } }`);
    const res = await api.gql(
      `{ notifications(first: 50) { edges { node { kind message path } } } }`,
      {},
      { token: login.data.login.token },
    );
    const routed = res.data.notifications.edges
      .map((e: { node: { kind: string; message: string } }) => e.node)
      .filter((n: { kind: string }) => n.kind === 'QUESTION_ROUTED');
    expect(routed).toEqual([
      expect.objectContaining({
        message:
          'A question you may be able to answer: “Can I use Alexa and Google Home at the same time?”. You answered 1 question in Getting Started in the last 90 days',
      }),
    ]);
  });
});
