import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, colourOf, generatedAvatarSvg, initialsOf } from './generated-avatar.js';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('generated avatars', () => {
  it.each(AVATAR_COLOURS)('white initials on %s pass WCAG AA (4.5:1)', (colour) => {
    expect((1 + 0.05) / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('take the initials of the first two words of the handle', () => {
    expect(initialsOf('jane_doe')).toBe('JD');
    expect(initialsOf('ada')).toBe('AD');
    expect(initialsOf('x-ray-vision')).toBe('XR');
    expect(initialsOf('__')).toBe('?');
  });

  it('give a handle the same colour every time, and spread handles over the palette', () => {
    expect(colourOf('jane_doe')).toBe(colourOf('jane_doe'));
    expect(colourOf('Jane_Doe')).toBe(colourOf('jane_doe'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colourOf(`member_${i}`)));
    expect(used.size).toBeGreaterThan(10);
  });

  it('escape what they print', () => {
    expect(generatedAvatarSvg('a&b')).toContain('>AB<');
    expect(generatedAvatarSvg('jane_doe')).toContain(`fill="${colourOf('jane_doe')}"`);
  });
});
