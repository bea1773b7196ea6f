import { describe, expect, it } from 'vitest';
import { createdAfter, isFiltered, parseSearchParams, searchHref, searchVariables, totalLabel } from './query';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe('search page state', () => {
  it('reads every parameter, and falls back on anything it does not know', () => {
    expect(
      parse('q=%20sync%20&kind=articles&category=3&tag=Android&solved=solved&date=week&sort=newest&after=abc'),
    ).toEqual({
      q: 'sync',
      kind: 'articles',
      category: '3',
      tag: 'android',
      solved: 'solved',
      date: 'week',
      sort: 'newest',
      after: 'abc',
    });
    expect(parse('kind=everything&category=x1&solved=maybe&date=decade&sort=best')).toMatchObject({
      q: '',
      kind: 'all',
      category: '',
      solved: '',
      date: 'any',
      sort: 'relevance',
      after: null,
    });
    expect(parse(`q=${'a'.repeat(500)}`).q).toHaveLength(200);
  });

  it('builds short links: defaults left out, a new filter starts from the first page', () => {
    const state = parse('q=sync wifi&kind=questions&after=c1');
    expect(searchHref(state)).toBe('/search?q=sync+wifi&kind=questions');
    expect(searchHref(state, { after: 'c2' })).toBe('/search?q=sync+wifi&kind=questions&after=c2');
    expect(searchHref(state, { kind: 'all', sort: 'newest' })).toBe('/search?q=sync+wifi&sort=newest');
    expect(searchHref(parse(''))).toBe('/search');
    expect(searchHref(parse('q=a&b'))).toBe('/search?q=a');
  });

  it('maps the state to the API’s filter', () => {
    const now = new Date('2026-12-01T12:30:00Z');
    expect(searchVariables(parse('q=sync&kind=replies&category=4&tag=wifi&solved=unsolved&date=month'), now)).toEqual({
      query: 'sync',
      filter: {
        kinds: ['POST'],
        categoryId: '4',
        tags: ['wifi'],
        solved: false,
        createdAfter: '2026-11-01T00:00:00.000Z',
      },
      sort: 'RELEVANCE',
      after: null,
    });
    expect(searchVariables(parse('q=x&sort=newest'), now).filter).toEqual({
      kinds: null,
      categoryId: null,
      tags: null,
      solved: null,
      createdAfter: null,
    });
    expect(isFiltered(parse('q=x&sort=newest'))).toBe(false);
    expect(isFiltered(parse('q=x&solved=solved'))).toBe(true);
  });

  it('dates count back from midnight UTC, so the filter is stable all day', () => {
    const late = new Date('2026-03-10T23:59:00Z');
    expect(createdAfter('any', late)).toBeNull();
    expect(createdAfter('week', late)).toBe('2026-03-03T00:00:00.000Z');
    expect(createdAfter('week', new Date('2026-03-10T00:01:00Z'))).toBe('2026-03-03T00:00:00.000Z');
    expect(createdAfter('year', late)).toBe('2025-03-10T00:00:00.000Z');
  });

  it('says the capped total as "1,000+ results"', () => {
    expect(totalLabel({ value: 1, exact: true })).toBe('1 result');
    expect(totalLabel({ value: 0, exact: true })).toBe('0 results');
    expect(totalLabel({ value: 1204, exact: true })).toBe('1,204 results');
    expect(totalLabel({ value: 1000, exact: false })).toBe('1,000+ results');
  });
});
