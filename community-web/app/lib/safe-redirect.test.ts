import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it.each(['/', '/t/12', '/c/billing?order=TOP', '/u/alice#threads'])('keeps the same-origin path %s', (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each([
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '%2F%2Fevil.example',
    'https://evil.example',
    'http:/evil.example',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'evil.example',
    '/\tevil',
    '',
    null,
    undefined,
  ])('rejects %s', (target) => {
    expect(safeRedirect(target as string | null)).toBe('/');
  });

  it('uses the given fallback', () => {
    expect(safeRedirect('//x', '/login')).toBe('/login');
  });
});
