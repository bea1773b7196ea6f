import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificationUrl } from '../../api/src/modules/accounts/email-verification.js';
import { caughtUp } from '../support/events.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  admin = await buildMember(api, { role: 'ADMIN' });
});
afterAll(async () => {
  await api?.close();
});

const UPSERT = `mutation($records: [CustomerInput!]!) {
  upsertCustomers(records: $records) { results { index externalId status customerId error } }
}`;
const CUSTOMER = `query($id: ID, $externalId: String) {
  customer(id: $id, externalId: $externalId) {
    id externalId name company segment lifetimeValueCents currency emails socialHandles
    consent { email analytics } crmUpdatedAt products { sku name version }
    members { id handle }
    memberLinks { how member { id } linkedBy { id } }
  }
}`;
const LINK = `mutation($input: CustomerLinkInput!) { linkCustomer(input: $input) { customer { id } member { id } } }`;
const UNLINK = `mutation($input: CustomerLinkInput!) { unlinkCustomer(input: $input) { customer { id } member { id } } }`;
const MEMBER_CUSTOMER = `query($handle: String!) { member(handle: $handle) { id handle customer { id externalId name } } }`;

let serial = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`;
const at = (iso: string) => new Date(iso).toISOString();

const record = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  name: `Customer ${externalId}`,
  emails: [],
  company: 'Acme',
  segment: 'enterprise',
  lifetimeValueCents: 1_250_000,
  currency: 'EUR',
  products: [{ sku: 'HUB-2', name: 'Hub', version: '2.3' }],
  socialHandles: { x: '@acme' },
  consent: { email: true, analytics: false },
  updatedAt: at('2026-11-01T10:00:00Z'),
  ...extra,
});

const upsert = async (records: unknown[], token = admin.token) => {
  const res = await api.gql(UPSERT, { records }, { token });
  return res;
};
const results = async (records: unknown[]) => {
  const res = await upsert(records);
  expect(res.errors).toBeUndefined();
  return res.data.upsertCustomers.results as {
    index: number;
    externalId: string;
    status: string;
    customerId: string | null;
    error: string | null;
  }[];
};

const verify = (member: TestMember) =>
  api.sql(`update members set email_verified_at = now() where id = $1`, [member.id]);
const verifiedMember = async () => {
  const m = await buildMember(api);
  await verify(m);
  return m;
};
const linkOf = async (member: TestMember) =>
  (
    await api.sql(`select customer_id::text, how, linked_by::text from customer_links where member_id = $1`, [
      member.id,
    ])
  )[0];
const eventsFor = (name: string, customerId: string) =>
  api.sql(
    `select actor_type, actor_id::text, related, data from domain_events where name = $1 and subject = $2 order by id`,
    [name, `customer:${customerId}`],
  );

describe('upsertCustomers', () => {
  it('stores a record with everything the CRM sends, and reads it back for an administrator', async () => {
    const id = unique('full');
    const [r] = await results([record(id, { emails: ['Ops@Acme.example', 'ops@acme.example'] })]);
    expect(r).toMatchObject({ index: 0, externalId: id, status: 'CREATED', error: null });
    const res = await api.gql(CUSTOMER, { externalId: id }, { token: admin.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.customer).toMatchObject({
      id: r!.customerId,
      externalId: id,
      company: 'Acme',
      segment: 'enterprise',
      lifetimeValueCents: 1_250_000,
      currency: 'EUR',
      emails: ['ops@acme.example'],
      socialHandles: { x: '@acme' },
      consent: { email: true, analytics: false },
      crmUpdatedAt: '2026-11-01T10:00:00.000Z',
      products: [{ sku: 'HUB-2', name: 'Hub', version: '2.3' }],
      members: [],
    });
    expect((await api.gql(CUSTOMER, { id: r!.customerId }, { token: admin.token })).data.customer.externalId).toBe(id);
    expect(
      (await api.gql(CUSTOMER, { externalId: 'nobody-has-this' }, { token: admin.token })).data.customer,
    ).toBeNull();
  });

  it('a batch of 500 sent twice leaves 500 records: CREATED, then UNCHANGED, one event each', async () => {
    const prefix = unique('batch');
    const batch = Array.from({ length: 500 }, (_, i) => record(`${prefix}-${String(i).padStart(3, '0')}`));
    const first = await results(batch);
    expect(first.map((r) => r.status)).toEqual(Array(500).fill('CREATED'));
    expect(first.map((r) => r.index)).toEqual([...Array(500).keys()]);
    const second = await results(batch);
    expect(second.map((r) => r.status)).toEqual(Array(500).fill('UNCHANGED'));
    expect(second.map((r) => r.customerId)).toEqual(first.map((r) => r.customerId));
    const [count] = await api.sql(`select count(*)::int as n from customers where external_id like $1`, [
      `${prefix}-%`,
    ]);
    expect(count.n).toBe(500);
    const [created] = await api.sql(
      `select count(*)::int as n from domain_events where name = 'customer.created' and data->>'externalId' like $1`,
      [`${prefix}-%`],
    );
    expect(created.n).toBe(500);
  });

  it('the same batch from two clients at once leaves each record once and each link once', async () => {
    const prefix = unique('race');
    const members = await Promise.all(Array.from({ length: 5 }, () => verifiedMember()));
    const batch = Array.from({ length: 300 }, (_, i) =>
      record(`${prefix}-${String(i).padStart(3, '0')}`, i < 5 ? { emails: [members[i]!.email.toUpperCase()] } : {}),
    );
    const [a, b] = await Promise.all([upsert(batch), upsert(batch)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const statuses = [...a.data.upsertCustomers.results, ...b.data.upsertCustomers.results].map(
      (r: { status: string }) => r.status,
    );
    expect(statuses.filter((s) => s === 'CREATED')).toHaveLength(300);
    expect(statuses.filter((s) => s === 'UNCHANGED')).toHaveLength(300);
    const [count] = await api.sql(`select count(*)::int as n from customers where external_id like $1`, [
      `${prefix}-%`,
    ]);
    expect(count.n).toBe(300);
    for (const [i, m] of members.entries()) {
      const link = await linkOf(m);
      expect(link).toMatchObject({ how: 'email', linked_by: null });
      const [customer] = await api.sql(`select id::text from customers where external_id = $1`, [
        `${prefix}-${String(i).padStart(3, '0')}`,
      ]);
      expect(link.customer_id).toBe(customer.id);
      expect(await eventsFor('customer.linked', customer.id)).toHaveLength(1);
    }
  });

  it('an older updatedAt is STALE and changes nothing; a newer one is UPDATED with its event', async () => {
    const id = unique('stale');
    const [created] = await results([record(id, { updatedAt: at('2026-11-02T10:00:00Z'), name: 'Second' })]);
    const [stale] = await results([record(id, { updatedAt: at('2026-11-01T10:00:00Z'), name: 'First' })]);
    expect(stale).toMatchObject({ status: 'STALE', customerId: created!.customerId });
    expect(stale!.error).toMatch(/newer/);
    const read = async () => (await api.gql(CUSTOMER, { externalId: id }, { token: admin.token })).data.customer;
    expect(await read()).toMatchObject({ name: 'Second', crmUpdatedAt: '2026-11-02T10:00:00.000Z' });
    const [updated] = await results([
      record(id, { updatedAt: at('2026-11-03T10:00:00Z'), name: 'Third', products: [], emails: ['new@acme.example'] }),
    ]);
    expect(updated).toMatchObject({ status: 'UPDATED', customerId: created!.customerId });
    expect(await read()).toMatchObject({ name: 'Third', products: [], emails: ['new@acme.example'] });
    const events = await eventsFor('customer.updated', created!.customerId!);
    expect(events).toEqual([
      expect.objectContaining({
        actor_type: 'member',
        actor_id: admin.id,
        data: {
          customerId: Number(created!.customerId),
          externalId: id,
          crmUpdatedAt: '2026-11-03T10:00:00.000Z',
          previousCrmUpdatedAt: '2026-11-02T10:00:00.000Z',
        },
      }),
    ]);
  });

  it('reports an invalid record with its index and reason and writes the others', async () => {
    const [a, b, c, d] = [unique('ok'), unique('bad'), unique('ok'), unique('noname')];
    const res = await results([
      record(a),
      record(b, { emails: ['fine@acme.example', 'not an email'] }),
      record(c, { currency: null }),
      record(d, { name: '  ' }),
      record(a),
    ]);
    expect(res[0]).toMatchObject({ index: 0, status: 'CREATED', error: null });
    expect(res[1]).toMatchObject({ index: 1, externalId: b, status: 'INVALID', customerId: null });
    expect(res[1]!.error).toMatch(/emails\[1\]/);
    expect(res[2]).toMatchObject({ index: 2, status: 'INVALID' });
    expect(res[2]!.error).toMatch(/currency/);
    expect(res[3]).toMatchObject({ index: 3, status: 'INVALID', error: 'name is required.' });
    expect(res[4]).toMatchObject({ index: 4, status: 'INVALID' });
    expect(res[4]!.error).toMatch(/twice.*index 0/);
    const rows = await api.sql(`select external_id from customers where external_id = any($1)`, [[a, b, c, d]]);
    expect(rows.map((r) => r.external_id)).toEqual([a]);
  });

  it('refuses more than 500 records with BAD_USER_INPUT and writes none', async () => {
    const prefix = unique('over');
    const res = await upsert(Array.from({ length: 501 }, (_, i) => record(`${prefix}-${i}`)));
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { records: expect.any(String) },
    });
    const [count] = await api.sql(`select count(*)::int as n from customers where external_id like $1`, [
      `${prefix}-%`,
    ]);
    expect(count.n).toBe(0);
  });
});

describe('linking', () => {
  it('links a member by verified email only: on upsert, and when they verify later (after commit)', async () => {
    const verified = await verifiedMember();
    const unverified = await buildMember(api);
    const [one, two] = await results([
      record(unique('auto'), { emails: [verified.email] }),
      record(unique('auto'), { emails: [unverified.email] }),
    ]);
    expect(await linkOf(verified)).toMatchObject({ customer_id: one!.customerId, how: 'email' });
    expect(await linkOf(unverified)).toBeUndefined();
    expect(await eventsFor('customer.linked', one!.customerId!)).toEqual([
      expect.objectContaining({
        related: [`member:${verified.id}`],
        data: { customerId: Number(one!.customerId), memberId: Number(verified.id), how: 'email', byId: null },
      }),
    ]);

    // The member opens their verification link: the subscriber links them.
    const token = new URL(
      verificationUrl(api.app.services.config, { id: Number(unverified.id), email: unverified.email }),
    ).searchParams.get('token');
    const res = await api.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    expect(res.data.verifyEmail).toBe(true);
    await caughtUp(api, 'customers.link-verified-members', 30_000);
    expect(await linkOf(unverified)).toMatchObject({ customer_id: two!.customerId, how: 'email' });
    expect(await eventsFor('customer.linked', two!.customerId!)).toEqual([
      expect.objectContaining({ actor_type: 'system', data: expect.objectContaining({ how: 'email', byId: null }) }),
    ]);
  });

  it('an email two customers share links nobody and is listed for staff; staff link and unlink by hand', async () => {
    const member = await verifiedMember();
    const [a, b] = await results([
      record(unique('amb'), { emails: [member.email] }),
      record(unique('amb'), { emails: [member.email] }),
    ]);
    expect(await linkOf(member)).toBeUndefined();
    const listed = await api.gql(
      `{ ambiguousCustomerMatches(first: 100) { edges { node { email member { id } customers { id } } } } }`,
      {},
      { token: admin.token },
    );
    expect(listed.errors).toBeUndefined();
    const match = listed.data.ambiguousCustomerMatches.edges.find(
      (e: { node: { member: { id: string } } }) => e.node.member.id === member.id,
    );
    expect(match.node).toEqual({
      email: member.email.toLowerCase(),
      member: { id: member.id },
      customers: [{ id: a!.customerId }, { id: b!.customerId }],
    });

    // Staff decide: linked to A by hand.
    const linked = await api.gql(
      LINK,
      { input: { customerId: a!.customerId, memberId: member.id } },
      { token: admin.token },
    );
    expect(linked.errors).toBeUndefined();
    expect(await linkOf(member)).toEqual({ customer_id: a!.customerId, how: 'staff', linked_by: admin.id });
    expect(await eventsFor('customer.linked', a!.customerId!)).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        data: { customerId: Number(a!.customerId), memberId: Number(member.id), how: 'staff', byId: Number(admin.id) },
      }),
    ]);
    // Linking again to A changes nothing; to B is a CONFLICT.
    await api.gql(LINK, { input: { customerId: a!.customerId, memberId: member.id } }, { token: admin.token });
    expect(await eventsFor('customer.linked', a!.customerId!)).toHaveLength(1);
    const conflict = await api.gql(
      LINK,
      { input: { customerId: b!.customerId, memberId: member.id } },
      { token: admin.token },
    );
    expect(conflict.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const read = await api.gql(CUSTOMER, { id: a!.customerId }, { token: admin.token });
    expect(read.data.customer.memberLinks).toEqual([
      { how: 'STAFF', member: { id: member.id }, linkedBy: { id: admin.id } },
    ]);

    const unlinked = await api.gql(
      UNLINK,
      { input: { customerId: a!.customerId, memberId: member.id } },
      { token: admin.token },
    );
    expect(unlinked.errors).toBeUndefined();
    expect(await linkOf(member)).toBeUndefined();
    expect(await eventsFor('customer.unlinked', a!.customerId!)).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        data: {
          customerId: Number(a!.customerId),
          memberId: Number(member.id),
          how: 'staff',
          byId: Number(admin.id),
          wasHow: 'staff',
        },
      }),
    ]);
    const again = await api.gql(
      UNLINK,
      { input: { customerId: a!.customerId, memberId: member.id } },
      { token: admin.token },
    );
    expect(again.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('an unlink by staff is not undone by the email linker', async () => {
    const member = await verifiedMember();
    const id = unique('unl');
    const [c] = await results([record(id, { emails: [member.email] })]);
    expect(await linkOf(member)).toMatchObject({ how: 'email' });
    await api.gql(UNLINK, { input: { customerId: c!.customerId, memberId: member.id } }, { token: admin.token });
    await results([record(id, { emails: [member.email], updatedAt: at('2026-11-05T10:00:00Z') })]);
    expect(await linkOf(member)).toBeUndefined();
  });
});

describe('the customer permission, through every path', () => {
  let customerId: string;
  let linked: TestMember;
  let member: TestMember;
  let advocate: TestMember;
  let moderator: TestMember;
  let granted: TestMember;
  beforeAll(async () => {
    linked = await verifiedMember();
    const [c] = await results([record(unique('perm'), { emails: [linked.email] })]);
    customerId = c!.customerId!;
    [member, advocate, moderator, granted] = await Promise.all([
      buildMember(api),
      buildMember(api),
      buildMember(api, { role: 'MODERATOR' }),
      buildMember(api, { role: 'MODERATOR' }),
    ]);
    const made = await api.gql(
      `mutation($input: GrantAdvocateInput!) { grantAdvocate(input: $input) { isAdvocate } }`,
      { input: { memberId: advocate.id, reason: 'Helps customers a lot' } },
      { token: admin.token },
    );
    expect(made.data.grantAdvocate.isAdvocate).toBe(true);
    const grant = await api.gql(
      `mutation($id: ID!) { grantCustomerAccess(memberId: $id) }`,
      { id: granted.id },
      {
        token: admin.token,
      },
    );
    expect(grant.data.grantCustomerAccess).toBe(true);
  });

  const paths = (token: string | null) =>
    Promise.all([
      api.gql(CUSTOMER, { id: customerId }, { token }),
      api.gql(MEMBER_CUSTOMER, { handle: linked.handle }, { token }),
      api.gql(`{ ambiguousCustomerMatches { edges { node { email } } } }`, {}, { token }),
      api.gql(`{ me { customer { id } } }`, {}, { token }),
      api.gql(`{ viewerCanReadCustomers }`, {}, { token }),
    ]);

  it('members, advocates and moderators without a grant read nothing, the linked member included', async () => {
    for (const who of [member, advocate, moderator, linked]) {
      const [byId, viaMember, ambiguous, me, can] = await paths(who.token);
      expect(byId.data.customer).toBeNull();
      expect(byId.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(viaMember.data.member).toMatchObject({ handle: linked.handle, customer: null });
      expect(viaMember.errors?.[0]).toMatchObject({ path: ['member', 'customer'], extensions: { code: 'FORBIDDEN' } });
      expect(ambiguous.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(me.data.me.customer).toBeNull();
      expect(me.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(can.data.viewerCanReadCustomers).toBe(false);
      for (const mutation of [LINK, UNLINK]) {
        const res = await api.gql(mutation, { input: { customerId, memberId: member.id } }, { token: who.token });
        expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      }
      expect((await upsert([record(unique('x'))], who.token)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    // Visitors too, like other private fields.
    const [visitor, visitorViaMember] = await paths(null);
    expect(visitor.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(visitorViaMember.data.member.customer).toBeNull();
    expect(visitorViaMember.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('the event log shows customer events only to staff with the permission', async () => {
    const LOG = `query($subject: String) { events(filter: { subject: $subject }, first: 100) { edges { node { name } } } }`;
    const names = async (token: string, subject: string | null) => {
      const res = await api.gql(LOG, { subject }, { token });
      expect(res.errors).toBeUndefined();
      return res.data.events.edges.map((e: { node: { name: string } }) => e.node.name) as string[];
    };
    expect(await names(admin.token, `customer:${customerId}`)).toEqual(['customer.linked', 'customer.created']);
    expect(await names(granted.token, `customer:${customerId}`)).toEqual(['customer.linked', 'customer.created']);
    expect(await names(moderator.token, `customer:${customerId}`)).toEqual([]);
    // Not through the member's own history either.
    expect(await names(admin.token, `member:${linked.id}`)).toContain('customer.linked');
    expect(await names(moderator.token, `member:${linked.id}`)).not.toContain('customer.linked');
    // Nor who was granted access.
    expect(await names(admin.token, `member:${granted.id}`)).toContain('customer.access_granted');
    expect(await names(moderator.token, `member:${granted.id}`)).not.toContain('customer.access_granted');
  });

  it('a moderator an administrator granted access reads every path, until revoked; administrators always', async () => {
    for (const who of [granted, admin]) {
      const [byId, viaMember, ambiguous, , can] = await paths(who.token);
      expect(byId.errors).toBeUndefined();
      expect(byId.data.customer.members).toEqual([{ id: linked.id, handle: linked.handle }]);
      expect(viaMember.errors).toBeUndefined();
      expect(viaMember.data.member.customer.id).toBe(customerId);
      expect(ambiguous.errors).toBeUndefined();
      expect(can.data.viewerCanReadCustomers).toBe(true);
    }
    // Writing records stays with administrators (and CRM tokens).
    expect((await upsert([record(unique('x'))], granted.token)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    // Only administrators grant, and only to moderators.
    const byModerator = await api.gql(
      `mutation($id: ID!) { grantCustomerAccess(memberId: $id) }`,
      { id: moderator.id },
      {
        token: granted.token,
      },
    );
    expect(byModerator.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const toMember = await api.gql(
      `mutation($id: ID!) { grantCustomerAccess(memberId: $id) }`,
      { id: member.id },
      {
        token: admin.token,
      },
    );
    expect(toMember.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    const revoked = await api.gql(
      `mutation($id: ID!) { revokeCustomerAccess(memberId: $id) }`,
      { id: granted.id },
      {
        token: admin.token,
      },
    );
    expect(revoked.data.revokeCustomerAccess).toBe(true);
    const [after] = await paths(granted.token);
    expect(after.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const events = await api.sql(
      `select name from domain_events where subject = $1 and name like 'customer.access_%' order by id`,
      [`member:${granted.id}`],
    );
    expect(events.map((e) => e.name)).toEqual(['customer.access_granted', 'customer.access_revoked']);
  });
});

describe('the 360 view', () => {
  it('lists the linked members’ activity newest first, page by page, and their open questions', async () => {
    const customerMember = await verifiedMember();
    const other = await buildMember(api);
    const [c] = await results([record(unique('tl'), { emails: [customerMember.email] })]);
    const open = await buildThread(api, customerMember, { title: 'Hub drops offline every night at 2am' });
    const gone = await buildThread(api, customerMember, { title: 'A question they deleted later' });
    await api.gql(
      `mutation($id: ID!) { deletePost(postId: $id) }`,
      { id: gone.question.id },
      { token: customerMember.token },
    );
    const theirs = await buildThread(api, other, { title: 'How do I pair a second hub?' });
    const answer = await buildReply(
      api,
      customerMember,
      theirs.id,
      'Hold the pair button for ten seconds, then add it.',
    );
    const accepted = await api.gql(
      `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`,
      { id: answer.id },
      {
        token: other.token,
      },
    );
    expect(accepted.errors).toBeUndefined();
    await buildReply(api, other, open.id, 'Check the power-saving setting.');

    await caughtUp(api, 'badges.award');

    const TIMELINE = `query($id: ID!, $after: String) { customer(id: $id) {
      timeline(first: 2, after: $after) {
        edges { node { kind title threadId postId threadStatus badge detail member { id } } }
        pageInfo { hasNextPage endCursor }
      }
      signals { openIssues { unresolvedQuestions oldestWaitingSince threads { id title replyCount } } }
    } }`;
    const first = await api.gql(TIMELINE, { id: c!.customerId }, { token: admin.token });
    expect(first.errors).toBeUndefined();
    // Walk every page, two at a time.
    const items: Record<string, unknown>[] = [];
    let page = first.data.customer.timeline;
    for (let pages = 1; ; pages++) {
      expect(page.edges.length).toBeLessThanOrEqual(2);
      items.push(...page.edges.map((e: { node: Record<string, unknown> }) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      expect(pages).toBeLessThan(10);
      const next = await api.gql(
        TIMELINE,
        { id: c!.customerId, after: page.pageInfo.endCursor },
        { token: admin.token },
      );
      expect(next.errors).toBeUndefined();
      page = next.data.customer.timeline;
    }
    // Badges the member earned on the way are entries too (the badge rules decide which).
    const badges = items.filter((i) => i.kind === 'BADGE_AWARDED');
    expect(badges.length).toBeGreaterThan(0);
    expect(
      badges.every((b) => typeof b.badge === 'string' && (b.member as { id: string }).id === customerMember.id),
    ).toBe(true);
    // The deleted question is gone; the rest, newest first.
    expect(items.filter((i) => i.kind !== 'BADGE_AWARDED')).toEqual([
      {
        kind: 'SOLUTION_ACCEPTED',
        title: theirs.title,
        threadId: theirs.id,
        postId: answer.id,
        threadStatus: 'ANSWERED',
        badge: null,
        detail: null,
        member: { id: customerMember.id },
      },
      {
        kind: 'ANSWER_POSTED',
        title: theirs.title,
        threadId: theirs.id,
        postId: answer.id,
        threadStatus: 'ANSWERED',
        badge: null,
        detail: 'The solution',
        member: { id: customerMember.id },
      },
      {
        kind: 'QUESTION_ASKED',
        title: open.title,
        threadId: open.id,
        postId: open.question.id,
        threadStatus: 'OPEN',
        badge: null,
        detail: null,
        member: { id: customerMember.id },
      },
    ]);
    expect(items.some((i) => i.title === gone.title)).toBe(false);
    expect(first.data.customer.signals.openIssues).toMatchObject({
      unresolvedQuestions: 1,
      oldestWaitingSince: expect.any(String),
      threads: [{ id: open.id, title: open.title, replyCount: 1 }],
    });
    const bad = await api.gql(TIMELINE, { id: c!.customerId, after: 'nonsense' }, { token: admin.token });
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('service tokens', () => {
  const tokenWith = async (scopes: string[]) => {
    const res = await api.gql(
      `mutation($input: CreateServiceTokenInput!) { createServiceToken(input: $input) { token serviceToken { id } } }`,
      { input: { name: unique('CRM sync'), scopes } },
      { token: admin.token },
    );
    expect(res.errors).toBeUndefined();
    return { token: res.data.createServiceToken.token as string, id: res.data.createServiceToken.serviceToken.id };
  };

  it('customers:write upserts (attributed to the token), customers:read reads; each scope only its own', async () => {
    const writer = await tokenWith(['customers:write']);
    const reader = await tokenWith(['customers:read']);
    const feed = await tokenWith(['events:read']);
    const externalId = unique('SVC');

    // Without customers:write: FORBIDDEN naming the scope, nothing written.
    for (const token of [reader.token, feed.token]) {
      const refused = await upsert([record(externalId)], token);
      expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain('customers:write');
    }
    expect(await api.sql('select 1 from customers where external_id = $1', [externalId])).toEqual([]);

    const written = await upsert([record(externalId)], writer.token);
    expect(written.errors).toBeUndefined();
    expect(written.data.upsertCustomers.results[0].status).toBe('CREATED');
    const [event] = await api.sql(
      `select actor_type, actor_id, actor_label from domain_events
        where name = 'customer.created' and data->>'externalId' = $1`,
      [externalId],
    );
    expect(event).toMatchObject({ actor_type: 'service', actor_id: String(writer.id) });

    const read = await api.gql(CUSTOMER, { externalId }, { token: reader.token });
    expect(read.errors).toBeUndefined();
    expect(read.data.customer.externalId).toBe(externalId);
    for (const token of [writer.token, feed.token]) {
      const refused = await api.gql(CUSTOMER, { externalId }, { token });
      expect(refused.data?.customer ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }

    // A CRM token links nobody by hand: that stays with staff.
    const member = await buildMember(api);
    const customerId = written.data.upsertCustomers.results[0].customerId;
    const link = await api.gql(LINK, { input: { customerId, memberId: member.id } }, { token: writer.token });
    expect(link.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
