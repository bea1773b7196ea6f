import { describe, expect, it } from 'vitest';
import { readToken, signToken } from './signed-tokens.js';

const SECRET = 's'.repeat(40);

describe('signed tokens', () => {
  it('round-trips its claims for the purpose it was signed for', () => {
    const token = signToken(SECRET, 'unsubscribe', { m: 7, k: 'REPLY' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(readToken(SECRET, 'unsubscribe', token)).toEqual({ m: 7, k: 'REPLY' });
  });

  it('is refused for another purpose', () => {
    const token = signToken(SECRET, 'unsubscribe', { m: 7 });
    expect(readToken(SECRET, 'verify-email', token)).toBeNull();
  });

  it('is refused with another secret', () => {
    const token = signToken(SECRET, 'verify-email', { m: 7 });
    expect(readToken('t'.repeat(40), 'verify-email', token)).toBeNull();
    expect(readToken(undefined, 'verify-email', token)).toBeNull();
  });

  it('is refused when its claims or signature are changed', () => {
    const token = signToken(SECRET, 'verify-email', { m: 7, e: 'a@example.com' });
    const [body, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ m: 8, e: 'a@example.com' })).toString('base64url');
    expect(readToken(SECRET, 'verify-email', `${forged}.${signature}`)).toBeNull();
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    expect(readToken(SECRET, 'verify-email', `${body}.${flipped}`)).toBeNull();
    expect(readToken(SECRET, 'verify-email', `${body}.${signature.slice(0, 10)}`)).toBeNull();
    for (const bad of ['', '.', body, `${body}.`, `.${signature}`, `${token}.x`, 'x'.repeat(3000)]) {
      expect(readToken(SECRET, 'verify-email', bad)).toBeNull();
    }
  });

  it('expires when given a lifetime, and not before', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const token = signToken(SECRET, 'verify-email', { m: 7 }, { expiresInSeconds: 3600, now });
    expect(readToken(SECRET, 'verify-email', token, new Date('2026-12-01T12:59:59Z'))).toMatchObject({ m: 7 });
    expect(readToken(SECRET, 'verify-email', token, new Date('2026-12-01T13:00:00Z'))).toBeNull();
  });

  it('signs without a configured secret (development), and such a token is not valid under a real one', () => {
    const token = signToken(undefined, 'unsubscribe', { m: 1 });
    expect(readToken(undefined, 'unsubscribe', token)).toEqual({ m: 1 });
    expect(readToken(SECRET, 'unsubscribe', token)).toBeNull();
  });
});
