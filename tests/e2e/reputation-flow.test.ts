import { describe, expect, it } from 'vitest';
import { memberByHandle, newVisitor, registerThroughUi, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';

const stack = useStack();

async function vote(voter: TestMember, postId: string, value: 'UP' | 'DOWN' = 'UP') {
  const res = await stack.api.gql(
    `mutation($input: VoteInput!) { vote(input: $input) { id score } }`,
    { input: { postId, value } },
    { token: voter.token, ip: voter.ip },
  );
  if (res.errors) throw new Error(`vote failed: ${JSON.stringify(res.errors)}`);
}

async function accept(asker: TestMember, postId: string) {
  const res = await stack.api.gql(
    `mutation($postId: ID!) { acceptAnswer(postId: $postId) { id status } }`,
    { postId },
    { token: asker.token, ip: asker.ip },
  );
  if (res.errors) throw new Error(`accept failed: ${JSON.stringify(res.errors)}`);
}

const ANSWER = 'Hold the pairing button for ten seconds until the light blinks twice, then pair again.';

describe('privileges', () => {
  /**
   * A brand-new member sees why they cannot vote yet, earns 20 reputation from two upvotes on
   * their answer, and can then upvote; the profile shows the level, privileges and history.
   */
  it('explains the disabled upvote, and enables it once the member has 15 reputation', async () => {
    const asker = await buildMember(stack.api);
    const thread = await buildThread(stack.api, asker);
    const member = await newVisitor(stack.browser);
    const handle = await registerThroughUi(member.page, stack.web.url);

    await member.page.goto(`${stack.web.url}/t/${thread.id}`);
    const question = member.page.getByTestId('question');
    const up = question.getByTestId('vote-up');
    const down = question.getByTestId('vote-down');
    expect(await up.getAttribute('aria-disabled')).toBe('true');
    expect(await up.getAttribute('title')).toBe('You need 15 reputation to upvote; you have 0.');
    const describedBy = await up.getAttribute('aria-describedby');
    expect(await member.page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'You need 15 reputation to upvote; you have 0.',
    );
    expect(await down.getAttribute('aria-disabled')).toBe('true');
    expect(await down.getAttribute('title')).toBe('You need 125 reputation to downvote; you have 0.');
    // Keyboard users reach the refused button and, pressing it, are told why; nothing is sent.
    await expect.poll(() => question.locator('input[name="_js"]').count()).toBe(1); // hydrated
    const posts: string[] = [];
    const onRequest = (req: { method(): string; url(): string }) => {
      if (req.method() === 'POST') posts.push(req.url());
    };
    member.page.on('request', onRequest);
    await up.focus();
    await member.page.keyboard.press('Enter');
    expect(await question.getByTestId('vote-refused').textContent()).toBe(
      'You need 15 reputation to upvote; you have 0.',
    );
    expect(await question.getByTestId('post-score').textContent()).toBe('0');
    member.page.off('request', onRequest);
    expect(posts).toEqual([]);

    // The member answers through the UI; two members (15 reputation each) upvote the answer.
    await member.page.getByLabel('Reply (markdown)').fill(ANSWER);
    await member.page.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => member.page.getByTestId('reply').count()).toBe(1);
    const [answer] = await stack.api.sql<{ id: number }>(
      'select id from posts where thread_id = $1 and not is_question',
      [thread.id],
    );
    for (let i = 0; i < 2; i++) await vote(await buildMember(stack.api), String(answer!.id));

    await member.page.reload();
    expect(await up.getAttribute('aria-disabled')).toBeNull();
    expect(await up.getAttribute('title')).toBeNull();
    expect(await up.getAttribute('aria-describedby')).toBeNull();
    // Still short of downvoting, and told so with the new total.
    expect(await down.getAttribute('title')).toBe('You need 125 reputation to downvote; you have 20.');
    await up.click();
    await expect.poll(() => question.getByTestId('post-score').textContent()).toBe('1');
    await expect.poll(() => up.getAttribute('aria-pressed')).toBe('true');
    // The fetcher shows the vote at once; the row lands when the action completes.
    await expect
      .poll(() =>
        stack.api.sql('select v.value from post_votes v join members m on m.id = v.voter_id where m.handle = $1', [
          handle,
        ]),
      )
      .toEqual([{ value: 1 }]);
    expect(await question.getByTestId('post-score').textContent()).toBe('1');

    // The profile: reputation, level with progress, privileges held and next, the ledger.
    await member.page.goto(`${stack.web.url}/u/${handle}`);
    expect(await member.page.getByTestId('reputation').textContent()).toBe('20');
    const level = member.page.getByTestId('level');
    expect(await level.getAttribute('data-level')).toBe('Member');
    const bar = level.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe('20');
    expect(await bar.getAttribute('aria-valuemin')).toBe('10');
    expect(await bar.getAttribute('aria-valuemax')).toBe('100');
    expect(await level.textContent()).toContain('80 to go');
    const held = member.page.getByTestId('privileges-held');
    expect(await held.textContent()).toContain('Vote up');
    const next = member.page.getByTestId('privileges-next');
    expect(await next.locator('[data-privilege=downvote]').textContent()).toMatch(
      /Vote down.*needs 125 reputation · 105 to go/,
    );
    const events = member.page.getByTestId('reputation-event');
    expect(await events.count()).toBe(2);
    for (const event of await events.all()) {
      expect(await event.getAttribute('data-kind')).toBe('ANSWER_UPVOTED');
      expect(await event.getByTestId('reputation-points').textContent()).toBe('+10');
      expect(await event.textContent()).toContain('Answer upvoted');
    }

    member.assertClean();
    await member.context.close();
  });

  /** New members' limits and the tag privilege come back as FORBIDDEN, shown beside the form. */
  it('shows privilege denials inline without JavaScript, and writes nothing', async () => {
    const member = await newVisitor(stack.browser, { javaScriptEnabled: false });
    await registerThroughUi(member.page, stack.web.url);
    const [before] = await stack.api.sql('select count(*)::int as n from threads');

    await member.page.goto(`${stack.web.url}/ask`);
    await member.page.getByLabel('Title').fill('Which hub firmware supports the new sensors?');
    await member.page.getByLabel('Details (markdown)').fill('The sensors do not show up when I pair them.');
    await member.page.getByLabel('Tags').fill('zigbee-brand-new-tag');
    await member.page.getByRole('button', { name: 'Post your question' }).click();
    await expect
      .poll(() => member.page.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringMatching(/You need 300 reputation to create new tags.*you have 0\./));
    expect(await member.page.getByLabel('Tags').inputValue()).toBe('zigbee-brand-new-tag');
    const [after] = await stack.api.sql('select count(*)::int as n from threads');
    expect(after.n).toBe(before.n);

    const thread = await buildThread(stack.api, await buildMember(stack.api));
    await member.page.goto(`${stack.web.url}/t/${thread.id}`);
    await member.page
      .getByLabel('Reply (markdown)')
      .fill('See https://one.example, https://two.example and https://three.example for the details.');
    await member.page.getByRole('button', { name: 'Post reply' }).click();
    await expect
      .poll(() => member.page.getByTestId('form-error').textContent())
      .toMatch(/New members can include at most 2 links in a post; this one has 3/);
    expect(await member.page.getByTestId('reply').count()).toBe(0);

    // A refused vote button still submits without JavaScript; the API's denial comes back inline.
    await member.page.getByTestId('question').getByTestId('vote-up').focus();
    await member.page.keyboard.press('Enter');
    await expect
      .poll(() => member.page.getByTestId('form-error').textContent())
      .toBe('You need 15 reputation to upvote; you have 0.');
    expect(await stack.api.sql('select 1 from post_votes where post_id = $1', [thread.question.id])).toEqual([]);

    await member.context.close();
  });
});

