import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// Staff notes (issue 12 item 3): private notes staff keep on a member. Only staff read them,
// through every path a Member is reached by; the author or an administrator deletes one; the
// event log records that a note was added or deleted, never its body.
let api: TestApi;
let moderator: TestMember;
let admin: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  [moderator, admin] = await Promise.all([
    buildMember(api, { role: 'MODERATOR' }),
    buildMember(api, { role: 'ADMIN' }),
  ]);
});
afterAll(() => api?.close());

const as = (m: TestMember | null) => (m ? { token: m.token, ip: m.ip } : {});
const ADD = `mutation($input: AddStaffNoteInput!) {
  addStaffNote(input: $input) { member { id } note { id body bodyHtml createdAt author { id } viewerCanDelete } }
}`;
const DELETE = `mutation($id: ID!) { deleteStaffNote(id: $id) { deletedNoteId member { id } } }`;
const NOTES = `query($h: String!, $first: Int, $after: String) {
  member(handle: $h) { id staffNotes(first: $first, after: $after) {
    edges { node { id body author { id } } } pageInfo { hasNextPage endCursor } } }
}`;

const add = (by: TestMember | null, memberId: string, body: string) =>
  api.gql(ADD, { input: { memberId, body } }, as(by));
const remove = (by: TestMember | null, id: string) => api.gql(DELETE, { id }, as(by));
const count = async (memberId: string) =>
  (await api.sql('select count(*)::int as n from staff_notes where member_id = $1', [memberId]))[0].n as number;

describe('adding a note', () => {
  type Target = 'member' | 'moderator' | 'admin' | 'self';
  const matrix: [string, Record<Target, string>][] = [
    [
      'visitor',
      { member: 'UNAUTHENTICATED', moderator: 'UNAUTHENTICATED', admin: 'UNAUTHENTICATED', self: 'UNAUTHENTICATED' },
    ],
    ['member', { member: 'FORBIDDEN', moderator: 'FORBIDDEN', admin: 'FORBIDDEN', self: 'FORBIDDEN' }],
    ['advocate', { member: 'FORBIDDEN', moderator: 'FORBIDDEN', admin: 'FORBIDDEN', self: 'FORBIDDEN' }],
    ['moderator', { member: 'ok', moderator: 'ok', admin: 'ok', self: 'FORBIDDEN' }],
    ['admin', { member: 'ok', moderator: 'ok', admin: 'ok', self: 'FORBIDDEN' }],
  ];
  const role = (kind: string) => (kind === 'moderator' ? 'MODERATOR' : kind === 'admin' ? 'ADMIN' : 'MEMBER');
  for (const [who, outcomes] of matrix) {
    for (const [what, outcome] of Object.entries(outcomes) as [Target, string][]) {
      it(`${who} on ${what}: ${outcome}`, async () => {
        const by = who === 'visitor' ? null : await buildMember(api, { role: role(who) });
        if (who === 'advocate') await api.sql('update members set is_advocate = true where id = $1', [by!.id]);
        const on = what === 'self' ? (by ?? (await buildMember(api))) : await buildMember(api, { role: role(what) });
        const res = await add(by, on.id, 'Asked twice to stop posting referral links.');
        if (outcome === 'ok') {
          expect(res.errors).toBeUndefined();
          expect(await count(on.id)).toBe(1);
        } else {
          expect(res.errors?.[0]?.extensions.code).toBe(outcome);
          expect(await count(on.id)).toBe(0);
        }
      });
    }
  }

  it('renders markdown with the posts’ sanitizer, checks the length, and records no body', async () => {
    const member = await buildMember(api);
    const res = await add(moderator, member.id, '  **Warned** about <script>alert(1)</script> links.  ');
    expect(res.errors).toBeUndefined();
    const note = res.data.addStaffNote.note;
    expect(note).toMatchObject({
      body: '**Warned** about <script>alert(1)</script> links.',
      author: { id: moderator.id },
      viewerCanDelete: true,
    });
    expect(note.bodyHtml).toContain('<strong>Warned</strong>');
    expect(note.bodyHtml).not.toContain('<script');
    for (const body of ['   ', 'x'.repeat(5001)]) {
      const bad = await add(moderator, member.id, body);
      expect(bad.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { body: expect.any(String) },
      });
    }
    expect((await add(moderator, '999999', 'A note on nobody.')).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(await count(member.id)).toBe(1);
    const events = await api.sql(
      `select name, actor_id, data from domain_events where subject = $1 and name like 'member.staff_note%' order by id`,
      [`member:${member.id}`],
    );
    expect(events).toEqual([
      {
        name: 'member.staff_note_added',
        actor_id: moderator.id,
        data: { noteId: Number(note.id), memberId: Number(member.id), authorId: Number(moderator.id) },
      },
    ]);
  });
});

