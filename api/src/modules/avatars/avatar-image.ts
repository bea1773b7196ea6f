import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { ValidationError } from '../../platform/errors.js';

/** The largest upload accepted, in bytes. */
export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
/** The square sizes every avatar is stored at (px): 256 for profiles, 64 for lists and posts. */
export const AVATAR_SIZES = [256, 64] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];
/**
 * Decompression bombs: a few kilobytes of PNG can claim 50,000 × 50,000 pixels. The header's
 * dimensions are checked before any pixel is decoded, and libvips refuses more pixels anyway.
 */
const MAX_SIDE = 6000;
const MAX_PIXELS = 24_000_000;

export type ImageType = 'png' | 'jpeg' | 'webp' | 'gif';

/** The image type by its magic bytes (never by file name or the client's content type). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

export interface ProcessedAvatar {
  /** A content hash of the result: names the stored files, so a new image gets new URLs. */
  hash: string;
  /** WebP bytes per size. */
  images: Record<AvatarSize, Buffer>;
}

const refuse = (message: string) => new ValidationError({ image: message });

/**
 * Checks an upload (type by content, size, dimensions) and re-encodes it as square WebP at each
 * size: centre-cropped, turned upright by its EXIF orientation, with every piece of metadata
 * (EXIF, GPS, ICC comments) left behind. A GIF gives its first frame. Anything wrong is
 * BAD_USER_INPUT on the `image` field, before anything is stored.
 */
export async function processAvatar(bytes: Buffer): Promise<ProcessedAvatar> {
  if (bytes.length === 0) throw refuse('Choose an image to upload.');
  if (bytes.length > MAX_AVATAR_BYTES) throw refuse('The image is larger than 2 MB.');
  const type = sniffImageType(bytes);
  if (!type) throw refuse('The file is not a PNG, JPEG, WebP or GIF image.');
  const input = () => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', pages: 1 });
  let meta: Metadata;
  try {
    // Reads the header only: the dimensions are checked below, with a message that says so.
    meta = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    throw refuse('The image could not be read.');
  }
  // The decoder must agree with the magic bytes (a PNG header glued to something else).
  if (meta.format !== type) throw refuse('The file is not a PNG, JPEG, WebP or GIF image.');
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw refuse(`The image is too large: at most ${MAX_SIDE} × ${MAX_SIDE} pixels.`);
  }
  try {
    const entries = await Promise.all(
      AVATAR_SIZES.map(
        async (size) =>
          [
            size,
            await input()
              .rotate()
              .resize(size, size, { fit: 'cover', position: 'attention' })
              .webp({ quality: 82 })
              .toBuffer(),
          ] as const,
      ),
    );
    const images = Object.fromEntries(entries) as Record<AvatarSize, Buffer>;
    const hash = createHash('sha256').update(images[256]).digest('hex').slice(0, 16);
    return { hash, images };
  } catch {
    throw refuse('The image could not be read.');
  }
}
