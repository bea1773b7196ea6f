import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { searchContract, SEARCH_TEST_MAX_TOTAL } from './search-contract.js';

// The search contract against the PostgreSQL engine (the default: no MEILISEARCH_URL).
searchContract('postgres', () => ({}));

describe('postgres engine: NEWEST totals', () => {
  let api: TestApi;
  const SEARCH = `query($first: Int) {
    search(query: "capybaric", sort: NEWEST, filter: { kinds: [MEMBER] }, first: $first) {
      edges { cursor } pageInfo { hasNextPage } total { value exact }
    }
  }`;
  beforeAll(async () => {
    api = await startTestApi({ SEARCH_MAX_TOTAL: String(SEARCH_TEST_MAX_TOTAL) });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('are not counted when the planner expects ten times the cap, and exact when one page holds them all', async () => {
    // Documents straight into the index: 300 matches, and statistics that say so.
    await api.sql(
      `insert into search_documents (kind, source_id, created_at, title, body)
       select 'MEMBER', 1000000 + i, now() - i * interval '1 minute', 'capybaric ' || i, '' from generate_series(1, 300) i`,
    );
    await api.sql('analyze search_documents');
    const search = async (first: number) => {
      const res = await api.gql(SEARCH, { first });
      expect(res.errors).toBeUndefined();
      return res.data.search;
    };
    expect((await search(5)).total).toEqual({ value: SEARCH_TEST_MAX_TOTAL, exact: false });
    // The statistics still say 300 when 5 are left: a page short of the next one counts them.
    await api.sql(`delete from search_documents where kind = 'MEMBER' and source_id > 1000005`);
    const all = await search(20);
    expect(all.edges).toHaveLength(5);
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.total).toEqual({ value: 5, exact: true });
    // A page that does not hold them all keeps the estimate: "12+" for 5 (the price of not counting).
    expect((await search(2)).total).toEqual({ value: SEARCH_TEST_MAX_TOTAL, exact: false });
  });
});
