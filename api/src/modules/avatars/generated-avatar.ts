import { createHash } from 'node:crypto';

/**
 * Backgrounds for generated avatars: Tailwind's 700 shades, each at least 4.5:1 against the white
 * initials (WCAG AA for normal text; generated-avatar.test.ts computes every ratio).
 */
export const AVATAR_COLOURS = [
  '#b91c1c', // red
  '#c2410c', // orange
  '#b45309', // amber
  '#15803d', // green
  '#047857', // emerald
  '#0f766e', // teal
  '#0e7490', // cyan
  '#0369a1', // sky
  '#1d4ed8', // blue
  '#4338ca', // indigo
  '#6d28d9', // violet
  '#7e22ce', // purple
  '#a21caf', // fuchsia
  '#be185d', // pink
  '#be123c', // rose
  '#334155', // slate
] as const;

/** One or two letters for a handle: the first letters of its first two words (`jane_doe` → JD). */
export function initialsOf(handle: string): string {
  const words = handle.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const letters = words.length >= 2 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

/** The colour of a handle's avatar: the same handle always gets the same one. */
export function colourOf(handle: string): string {
  const digest = createHash('sha256').update(handle.toLowerCase()).digest();
  return AVATAR_COLOURS[digest.readUInt32BE(0) % AVATAR_COLOURS.length]!;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A square SVG with the handle's initials on its colour: every member's avatar until they upload one. */
export function generatedAvatarSvg(handle: string): string {
  const initials = escapeXml(initialsOf(handle));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img">` +
    `<rect width="256" height="256" fill="${colourOf(handle)}"/>` +
    `<text x="128" y="128" dy=".35em" text-anchor="middle" fill="#ffffff" ` +
    `font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif" font-size="${initials.length > 1 ? 104 : 128}" ` +
    `font-weight="600">${initials}</text></svg>`
  );
}
