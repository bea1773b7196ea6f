import { describe, expect, it } from 'vitest';
import { isBotRequest } from './bots.server';

const withAgent = (userAgent: string | null) =>
  new Request('http://localhost/t/1', { headers: userAgent === null ? {} : { 'user-agent': userAgent } });

describe('isBotRequest', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'facebookexternalhit/1.1',
    'curl/8.5.0',
    '',
    null,
  ])('does not count %s', (userAgent) => {
    expect(isBotRequest(withAgent(userAgent))).toBe(true);
  });

  it('counts browsers', () => {
    expect(
      isBotRequest(
        withAgent(
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        ),
      ),
    ).toBe(false);
    expect(
      isBotRequest(withAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1')),
    ).toBe(false);
  });
});
