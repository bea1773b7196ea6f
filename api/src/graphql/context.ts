import { randomUUID } from 'node:crypto';
import type { Viewer } from '../platform/authz/guardian.js';
import { Guardian } from '../platform/authz/guardian.js';
import type { Scope, Services } from '../platform/scope.js';
import { memberForToken } from '../modules/accounts/sessions.js';
import { viewerOf } from '../modules/accounts/viewer.js';
import { createLoaders, type Loaders } from '../modules/loaders.js';

export interface Context extends Scope {
  viewer: Viewer | null;
  /** The bearer token of this request, for logout. */
  token: string | null;
  loaders: Loaders;
  requestId: string;
  /** The User-Agent header ('' when absent): view counting leaves bots out. */
  userAgent: string;
}

/**
 * Builds the per-request context: a forked EntityManager (own identity map), the viewer from
 * the bearer token, the viewer's guardian and fresh DataLoaders (no cross-request caching).
 */
export async function buildContext(
  services: Services,
  req: { headers: Record<string, string | string[] | undefined>; ip?: string },
  requestId: string = randomUUID(),
): Promise<Context> {
  const em = services.orm.em.fork();
  const token = bearerToken(req.headers.authorization);
  const member = token ? await memberForToken(em, token) : null;
  const viewer = member ? viewerOf(member) : null;
  return {
    em,
    services,
    viewer,
    token,
    guardian: guardianFor(services, viewer),
    loaders: createLoaders(em, viewer),
    requestId,
    ip: req.ip ?? 'unknown',
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 512),
  };
}

function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header === '') return null;
  const match = /^Bearer (.+)$/i.exec(header.trim());
  // Any other scheme or shape is treated as a bad token, not ignored.
  return match ? match[1]!.trim() : header;
}

/** The viewer's guardian, with the configured privilege thresholds. */
export function guardianFor(services: Services, viewer: Viewer | null): Guardian {
  const { privileges, newMembers } = services.config.reputation;
  return new Guardian(viewer, { privileges, newMembers });
}