describe('reading notes', () => {
  it('staff only, through member(handle) and a nested Member; newest first, paged', async () => {
    const [member, other, advocate] = await Promise.all([buildMember(api), buildMember(api), buildMember(api)]);
    await api.sql('update members set is_advocate = true where id = $1', [advocate.id]);
    const thread = await buildThread(api, member);
    for (const body of ['First note.', 'Second note.', 'Third note.']) {
      expect((await add(moderator, member.id, body)).errors).toBeUndefined();
    }
    const NESTED = `query($id: ID!) { thread(id: $id) { question { author { id staffNotes { edges { node { body } } } } } } }`;
    for (const viewer of [null, member, other, advocate]) {
      const profile = await api.gql(NOTES, { h: member.handle }, as(viewer));
      expect(profile.data.member).toEqual({ id: member.id, staffNotes: null });
      expect(profile.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      const nested = await api.gql(NESTED, { id: thread.id }, as(viewer));
      expect(nested.data.thread.question.author).toEqual({ id: member.id, staffNotes: null });
    }
    for (const viewer of [moderator, admin]) {
      const nested = await api.gql(NESTED, { id: thread.id }, as(viewer));
      expect(nested.data.thread.question.author.staffNotes.edges.map((e: any) => e.node.body)).toEqual([
        'Third note.',
        'Second note.',
        'First note.',
      ]);
    }
    const first = await api.gql(NOTES, { h: member.handle, first: 2 }, as(admin));
    expect(first.data.member.staffNotes.edges.map((e: any) => e.node.body)).toEqual(['Third note.', 'Second note.']);
    expect(first.data.member.staffNotes.pageInfo.hasNextPage).toBe(true);
    const rest = await api.gql(
      NOTES,
      { h: member.handle, first: 2, after: first.data.member.staffNotes.pageInfo.endCursor },
      as(admin),
    );
    expect(rest.data.member.staffNotes.edges.map((e: any) => e.node.body)).toEqual(['First note.']);
    expect(rest.data.member.staffNotes.pageInfo.hasNextPage).toBe(false);
  });

  it('a silenced moderator still reads notes (a read), but cannot add one', async () => {
    const [member, silenced] = await Promise.all([buildMember(api), buildMember(api, { role: 'MODERATOR' })]);
    expect((await add(moderator, member.id, 'Seen spamming.')).errors).toBeUndefined();
    await api.sql(
      `insert into member_sanctions (member_id, kind, until, reason) values ($1, 'SILENCE', now() + interval '1 day', 'Heated')`,
      [silenced.id],
    );
    const read = await api.gql(NOTES, { h: member.handle }, as(silenced));
    expect(read.data.member.staffNotes.edges).toHaveLength(1);
    expect((await add(silenced, member.id, 'Another note.')).errors?.[0]?.message).toMatch(/^You are silenced until/);
  });
});

describe('deleting a note', () => {
  it('by its author or an administrator; others are refused and nothing is deleted', async () => {
    const member = await buildMember(api);
    const otherModerator = await buildMember(api, { role: 'MODERATOR' });
    const noteId = async () => (await add(moderator, member.id, 'Temporary note.')).data.addStaffNote.note.id as string;

    const first = await noteId();
    const refused = await remove(otherModerator, first);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'Only the author of a staff note or an administrator can delete it.',
    });
    // Someone who may not read notes learns nothing about them.
    expect((await remove(member, first)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await remove(null, first)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await count(member.id)).toBe(1);

    const own = await remove(moderator, first);
    expect(own.data.deleteStaffNote).toEqual({ deletedNoteId: first, member: { id: member.id } });
    expect((await remove(moderator, first)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const second = await noteId();
    expect((await remove(admin, second)).errors).toBeUndefined();
    expect(await count(member.id)).toBe(0);

    const deleted = await api.sql(
      `select actor_id, data from domain_events where subject = $1 and name = 'member.staff_note_deleted' order by id`,
      [`member:${member.id}`],
    );
    expect(deleted).toEqual([
      {
        actor_id: moderator.id,
        data: { noteId: Number(first), memberId: Number(member.id), authorId: Number(moderator.id) },
      },
      {
        actor_id: admin.id,
        data: { noteId: Number(second), memberId: Number(member.id), authorId: Number(moderator.id) },
      },
    ]);
  });
});