for (const javaScriptEnabled of [true, false]) {
  describe(`badges and their notifications with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    /**
     * Badges are awarded shortly after the question commits: the member is told by a notification
     * (the bell's count), and the badge stays on the profile with why it was earned.
     */
    it('tells a member about their First Question badge in a notification, read once opened', async () => {
      const member = await newVisitor(stack.browser, { javaScriptEnabled });
      const handle = await registerThroughUi(member.page, stack.web.url);

      const title = `Where is the pairing code on the hub (${javaScriptEnabled ? 'js' : 'no-js'})?`;
      await member.page.getByRole('link', { name: 'Ask a question' }).click();
      await member.page.getByLabel('Title').fill(title);
      await member.page.getByLabel('Details (markdown)').fill('The manual says it is on the back but mine has none.');
      await member.page.getByRole('button', { name: 'Post your question' }).click();
      if (!javaScriptEnabled) {
        // Without JavaScript, similar solved questions (if any) come first: post it anyway.
        await member.page.waitForLoadState();
        const anyway = member.page.getByRole('button', { name: 'Post my question anyway' });
        if (await anyway.count()) await anyway.click();
      }
      await expect.poll(() => member.page.getByTestId('thread-title').textContent()).toBe(title);

      // The badge is a notification: the bell counts it (after a reload: no live updates here).
      const reason = `Asked “${title}”`;
      const bell = member.page.getByTestId('notification-bell');
      await expect
        .poll(
          async () => {
            await member.page.reload();
            return bell.getAttribute('aria-label');
          },
          { timeout: 10_000, interval: 500 },
        )
        .toBe('Notifications, 1 unread');

      // The profile lists the badge with its tier and why it was earned, as text and tooltip.
      await member.page.getByTestId('viewer-handle').click();
      await expect.poll(() => new URL(member.page.url()).pathname).toBe(`/u/${handle}`);
      const badge = member.page.locator('[data-testid=badge][data-badge=first-question]');
      expect(await badge.getAttribute('title')).toBe(reason);
      expect(await badge.getByTestId('badge-reason').textContent()).toBe(reason);
      expect(await badge.locator('[data-tier]').getAttribute('data-tier')).toBe('BRONZE');
      expect(await badge.textContent()).toContain('First Question');

      // Opening the notification marks it read and leads to the thread that earned it.
      await bell.click();
      await expect.poll(() => new URL(member.page.url()).pathname).toBe('/notifications');
      const item = member.page.locator('[data-testid=notification][data-kind=BADGE_AWARDED]');
      expect(await item.textContent()).toContain('You earned the badge “First Question”');
      expect(await item.getAttribute('data-unread')).toBe('true');
      await item.getByRole('link').click();
      await expect.poll(() => member.page.getByTestId('thread-title').textContent()).toBe(title);
      expect(await bell.getAttribute('aria-label')).toBe('Notifications');

      // The badges page counts the holder; a badge nobody holds yet says so.
      await member.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Badges' }).click();
      const definition = member.page.locator('[data-testid=badge-definition][data-badge=first-question]');
      await expect
        .poll(() => definition.getByTestId('badge-holders').textContent())
        .toMatch(/^\d+ members? holds? it$/);
      expect(
        await member.page
          .locator('[data-testid=badge-definition][data-badge=helpful-flagger]')
          .getByTestId('badge-holders')
          .textContent(),
      ).toBe('Nobody holds it yet');

      member.assertClean();
      await member.context.close();
    });
  });

  describe(`leaderboard with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    /**
     * A solver earns 35 points this week (two answer upvotes and an accept); the factory's 15 is
     * an all-time adjustment, so the all-time board shows 50. Periods, ranking and category are
     * links and a GET form, so they work without JavaScript.
     */
    it('switches between this week and all time', async () => {
      const asker = await buildMember(stack.api);
      const solver = await buildMember(stack.api);
      const thread = await buildThread(stack.api, asker);
      const reply = await buildReply(stack.api, solver, thread.id);
      for (let i = 0; i < 2; i++) await vote(await buildMember(stack.api), reply.id);
      await accept(asker, reply.id);

      const visitor = await newVisitor(stack.browser, { javaScriptEnabled });
      await visitor.page.goto(stack.web.url);
      await visitor.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
      await expect.poll(() => new URL(visitor.page.url()).pathname).toBe('/leaderboard');

      const periods = visitor.page.getByRole('navigation', { name: 'Period' });
      const week = periods.getByRole('link', { name: 'This week' });
      const allTime = periods.getByRole('link', { name: 'All time' });
      expect(await week.getAttribute('aria-current')).toBe('page');
      expect(await allTime.getAttribute('aria-current')).toBeNull();
      const row = visitor.page.locator(`[data-testid=leaderboard-row][data-handle="${solver.handle}"]`);
      expect(await row.getByTestId('leaderboard-points').textContent()).toBe('35');
      expect(await row.getByTestId('leaderboard-solutions').textContent()).toBe('1');
      expect(await row.getByRole('link').textContent()).toBe(`@${solver.handle}`);
      expect(await row.textContent()).toContain('Member');

      await allTime.click();
      await expect.poll(() => allTime.getAttribute('aria-current')).toBe('page');
      expect(await week.getAttribute('aria-current')).toBeNull();
      expect(new URL(visitor.page.url()).searchParams.get('period')).toBe('ALL_TIME');
      expect(await visitor.page.getByTestId('leaderboard-row').count()).toBeGreaterThan(1);
      expect(await row.getByTestId('leaderboard-points').textContent()).toBe('50');

      // Top solvers, all time, in the question's category: the period is kept.
      await visitor.page.getByRole('navigation', { name: 'Ranking' }).getByRole('link', { name: 'Solutions' }).click();
      await expect.poll(() => new URL(visitor.page.url()).searchParams.get('ranking')).toBe('SOLUTIONS');
      expect(await row.getByTestId('leaderboard-solutions').textContent()).toBe('1');
      await visitor.page.getByLabel('Category').selectOption(await firstCategoryId(stack.api));
      await visitor.page.getByRole('button', { name: 'Show' }).click();
      await expect
        .poll(() => new URL(visitor.page.url()).searchParams.get('category'))
        .toBe(await firstCategoryId(stack.api));
      expect(await allTime.getAttribute('aria-current')).toBe('page');
      expect(await row.getByTestId('leaderboard-solutions').textContent()).toBe('1');
      // Everyone listed solved something.
      for (const solutions of await visitor.page.getByTestId('leaderboard-solutions').allTextContents()) {
        expect(Number(solutions)).toBeGreaterThan(0);
      }

      visitor.assertClean();
      await visitor.context.close();
    });
  });
}

