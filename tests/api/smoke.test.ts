import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildReply, buildThread } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('smoke', () => {
  it('asks and answers', async () => {
    const asker = await buildMember(api);
    const helper = await buildMember(api);
    const thread = await buildThread(api, asker);
    const reply = await buildReply(api, helper, thread.id);
    const res = await api.gql(`query($id: ID!) { thread(id: $id) { replyCount replies { edges { node { id } } } } }`, { id: thread.id });
    expect(res.data.thread.replyCount).toBe(1);
    expect(res.data.thread.replies.edges[0].node.id).toBe(reply.id);
  });
});
