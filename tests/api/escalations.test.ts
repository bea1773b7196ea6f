import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildThread, type TestMember } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
let admin: TestMember;
let moderator: TestMember;
beforeAll(async () => {
  api = await startTestApi();
  admin = await buildMember(api, { role: 'ADMIN' });
  moderator = await buildMember(api, { role: 'MODERATOR' });
});
afterAll(async () => {
  await api?.close();
});

const ESCALATE = `mutation($input: EscalateThreadInput!) { escalateThread(input: $input) {
  id reason status priority priorityExplanation caseStatus createdAt } }`;

describe('needs staff', () => {
  it('the asker escalates their thread', async () => {
    const asker = await buildMember(api);
    const thread = await buildThread(api, asker);
    const res = await api.gql(ESCALATE, { input: { threadId: thread.id, reason: '  Blocked since Monday  ' } }, asker);
    expect(res.errors).toBeUndefined();
    expect(res.data.escalateThread).toMatchObject({ reason: 'NEEDS_STAFF', status: 'OPEN', priority: null });
    void admin;
    void moderator;
  });
});
