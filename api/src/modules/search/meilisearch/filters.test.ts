import { describe, expect, it } from 'vitest';
import { filterExpression } from './filters.js';

describe('Meilisearch filters', () => {
  it('always restrict to readable categories (or none) and the kinds asked of the index', () => {
    expect(filterExpression({}, ['THREAD', 'POST'], [1, 3])).toEqual([
      '(categoryId IS NULL OR categoryId IN [1, 3])',
      'kind IN ["THREAD", "POST"]',
    ]);
    expect(filterExpression({}, ['MEMBER'], [])).toEqual(['categoryId IS NULL', 'kind IN ["MEMBER"]']);
  });

  it('add the request filters, with tags quoted so no value can change the expression', () => {
    const after = new Date('2026-01-02T03:04:05.678Z');
    expect(
      filterExpression(
        { categoryId: 7, tags: ['a"b', 'c\\', 'x OR kind = "MEMBER"'], solved: false, createdAfter: after },
        ['ARTICLE'],
        [7],
      ).slice(2),
    ).toEqual([
      'categoryId = 7',
      'tags = "a\\"b"',
      'tags = "c\\\\"',
      'tags = "x OR kind = \\"MEMBER\\""',
      'solved = false',
      `createdAt > ${after.getTime()}`,
    ]);
  });
});
