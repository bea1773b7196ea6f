import { describe, expect, it } from 'vitest';
import { scanTextContrast } from '../support/contrast-scan.js';
import { newVisitor, PHONE, signInByCookie, useStack } from '../support/e2e-fixtures.js';
import { buildMember, buildReply, buildThread, type TestMember } from '../support/factories.js';
import { recomputeInfluenceJob } from '../../api/src/modules/insights/influence/influence.jobs.js';

// Hidden influencers (issue 14, item 4, web half): staff see members in the top tenth of
// influence who are neither staff nor advocates, the parts of their score, and nominate them.
const stack = useStack();
const SLOW = 120_000;

/** `answerer` answers one question from each asker, and each asker accepts. */
async function solve(answerer: TestMember, askers: TestMember[]) {
  for (const asker of askers) {
    const thread = await buildThread(stack.api, asker);
    const reply = await buildReply(stack.api, answerer, thread.id);
    const res = await stack.api.gql(
      `mutation($id: ID!) { acceptAnswer(postId: $id) { id } }`,
      { id: reply.id },
      { token: asker.token, ip: asker.ip },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
}

describe('hidden influencers', () => {
  it(
    'staff see the parts of a hidden influencer’s score and nominate them, with and without JavaScript',
    async () => {
      const [moderator, first, second] = await Promise.all([
        buildMember(stack.api, { role: 'MODERATOR' }),
        buildMember(stack.api),
        buildMember(stack.api),
      ]);
      const askers = await Promise.all(Array.from({ length: 3 }, () => buildMember(stack.api)));
      await solve(first, askers);
      await solve(second, askers.slice(0, 2));
      await recomputeInfluenceJob.handle(stack.api.app.services, {});

      const desktop = await newVisitor(stack.browser);
      await signInByCookie(desktop.page, stack.web.url, moderator);
      await desktop.page.goto(`${stack.web.url}/staff/influencers`);
      await desktop.page.getByRole('heading', { name: 'Hidden influencers', level: 1 }).waitFor();
      const card = desktop.page.locator(`#influencer-${first.id}`);
      await card.getByRole('heading', { name: `@${first.handle}` }).waitFor();
      expect(await card.getByTestId('influencer-why').textContent()).toMatch(/^Top 10% of influence/);
      const parts = card.getByRole('table', { name: `Parts of @${first.handle}’s influence` });
      expect(await parts.getByRole('rowheader').allTextContents()).toEqual([
        expect.stringMatching(/^Accepted answers \(decayed\)3 accepted answers/),
        expect.stringMatching(/^Reach after the solution/),
        expect.stringMatching(/^Distinct askers helped3 distinct askers/),
        expect.stringMatching(/^Rank among answerers \(PageRank\)/),
      ]);
      const lowContrast = (await scanTextContrast(desktop.page)).filter((t) => t.ratio < t.required);
      expect(lowContrast).toEqual([]);
      await card.getByRole('button', { name: `Nominate @${first.handle} as an advocate` }).click();
      await expect.poll(() => card.getByTestId('nominated').count()).toBe(1);
      desktop.assertClean();
      const [nomination] = await stack.api.sql('select nominated_by from influencer_nominations where member_id = $1', [
        first.id,
      ]);
      expect(String(nomination.nominated_by)).toBe(moderator.id);

      // A member reads nothing here.
      const member = await newVisitor(stack.browser);
      await signInByCookie(member.page, stack.web.url, second);
      const refused = await member.page.goto(`${stack.web.url}/staff/influencers`);
      expect(refused?.status()).toBe(403);

      // Without JavaScript, on a phone: the page fits, and the button posts and comes back.
      const noJs = await newVisitor(stack.browser, { ...PHONE, javaScriptEnabled: false });
      await signInByCookie(noJs.page, stack.web.url, moderator);
      await noJs.page.goto(`${stack.web.url}/staff/influencers`);
      expect(
        await noJs.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
      ).toBe(false);
      await stack.api.sql('delete from influencer_nominations where member_id = $1', [first.id]);
      await noJs.page.reload();
      const again = noJs.page.locator(`#influencer-${first.id}`);
      await again.getByRole('button', { name: `Nominate @${first.handle} as an advocate` }).click();
      await noJs.page.waitForURL(/\/staff\/influencers/);
      expect(await noJs.page.locator(`#influencer-${first.id}`).getByTestId('nominated').count()).toBe(1);
      noJs.assertClean();
    },
    SLOW,
  );
});
