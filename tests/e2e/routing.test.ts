import { describe, expect, it } from 'vitest';
import { newVisitor, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread } from '../support/factories.js';

const stack = useStack();

/**
 * A question is routed to a member whose answer in its tag was accepted: the member reads why
 * on /notifications and can turn routed questions off at /settings/notifications; staff see
 * "Routed to" on the thread, the member does not.
 */
describe('question routing in the web app', () => {
  it('the routed member reads why, staff see who was asked, and the member turns it off', async () => {
    const tag = `route-${Date.now().toString(36)}`;
    await stack.api.sql('insert into tags (name) values ($1)', [tag]);
    const [expert, earlier, asker, admin] = await Promise.all([
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api),
      buildMember(stack.api, { role: 'ADMIN' }),
    ]);
    const solved = await buildThread(stack.api, earlier, { tags: [tag] });
    const answer = await buildReply(stack.api, expert, solved.id);
    const accepted = await stack.api.gql(
      `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`,
      { id: answer.id },
      { token: earlier.token, ip: earlier.ip },
    );
    expect(accepted.errors).toBeUndefined();
    const question = await buildThread(stack.api, asker, { tags: [tag], title: `Sync stops on ${tag} devices?` });
    // The router and the notifications run after commit (the workers are on).
    await expect
      .poll(
        async () =>
          (
            await stack.api.sql(
              `select 1 from notifications where recipient_id = $1 and kind = 'QUESTION_ROUTED' and thread_id = $2`,
              [expert.id, question.id],
            )
          ).length,
        { timeout: 20_000 },
      )
      .toBe(1);

    const member = await newVisitor(stack.browser);
    await signInByCookie(member.page, stack.web.url, expert);
    await member.page.goto(`${stack.web.url}/notifications`);
    const item = member.page.locator('[data-testid=notification][data-kind=QUESTION_ROUTED]');
    expect(await item.textContent()).toContain(
      `A question you may be able to answer: “${question.title}”. You answered 1 question tagged ${tag} in the last 90 days`,
    );
    await member.page.goto(`${stack.web.url}/t/${question.id}`);
    await expect.poll(() => member.page.getByTestId('thread-title').textContent()).toBe(question.title);
    expect(await member.page.getByTestId('thread-routed-to').count()).toBe(0);

    const staff = await newVisitor(stack.browser);
    await signInByCookie(staff.page, stack.web.url, admin);
    await staff.page.goto(`${stack.web.url}/t/${question.id}`);
    const line = staff.page.getByTestId('thread-routed-to');
    expect(await line.textContent()).toContain(`Routed to @${expert.handle}`);
    expect(await line.getByRole('link').getAttribute('title')).toBe(
      `You answered 1 question tagged ${tag} in the last 90 days`,
    );

    await member.page.goto(`${stack.web.url}/settings/notifications`);
    const toggle = member.page.getByTestId('enabled-QUESTION_ROUTED');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await member.page.getByTestId('save-preferences').click();
    await expect.poll(() => member.page.getByTestId('preferences-saved').count()).toBe(1);
    expect(await member.page.getByTestId('enabled-QUESTION_ROUTED').isChecked()).toBe(false);
    const [pref] = await stack.api.sql(
      `select enabled from notification_preferences where member_id = $1 and kind = 'QUESTION_ROUTED'`,
      [expert.id],
    );
    expect(pref).toEqual({ enabled: false });
    member.assertClean();
    staff.assertClean();
  }, 120_000);
});
