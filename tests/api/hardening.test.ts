import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildThread } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// GraphQL and HTTP limits from SECURITY.md: each rejection is a 4xx with a typed, readable
// error, never a 500, and nothing runs.
let api: TestApi;
let prod: TestApi;
beforeAll(async () => {
  [api, prod] = await Promise.all([
    startTestApi(),
    startTestApi({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }),
  ]);
});
afterAll(async () => {
  await api?.close();
  await prod?.close();
});

const post = (base: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('query shape limits', () => {
  it('rejects a query deeper than 8 levels', async () => {
    // Post.thread and Thread.question form a real cycle, so depth grows one level per hop.
    const nest = (levels: number): string => (levels === 0 ? 'id' : `thread { question { ${nest(levels - 1)} } }`);
    const within = `{ categories { id } thread(id: "1") { question { ${nest(2)} } } }`; // 7 levels, 8 with the leaf
    const deep = `{ thread(id: "1") { question { ${nest(3)} } } }`; // 9 levels, 10 with the leaf
    expect((await api.gql(within)).status).toBe(200);
    const r = await api.gql(deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/depth/i);
  });

  it('counts fields inside fragments where they land: spreads neither add depth nor hide it', async () => {
    const nest = (levels: number): string => (levels === 0 ? 'id' : `thread { question { ${nest(levels - 1)} } }`);
    const spread = (inner: string) => `{ thread(id: "1") { question { ...P } } } fragment P on Post { ${inner} }`;
    expect((await api.gql(spread(nest(2)))).status).toBe(200); // the 8 levels of the query above
    const r = await api.gql(spread(nest(3))); // 10 levels, all inside the fragment
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/depth/i);
  });

  it('rejects more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: categories { id }`).join(' ');
    const r = await api.gql(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/aliases/i);
    const ok = await api.gql(`{ ${Array.from({ length: 15 }, (_, i) => `a${i}: categories { id }`).join(' ')} }`);
    expect(ok.errors).toBeUndefined();
  });

  it('rejects more than 50 directives', async () => {
    const fields = Array.from({ length: 26 }, () => `id @include(if: true) @skip(if: false)`).join(' ');
    const r = await api.gql(`{ categories { ${fields} } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toBe('Directives limit of 50 exceeded, found 52.');
  });

  it('rejects a document of more than 1000 tokens with 400 and a readable message', async () => {
    const r = await api.gql(`{ categories { ${Array.from({ length: 1000 }, () => 'id').join(' ')} } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.errors?.[0].message).toMatch(/more than 1000 tokens/);
  });

  it('rejects an operation whose estimated cost is over the limit, before any resolver runs', async () => {
    const r = await api.gql(
      `{ threads(first: 100) { edges { node { replies(first: 100) { edges { node { id body } } } } } } }`,
    );
    expect(r.status).toBe(400);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: 5000 });
    expect(r.errors?.[0].extensions.cost).toBeGreaterThan(5000);
  });

  it('reports the cost of an accepted operation in extensions.cost', async () => {
    const r = await api.gql(`{ threads(first: 10) { edges { node { id title } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.cost).toBeGreaterThan(10);
  });

  it('prices the same query text anew for each page size and @include, also through variables', async () => {
    // The cost is cached per parsed document; the cache must key on what changes the cost.
    const query = `query Q($first: Int, $deep: Boolean!) {
      threads(first: $first) { edges { node { id replies(first: 100) @include(if: $deep) { edges { node { id } } } } } }
    }`;
    const cost = async (variables: Record<string, unknown>) =>
      (await api.gql(query, variables)).extensions?.cost as number;
    const small = await cost({ first: 2, deep: false });
    expect(await cost({ first: 20, deep: false })).toBeGreaterThan(small);
    expect(await cost({ first: 2, deep: true })).toBeGreaterThan(small);
    expect(await cost({ first: 2, deep: false })).toBe(small);
    const over = await api.gql(query, { first: 60, deep: true });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: 5000 });
  });

  it('refuses pages larger than 100 items', async () => {
    const r = await api.gql(`{ threads(first: 101) { edges { node { id } } } }`);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
  });

  it('allows login only as the sole root field, also through fragments', async () => {
    const m = await buildMember(api);
    const twice = await api.gql(
      `mutation { a: login(input: {login: "${m.handle}", password: "x"}) { token } b: login(input: {login: "${m.handle}", password: "y"}) { token } }`,
    );
    expect(twice.status).toBe(400);
    expect(twice.errors?.[0].message).toMatch(/only field/);
    const viaFragment = await api.gql(
      `mutation { ...F logout } fragment F on Mutation { login(input: {login: "${m.handle}", password: "x"}) { token } }`,
    );
    expect(viaFragment.status).toBe(400);
    expect(viaFragment.errors?.[0].message).toMatch(/only field/);
  });

  it('refuses text with a NUL character as BAD_USER_INPUT naming the field, writing nothing', async () => {
    const m = await buildMember(api);
    const thread = await buildThread(api, m);
    const r = await api.gql(
      `mutation($i: PostReplyInput!) { postReply(input: $i) { id } }`,
      { i: { threadId: thread.id, body: 'null \u0000 byte in here' } },
      { token: m.token },
    );
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { body: expect.any(String) } });
    expect(await api.sql('select id from posts where thread_id = $1', [thread.id])).toHaveLength(1);
  });
});

describe('HTTP transport', () => {
  it('refuses batched requests', async () => {
    const res = await post(api.url, JSON.stringify([{ query: '{ categories { id } }' }, { query: '{ me { id } }' }]));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });

  it('answers 413 to a body over 1 MB', async () => {
    const res = await post(
      api.url,
      JSON.stringify({ query: '{ categories { id } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await post(api.url, '{"query": ');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('blocks requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const simple = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(simple.status).toBe(400);
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ categories { id } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
    const withHeader = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ categories { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(withHeader.status).toBe(200);
  });

  it('serves /healthz and /readyz, and echoes or creates x-request-id', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    // `service` (and `instance`, set by scripts/start.mjs) tell a supervisor it reached Hearth.
    expect(await health.json()).toEqual({ status: 'ok', service: 'hearth-api', instance: null });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(
      (await api.gql('{ categories { id } }', {}, { headers: { 'x-request-id': 'trace-42' } })).headers.get(
        'x-request-id',
      ),
    ).toBe('trace-42');
    expect((await api.gql('{ categories { id } }')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hides what a stranger should not see: no x-powered-by, no stack traces', async () => {
    const r = await api.gql('{ thread(id: "not-a-number") { id } }');
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace|at .*\.ts:/);
  });
});

describe('in production', () => {
  it('turns introspection off', async () => {
    const r = await prod.gql('{ __schema { types { name } } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toBe('Introspection is disabled on this server.');
    const dev = await api.gql('{ __schema { queryType { name } } }');
    expect(dev.data.__schema.queryType.name).toBe('Query');
  });

  it('answers an unknown path with a JSON 404, and errors without stack traces', async () => {
    const res = await fetch(`${prod.url}/wp-admin.php`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    for (const r of [await prod.gql('{ categories { slgu } }'), await prod.gql('{ thread(id: "x") { id } }')]) {
      expect(r.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace|\.(ts|js):\d+/);
    }
  });

  it('does not suggest field or enum names', async () => {
    const field = await prod.gql('{ categories { slgu } }');
    expect(field.errors?.[0].message).toBe('Cannot query field "slgu" on type "Category".');
    const value = await prod.gql('{ threads(order: LATES) { edges { node { id } } } }');
    expect(value.errors?.[0].message).not.toMatch(/Did you mean/);
    const inDev = await api.gql('{ categories { slgu } }');
    expect(inDev.errors?.[0].message).toMatch(/Did you mean "slug"\?/);
  });
});
