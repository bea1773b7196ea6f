import { describe, expect, it } from 'vitest';
import { sniffImageType } from './avatar-image.js';

describe('sniffImageType', () => {
  it.each([
    ['89504e470d0a1a0a0000', 'png'],
    ['ffd8ffe000104a464946', 'jpeg'],
    ['474946383961010001', 'gif'],
    ['474946383761010001', 'gif'],
    ['524946461a000000574542505650', 'webp'],
    ['524946461a000000415649204c49', null], // RIFF, but AVI
    ['3c737667', null], // <svg
    ['474946383861', null], // GIF88a is no GIF
    ['', null],
  ])('%s → %s', (hex, type) => {
    expect(sniffImageType(Buffer.from(hex, 'hex'))).toBe(type);
  });
});