describe('advocates', () => {
  /**
   * Staff make a member an advocate with a reason, then narrow them to one category; the mark
   * shows on the profile and their posts.
   */
  it('lets staff grant advocate status from the profile', async () => {
    const staff = await newVisitor(stack.browser, { javaScriptEnabled: false });
    const staffHandle = await registerThroughUi(staff.page, stack.web.url);
    await stack.api.sql(`update members set role = 'MODERATOR' where id = $1`, [
      (await memberByHandle(stack.api, staffHandle)).id,
    ]);
    const helper = await buildMember(stack.api);
    const thread = await buildThread(stack.api, await buildMember(stack.api));
    await buildReply(stack.api, helper, thread.id);

    await staff.page.goto(`${stack.web.url}/t/${thread.id}`);
    const reply = staff.page.getByTestId('reply');
    expect(await reply.getByTestId('advocate-mark').count()).toBe(0);
    expect(await reply.getByTestId('author-level').textContent()).toBe('Member');

    await staff.page.goto(`${stack.web.url}/u/${helper.handle}`);
    const form = staff.page.getByTestId('advocate-form');
    await form.getByRole('button', { name: 'Make advocate' }).click();
    await expect.poll(() => form.getByTestId('field-error').count()).toBe(1);
    await form.getByLabel('Reason').fill('Answers pairing questions patiently every week.');
    await form.getByRole('button', { name: 'Make advocate' }).click();
    await expect.poll(() => staff.page.getByRole('heading', { level: 1 }).getByTestId('advocate-mark').count()).toBe(1);
    expect(await staff.page.getByTestId('advocate-scope').textContent()).toBe('Advocate in every category');
    expect(await form.getByRole('button', { name: 'Revoke advocate status' }).count()).toBe(1);

    // Narrowed to the thread's category: the profile says where they champion.
    const [{ name: categoryName }] = await stack.api.sql(
      'select c.name from categories c join threads t on t.category_id = c.id where t.id = $1',
      [thread.id],
    );
    await form.getByLabel('Reason').fill('Focus on the category they know best.');
    await form.getByRole('checkbox', { name: categoryName }).check();
    await form.getByRole('button', { name: 'Save categories' }).click();
    await expect.poll(() => staff.page.getByTestId('advocate-scope').textContent()).toBe(`Advocate in ${categoryName}`);
    expect(await form.getByRole('checkbox', { name: categoryName }).isChecked()).toBe(true);

    await staff.page.goto(`${stack.web.url}/t/${thread.id}`);
    expect(await reply.getByTestId('advocate-mark').textContent()).toContain('Advocate');
    // The advocate badge arrives from a job shortly after; the author's badge dots count it.
    await expect
      .poll(
        async () => {
          await staff.page.reload();
          return (await reply.getByTestId('badge-counts').count()) > 0
            ? await reply.getByTestId('badge-counts').textContent()
            : '';
        },
        { timeout: 10_000, interval: 500 },
      )
      .toContain('1 gold badge');

    staff.assertClean();
    await staff.context.close();
  });
});

