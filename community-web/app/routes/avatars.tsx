import type { Route } from './+types/avatars';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4000';
const PASSED_ON = ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options'];

/**
 * Avatars from the page's own origin: `/avatars/…` is passed through to the API, which serves
 * uploaded and generated ones (with a year's cache: their URLs change with the image). Keeps the
 * CSP's img-src at 'self' and the API off the public internet.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { pathname } = new URL(request.url);
  const res = await fetch(`${API_URL}${pathname}`);
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(res.ok ? res.body : 'Not found', { status: res.ok ? 200 : 404, headers });
}
