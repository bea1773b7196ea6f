import { describe, expect, it } from 'vitest';
import { crossOriginReason, ensureSameOrigin, fromOwnPages, sameOriginAction } from './same-origin.server';

const APP = 'https://community.example';
const post = (headers: Record<string, string>, method = 'POST') => new Request(`${APP}/logout`, { method, headers });

describe('crossOriginReason', () => {
  it('lets same-origin posts and posts without Origin or Sec-Fetch-Site through', () => {
    expect(crossOriginReason(post({ origin: APP }), [APP])).toBeNull();
    expect(crossOriginReason(post({ origin: APP, 'sec-fetch-site': 'same-origin' }), [APP])).toBeNull();
    expect(crossOriginReason(post({}), [APP])).toBeNull();
    expect(crossOriginReason(post({ 'sec-fetch-site': 'none' }), [APP])).toBeNull();
  });

  it('compares origins as browsers serialise them', () => {
    expect(crossOriginReason(post({ origin: 'https://COMMUNITY.example:443' }), [APP])).toBeNull();
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['another port', { origin: 'https://community.example:8443' }],
    ['http instead of https', { origin: 'http://community.example' }],
    ['a look-alike suffix', { origin: 'https://community.example.evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['garbage', { origin: 'not a url' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['cross-site even with a matching Origin', { origin: APP, 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s', (_name, headers) => {
    expect(crossOriginReason(post(headers), [APP])).not.toBeNull();
  });

  it('ignores safe methods', () => {
    expect(crossOriginReason(post({ origin: 'https://evil.example' }, 'GET'), [APP])).toBeNull();
  });
});

describe('ensureSameOrigin and sameOriginAction', () => {
  it('throws a 403 response for a cross-origin post (the request URL is an app origin)', () => {
    let thrown: unknown;
    try {
      ensureSameOrigin(post({ origin: 'https://evil.example' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(() => ensureSameOrigin(post({ origin: APP }))).not.toThrow();
  });

  it('never runs the wrapped action for a cross-origin post', async () => {
    let runs = 0;
    const action = sameOriginAction(async (_args: { request: Request }) => ++runs);
    await expect(action({ request: post({ 'sec-fetch-site': 'cross-site' }) })).rejects.toMatchObject({ status: 403 });
    expect(runs).toBe(0);
    await expect(action({ request: post({ origin: APP }) })).resolves.toBe(1);
  });
});

describe('fromOwnPages', () => {
  const get = (headers: Record<string, string>) => new Request(`${APP}/ask/open`, { headers });
  it('is true for the app’s own pages and for clients that send no Sec-Fetch-Site', () => {
    expect(fromOwnPages(get({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(fromOwnPages(get({}))).toBe(true);
  });
  it.each(['cross-site', 'same-site', 'none'])('is false for Sec-Fetch-Site: %s', (site) => {
    expect(fromOwnPages(get({ 'sec-fetch-site': site }))).toBe(false);
  });
});
