import { describe, expect, it } from 'vitest';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread } from '../support/factories.js';

const stack = useStack();

describe('activity log', () => {
  it('staff read a thread’s life from its page, filter it by kind, and members are refused', async () => {
    const [asker, helper, moderator] = await Promise.all([
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api, { role: 'MODERATOR' }),
    ]);
    const thread = await buildThread(stack.api, asker);
    const reply = await buildReply(stack.api, helper, thread.id);
    const voted = await stack.api.gql(
      `mutation($input: VoteInput!) { vote(input: $input) { score } }`,
      { input: { postId: reply.id, value: 'UP' } },
      { token: asker.token, ip: asker.ip },
    );
    expect(voted.errors).toBeUndefined();
    // The badge subscriber awards First Question and First Answer just after: wait for both.
    await expect
      .poll(
        async () =>
          (await stack.api.sql('select 1 from badge_awards where member_id in ($1, $2)', [asker.id, helper.id])).length,
      )
      .toBe(2);

    const staff = await newVisitor(stack.browser);
    const { page } = staff;
    await signInByCookie(page, stack.web.url, moderator);
    await page.goto(`${stack.web.url}/t/${thread.id}`);
    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/moderation\/activity\?subject=thread/);
    await expect.poll(() => page.title()).toBe('Activity log · Hearth');
    const lines = () => page.getByTestId('activity').allTextContents();
    // Newest first: the question, the reply and the vote, with the badges the thread earned its
    // members (awarded just after the actions that earned them) in between.
    await expect.poll(async () => (await lines()).length).toBe(5);
    const all = (await lines()).map((l) => l.replace(/just now$/, ''));
    expect(all.filter((l) => !l.startsWith('System'))).toEqual([
      `@${asker.handle}upvoted a postpost:${reply.id}`,
      `@${helper.handle}repliedpost:${reply.id}`,
      `@${asker.handle}asked a questionthread:${thread.id}`,
    ]);
    expect(all.filter((l) => l.startsWith('System')).sort()).toEqual([
      `System (badges)awarded the first-answer badgemember:${helper.id}`,
      `System (badges)awarded the first-question badgemember:${asker.id}`,
    ]);
    // The reply's line links to the reply in its thread.
    expect(
      await page
        .getByTestId('activity')
        .filter({ hasText: 'replied' })
        .getByRole('link', { name: `post:${reply.id}` })
        .getAttribute('href'),
    ).toBe(`/t/${thread.id}#post-${reply.id}`);

    await page.getByLabel('Kind').selectOption('post.voted');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(lines).toEqual([expect.stringContaining('upvoted a post')]);

    await page.goto(`${stack.web.url}/moderation/activity?subject=nonsense`);
    expect(await page.getByRole('alert').textContent()).toContain('is not a subject');
    staff.assertClean();
    await staff.context.close();

    // On a phone, nothing runs off the screen.
    const phone = await newVisitor(stack.browser, PHONE);
    await signInByCookie(phone.page, stack.web.url, moderator);
    await phone.page.goto(`${stack.web.url}/moderation/activity?subject=thread:${thread.id}`);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context.close();

    const member = await newVisitor(stack.browser);
    await signInByCookie(member.page, stack.web.url, helper);
    const res = await member.page.goto(`${stack.web.url}/moderation/activity`);
    expect(res?.status()).toBe(403);
    expect(await member.page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Activity log');
    await member.context.close();
  });
});
