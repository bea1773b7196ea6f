import type { Route } from './+types/avatars';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4000';
const AVATAR_FILE = /^\/avatars\/(u\/\d{1,10}-[0-9a-f]{16}-\d{2,3}\.webp|g\/[A-Za-z0-9_-]{1,40}\.svg)$/;
const PASSED_ON = ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options'];

/**
 * Avatars from the page's own origin: `/avatars/…` is passed through to the API, which serves
 * uploaded and generated ones (with a year's cache: their URLs change with the image). Keeps the
 * CSP's img-src at 'self' and the API off the public internet.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { pathname } = new URL(request.url);
  // Only the two kinds of avatar file: nothing else of the API is reachable through this route.
  if (!AVATAR_FILE.test(pathname)) return new Response('Not found', { status: 404 });
  const res = await fetch(`${API_URL}${pathname}`);
  if (!res.ok) return new Response('Not found', { status: 404 });
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(res.body, { status: 200, headers });
}
