import { randomUUID } from 'node:crypto';
import type { ServiceActor } from '../platform/authz/actor.js';
import type { Viewer } from '../platform/authz/guardian.js';
import type { Loaders } from '../platform/module.js';
import { guardianFor, type Scope, type Services } from '../platform/scope.js';

export interface Context extends Scope {
  /** The signed-in member; null for a visitor and for a service (see `guardian.actor`). */
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
  // Taken before anything else, so the whole request sees one state of the settings.
  const settings = services.settings.current();
  const token = bearerToken(req.headers.authorization);
  // A service token (its prefix says so) makes the request an integration's, never a member's.
  const service = token ? await services.assembly.authenticateService(em, token) : null;
  const viewer = token && !service ? await services.assembly.authenticate(em, token) : null;
  return contextFor(services, viewer, token, {
    em,
    service,
    settings,
    requestId,
    ip: req.ip ?? 'unknown',
    idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 512),
  });
}

/**
 * A context for `viewer`, with a fresh EntityManager and loaders unless given: requests build
 * one each, and a live subscription one per event it delivers (nothing cached across events).
 */
export function contextFor(
  services: Services,
  viewer: Viewer | null,
  token: string | null,
  rest: Partial<Pick<Context, 'em' | 'settings' | 'idempotencyKey'>> &
    Pick<Context, 'requestId' | 'ip' | 'userAgent'> & { service?: ServiceActor | null },
): Context {
  const em = rest.em ?? services.orm.em.fork();
  const settings = rest.settings ?? services.settings.current();
  return {
    em,
    services,
    settings,
    viewer,
    token,
    guardian: guardianFor(services, settings, viewer, rest.service ?? undefined),
    loaders: services.assembly.createLoaders(em, viewer),
    requestId: rest.requestId,
    ip: rest.ip,
    idempotencyKey: rest.idempotencyKey ?? null,
    userAgent: rest.userAgent,
  };
}

/** The rest of the request runs as `viewer` (who just logged in or registered). */
export function actAs(ctx: Context, viewer: Viewer, token: string): void {
  ctx.viewer = viewer;
  ctx.guardian = guardianFor(ctx.services, ctx.settings, viewer);
  ctx.loaders = ctx.services.assembly.createLoaders(ctx.em, viewer);
  ctx.token = token;
}

export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header === '') return null;
  const match = /^Bearer (.+)$/i.exec(header.trim());
  // Any other scheme or shape is treated as a bad token, not ignored.
  return match ? match[1]!.trim() : header;
}
