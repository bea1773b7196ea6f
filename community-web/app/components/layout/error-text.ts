import { isRouteErrorResponse } from 'react-router';

const BY_STATUS: Record<number, { title: string; detail: string }> = {
  400: { title: 'Bad request', detail: 'That address or form has something we cannot read. Please check it.' },
  401: { title: 'Please log in', detail: 'You need to log in to see this page.' },
  403: { title: 'Not allowed', detail: 'You do not have permission to do that.' },
  404: { title: 'Page not found', detail: 'That page does not exist, or you cannot see it.' },
  429: { title: 'Too many requests', detail: 'Please wait a moment and try again.' },
};

const UNEXPECTED = { title: 'Something went wrong', detail: 'Please try again in a moment.' };

/** The error page's heading (also its <title>) and explanation for whatever a route threw. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (!isRouteErrorResponse(error)) return UNEXPECTED;
  const known = BY_STATUS[error.status];
  if (!known) return error.status >= 500 ? UNEXPECTED : { title: `Error ${error.status}`, detail: error.statusText };
  // A 403 or 429 from the API says what is needed; 404s stay uniform (hidden is indistinguishable from absent).
  const message = (error.data as { message?: string } | undefined)?.message;
  const explains = (error.status === 403 || error.status === 429) && typeof message === 'string';
  return explains ? { title: known.title, detail: message } : known;
}
