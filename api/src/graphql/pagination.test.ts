import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors.js';
import { decodeCursor, encodeCursor, parseId, type CursorKind } from './pagination.js';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function rejects(cursor: string, shape: CursorKind[]) {
  try {
    decodeCursor(cursor, shape);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('BAD_USER_INPUT');
    expect((err as DomainError).details).toEqual({ fields: { after: expect.stringMatching(/not a valid cursor/) } });
    return;
  }
  throw new Error(`accepted ${Buffer.from(cursor, 'base64url').toString()}`);
}

describe('decodeCursor', () => {
  it('round-trips what encodeCursor wrote', () => {
    const values = ['2026-11-23T10:00:00.123Z', 42];
    expect(decodeCursor(encodeCursor(values), ['timestamp', 'id'])).toEqual(values);
    expect(decodeCursor(encodeCursor([-3, 7]), ['int', 'id'])).toEqual([-3, 7]);
    expect(decodeCursor(encodeCursor(['9223372036854775807']), ['bigid'])).toEqual(['9223372036854775807']);
    expect(decodeCursor(null, ['id'])).toBeNull();
  });

  it.each([
    ['not-a-date', 1],
    ['2026-02-31T00:00:00.000Z', 1],
    ['2026-11-23T24:00:00.000Z', 1],
    ['0000-01-01T00:00:00.000Z', 1],
    ['2026-11-23', 1],
    ['2026-11-23T10:00:00Z', 1],
    ['2026-11-23T10:00:00.000+01:00', 1],
    [1763892000000, 1],
    ['2026-11-23T10:00:00.000Z', 1e30],
    ['2026-11-23T10:00:00.000Z', -1],
    ['2026-11-23T10:00:00.000Z', 0],
    ['2026-11-23T10:00:00.000Z', 1.5],
    ['2026-11-23T10:00:00.000Z', 2147483648],
    ['2026-11-23T10:00:00.000Z', '7'],
    ['2026-11-23T10:00:00.000Z', null],
  ])('rejects a timestamp/id cursor [%j, %j]', (at, id) => {
    rejects(raw([at, id]), ['timestamp', 'id']);
  });

  it.each([[[2147483648, 1]], [[-2147483649, 1]], [[0.5, 1]], [['1', 1]], [[1]], [[1, 2, 3]], [{ score: 1 }]])(
    'rejects a score/id cursor %j',
    (value) => {
      rejects(raw(value), ['int', 'id']);
    },
  );

  it.each([['9223372036854775808'], ['-1'], ['0'], ['01'], ['1e3'], [12], ['99999999999999999999']])(
    'rejects a bigint id cursor %j',
    (id) => {
      rejects(raw([id]), ['bigid']);
    },
  );

  it('rejects what is not a cursor at all', () => {
    rejects('not base64 !', ['id']);
    rejects(Buffer.from('{"a":').toString('base64url'), ['id']);
    rejects('A'.repeat(500), ['id']);
    rejects('', ['id']);
  });
});

describe('parseId', () => {
  it('accepts int4 ids', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId('2147483647')).toBe(2147483647);
    expect(parseId(12)).toBe(12);
  });

  it.each(['0', '-1', '1.5', '1e30', '2147483648', '99999999999', 'abc', '', ' 1'])('rejects %j', (id) => {
    expect(() => parseId(id, 'postId')).toThrow(/postId is not a valid id/);
  });
});
