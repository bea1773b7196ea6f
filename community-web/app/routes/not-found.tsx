import { notFound } from '../lib/route-params';
import { sameOriginAction } from '../lib/same-origin.server';

/**
 * Every address no other route matches. Throwing the 404 from a loader (rather than letting
 * nothing match) runs the root loader first, so the error page has its header, viewer and
 * CSP nonce like any other page.
 */
export async function loader() {
  throw notFound();
}

export const action = sameOriginAction(async (_args: { request: Request }) => {
  throw notFound();
});

export default function NotFound() {
  return null;
}