describe('moderators', () => {
  /**
   * A moderator staff-picks an answer (its author earns 25) and removes a spam reply (its author
   * loses 100), then restores it from the removed list, which gives the 100 back.
   */
  it('picks an answer, removes spam, and restores it from the removed list', async () => {
    const staff = await newVisitor(stack.browser);
    const staffHandle = await registerThroughUi(staff.page, stack.web.url);
    await stack.api.sql(`update members set role = 'MODERATOR' where id = $1`, [
      (await memberByHandle(stack.api, staffHandle)).id,
    ]);
    const [helper, spammer] = await Promise.all([buildMember(stack.api), buildMember(stack.api)]);
    const thread = await buildThread(stack.api, await buildMember(stack.api));
    const good = await buildReply(stack.api, helper, thread.id, ANSWER);
    const spam = await buildReply(stack.api, spammer, thread.id, 'Buy cheap followers now at our wonderful shop!');
    const reputation = async (m: TestMember) =>
      (await stack.api.sql<{ reputation: number }>('select reputation from members where id = $1', [m.id]))[0]!
        .reputation;

    await staff.page.goto(`${stack.web.url}/t/${thread.id}`);
    const goodCard = staff.page.locator(`#post-${good.id}`);
    await goodCard.getByTestId('staff-pick-toggle').click();
    await expect.poll(() => goodCard.getByTestId('staff-pick').count()).toBe(1);
    expect(await goodCard.getByTestId('staff-pick-toggle').textContent()).toBe('Withdraw staff pick');
    expect(await reputation(helper)).toBe(15 + 25);

    const spamCard = staff.page.locator(`#post-${spam.id}`);
    await spamCard.getByTestId('remove-post').click();
    await spamCard.getByLabel('Reason').selectOption('SPAM');
    await spamCard.getByRole('button', { name: 'Remove post' }).click();
    // Nothing happens until the moderator confirms.
    const confirm = staff.page.getByRole('dialog', { name: 'Remove this post?' });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await reputation(spammer)).toBe(15);
    await confirm.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => staff.page.locator(`#post-${spam.id}`).count()).toBe(0);
    expect(await reputation(spammer)).toBe(15 - 100);

    await staff.page.getByRole('button', { name: 'Staff', exact: true }).click();
    await staff.page.getByRole('link', { name: 'Removed' }).click();
    const removed = staff.page.getByTestId('removed-post').first();
    await expect
      .poll(() => removed.getByTestId('removal').textContent())
      .toMatch(new RegExp(`^removed as spam by @${staffHandle}`));
    await removed.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => staff.page.locator(`#post-${spam.id}`).count()).toBe(1);
    expect(await reputation(spammer)).toBe(15);

    // The spammer's history shows the penalty and its reversal.
    await staff.page.goto(`${stack.web.url}/u/${spammer.handle}`);
    const history = await staff.page.getByTestId('reputation-event').allTextContents();
    expect(history.join('\n')).toMatch(/Post removed by a moderator/);
    expect(history.join('\n')).toMatch(/Reversed/);

    staff.assertClean();
    await staff.context.close();
  });
});
