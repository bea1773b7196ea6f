import { describe, expect, it } from 'vitest';
import { loaderStatus } from '../graphql/client.server';
import { isHandleParam, isIdParam, isSlugParam, routeParam } from './route-params';

describe('route parameters', () => {
  it('accepts ids an int4 key can hold, nothing else', () => {
    for (const ok of ['1', '42', '2147483647']) expect(isIdParam(ok)).toBe(true);
    for (const bad of [undefined, '', '0', 'abc', '12a', '-1', '1.5', '2147483648', '99999999999', ' 1', '%00'])
      expect(isIdParam(bad)).toBe(false);
  });

  it('accepts category slugs and member handles as the database does', () => {
    expect(isSlugParam('billing-and-plans')).toBe(true);
    for (const bad of [undefined, '', '\u0000', 'Billing', 'a--b', '-a', 'a'.repeat(61)])
      expect(isSlugParam(bad)).toBe(false);
    expect(isHandleParam('priya_k')).toBe(true);
    for (const bad of [undefined, 'ab', '\u0000', 'a b', 'x'.repeat(21), 'é-accent'])
      expect(isHandleParam(bad)).toBe(false);
  });

  it('throws a 404 response for a parameter that cannot name anything', () => {
    expect(routeParam('12', isIdParam)).toBe('12');
    let thrown: unknown;
    try {
      routeParam('abc', isIdParam);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Response).status).toBe(404);
  });

  it("maps the API's errors to page statuses: bad input in a route parameter is a 404", () => {
    const error = (code: string, fields: Record<string, string> = {}) => ({ code, message: 'x', fields });
    expect(loaderStatus(error('BAD_USER_INPUT', { id: 'id is not a valid id.' }), { routeParams: ['id'] })).toBe(404);
    expect(loaderStatus(error('BAD_USER_INPUT', { after: 'bad cursor' }), { routeParams: ['id'] })).toBe(400);
    expect(loaderStatus(error('NOT_FOUND'))).toBe(404);
    expect(loaderStatus(error('FORBIDDEN'))).toBe(403);
    expect(loaderStatus(error('RATE_LIMITED'))).toBe(429);
    expect(loaderStatus(error('INTERNAL_SERVER_ERROR'))).toBe(500);
  });
});
