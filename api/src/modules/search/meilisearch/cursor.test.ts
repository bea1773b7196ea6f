import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('Meilisearch cursors', () => {
  it('carry an offset for one sort', () => {
    expect(decodeCursor(encodeCursor(20, 'RELEVANCE'), 'RELEVANCE', 1000)).toBe(20);
    expect(decodeCursor(encodeCursor(1000, 'NEWEST'), 'NEWEST', 1000)).toBe(1000);
    expect(decodeCursor(null, 'NEWEST', 1000)).toBe(0);
  });

  it('refuse, as BAD_USER_INPUT on `after`, another sort, an offset past the cap, and anything not ours', () => {
    const bad = [
      [encodeCursor(20, 'NEWEST'), 'RELEVANCE'],
      [encodeCursor(1001, 'RELEVANCE'), 'RELEVANCE'],
      [encodeCursor(0, 'RELEVANCE'), 'RELEVANCE'],
      [Buffer.from('{"o":2.5,"s":"r"}').toString('base64url'), 'RELEVANCE'],
      [Buffer.from('[1]').toString('base64url'), 'RELEVANCE'],
      [Buffer.from('null').toString('base64url'), 'RELEVANCE'],
      ['not base64 at all!', 'RELEVANCE'],
      ['%00', 'RELEVANCE'],
      ['A'.repeat(10_000), 'RELEVANCE'],
      ['', 'RELEVANCE'],
    ] as const;
    for (const [cursor, sort] of bad) {
      let error: unknown;
      try {
        decodeCursor(cursor, sort, 1000);
      } catch (e) {
        error = e;
      }
      expect(error, cursor.slice(0, 40)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toHaveProperty('after');
    }
  });
});
