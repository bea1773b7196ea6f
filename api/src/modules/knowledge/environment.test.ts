import { describe, expect, it } from 'vitest';
import { extractEnvironment } from './environment.js';

describe('extractEnvironment', () => {
  it('takes labelled lines when the asker wrote them', () => {
    const text = 'Sync fails.\n\nVersion: 3.2.1\n**OS**: Windows 11\nProduct = Hearth Desktop\nThanks';
    expect(extractEnvironment(text)).toBe('- Version: 3.2.1\n- Platform: Windows 11\n- Product: Hearth Desktop');
  });

  it('otherwise lists the versions and platforms the prose names, not those in code', () => {
    const text = 'Since upgrading to v4.1 on macOS 14 (and on Ubuntu 22.04) exports hang.\n```\nlib 9.9.9\n```';
    expect(extractEnvironment(text)).toBe('- Version: 4.1, 22.04\n- Platform: macOS 14, Ubuntu 22.04');
  });

  it('is empty when the thread states nothing', () => {
    expect(extractEnvironment('How do I change my avatar?')).toBe('');
  });
});
