import { AVATAR_SIZES, type AvatarSize } from './avatar-image.js';

/**
 * Avatar URLs are paths on the public origin: the API serves them under /avatars, and the web
 * app passes the same paths through to the API, so pages load them from their own origin
 * (CSP img-src 'self'). Uploaded ones carry their content hash: cached for a year, immutable.
 */
export const AVATAR_PATH = '/avatars';

/** The stored file of one size of an uploaded avatar. */
export const avatarKey = (memberId: number, hash: string, size: AvatarSize) =>
  `avatars/${memberId}-${hash}-${size}.webp`;

/** `12-0123456789abcdef-64.webp` → its parts, or null for anything else. */
export function parseAvatarFile(file: string): { memberId: number; hash: string; size: AvatarSize } | null {
  const match = /^(\d{1,10})-([0-9a-f]{16})-(\d+)\.webp$/.exec(file);
  const size = Number(match?.[3]) as AvatarSize;
  if (!match || !AVATAR_SIZES.includes(size)) return null;
  return { memberId: Number(match[1]), hash: match[2]!, size };
}

/** The stored size that serves a display `size`: the smallest one at least as large. */
export const storedSizeFor = (size: number): AvatarSize => (size <= 64 ? 64 : 256);

export const uploadedAvatarUrl = (memberId: number, hash: string, size: number) =>
  `${AVATAR_PATH}/u/${memberId}-${hash}-${storedSizeFor(size)}.webp`;

export const generatedAvatarUrl = (handle: string) => `${AVATAR_PATH}/g/${encodeURIComponent(handle)}.svg`;
