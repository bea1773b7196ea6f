import { ValidationError } from '../../../platform/errors.js';

type Sort = 'RELEVANCE' | 'NEWEST';

/**
 * Meilisearch pages by offset; clients get an opaque cursor that carries the offset and the
 * sort it belongs to, so a cursor is never read under another sort. Offsets stop at the
 * engine's maxTotalHits (results past it do not exist for Meilisearch).
 */
export function encodeCursor(offset: number, sort: Sort): string {
  return Buffer.from(JSON.stringify({ o: offset, s: sort === 'NEWEST' ? 'n' : 'r' })).toString('base64url');
}

/** The offset in `cursor`, or BAD_USER_INPUT (`after`) when it is not one of ours for this sort and cap. */
export function decodeCursor(cursor: string | null, sort: Sort, maxOffset: number): number {
  if (cursor === null) return 0;
  const invalid = () => new ValidationError({ after: 'This cursor is not valid for this search.' });
  if (cursor.length > 100 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { o, s } = (parsed ?? {}) as { o?: unknown; s?: unknown };
  if (s !== (sort === 'NEWEST' ? 'n' : 'r')) throw invalid();
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 1 || o > maxOffset) throw invalid();
  // Only the exact text we issue: base64 decoding forgives trailing characters, we do not.
  if (encodeCursor(o, sort) !== cursor) throw invalid();
  return o;
}
