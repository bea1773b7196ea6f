import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { data as routeData } from 'react-router';
import { statusFor } from '../lib/form-errors';
import { clearTokenHeader, readToken } from '../lib/session.server';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4000';

export interface ApiError {
  message: string;
  code: string;
  fields: Record<string, string>;
}

export type ApiResult<T> = { data: T; error: null } | { data: null; error: ApiError };

/** The client's address for the API's per-IP limits: the socket address the server saw. */
function clientIp(request: Request): string {
  return request.headers.get('x-hearth-client-ip') ?? '127.0.0.1';
}

/**
 * Sends a typed operation to the API as the request's member (Bearer token from the cookie)
 * and returns data or the first error with its code and field messages. A stale session is
 * reported as `staleSession` so the caller can clear the cookie and carry on as a visitor.
 */
export async function api<TData, TVars extends Record<string, unknown>>(
  request: Request,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  opts: { token?: string | null } = {},
): Promise<ApiResult<TData> & { staleSession: boolean }> {
  const token = opts.token !== undefined ? opts.token : await readToken(request);
  const res = await fetch(`${API_URL}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': clientIp(request),
      // The visitor's browser, not Node's fetch: the API leaves bots out of view counts.
      'user-agent': request.headers.get('user-agent') ?? '',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    data?: TData;
    errors?: { message: string; extensions?: { code?: string; fields?: Record<string, string> } }[];
  };
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const staleSession = code === 'UNAUTHENTICATED' && !!token && res.status === 401;
    return {
      data: null,
      error: { message: first.message, code, fields: first.extensions?.fields ?? {} },
      staleSession,
    };
  }
  return { data: body.data as TData, error: null, staleSession: false };
}

/**
 * For loaders: data or a thrown HTTP response with the status the API's error code means
 * (statusFor: NOT_FOUND 404, FORBIDDEN 403, BAD_USER_INPUT 400, …; 500 only for the API's own
 * failures). Bad input in one of `routeParams` (the variables that came from the URL's path)
 * is a page that does not exist: 404.
 */
export async function query<TData, TVars extends Record<string, unknown>>(
  request: Request,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  opts: { routeParams?: string[] } = {},
): Promise<{ data: TData; headers: HeadersInit }> {
  let result = await api(request, document, variables);
  let headers: HeadersInit = {};
  if (result.staleSession) {
    // The session expired or was revoked: forget it and show the page as a visitor.
    headers = { 'set-cookie': await clearTokenHeader() };
    result = { ...(await api(request, document, variables, { token: null })), staleSession: false };
  }
  if (result.error) throw routeData({ message: result.error.message }, { status: loaderStatus(result.error, opts) });
  return { data: result.data, headers };
}

/** The HTTP status of a page whose loader's query failed with `error`. */
export function loaderStatus(error: ApiError, opts: { routeParams?: string[] } = {}): number {
  const onRouteParam = Object.keys(error.fields).some((field) => opts.routeParams?.includes(field));
  if (error.code === 'BAD_USER_INPUT' && onRouteParam) return 404;
  return statusFor(error);
}
