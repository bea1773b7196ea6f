import type { Viewer } from '../platform/authz/guardian.js';
import { DomainError } from '../platform/errors.js';
import type { Services } from '../platform/scope.js';
import { contextFor, type Context } from './context.js';

/**
 * One graphql-ws connection: who is connected (from the `authorization` connection parameter,
 * checked like a request's bearer token) and where from. The viewer is re-read when the
 * member's standing changes (their `member:<id>` live topic), so a role change or a sanction
 * applies to the next event a subscription delivers.
 */
export interface LiveSession {
  token: string | null;
  viewer: Viewer | null;
  ip: string;
  userAgent: string;
  connectionId: string;
  /** The member's standing (LiveHub.standingOf) when `viewer` was read. */
  standing: number;
  /** Set once the member may no longer be served (suspended, session ended): nothing more is delivered. */
  ended: boolean;
}

/**
 * The context a subscription runs in. Each event it delivers renews it (`renewLiveContext`):
 * a fresh EntityManager, loaders and settings, and the session's current viewer, so nothing a
 * subscription shows comes from a cache older than the event.
 */
export interface LiveContext extends Context {
  live: LiveSession;
}

/** The parts of a context that cost memory: made on first use, dropped between events. */
const HEAVY = ['em', 'settings', 'guardian', 'loaders'] as const;
const resetHeavy = Symbol('resetHeavy');

/**
 * A context for `session` whose EntityManager, settings, guardian and loaders are made when a
 * resolver first needs them and dropped by `releaseLiveContext` once an event was delivered: an
 * idle subscription holds its session and little else (thousands may be open per instance).
 */
export function liveContext(services: Services, session: LiveSession): LiveContext {
  let made: Context | null = null;
  const make = (): Context =>
    (made ??= contextFor(services, session.viewer, session.token, {
      requestId: session.connectionId,
      ip: session.ip,
      userAgent: session.userAgent,
    }));
  const ctx = {
    services,
    viewer: session.viewer,
    token: session.token,
    requestId: session.connectionId,
    ip: session.ip,
    userAgent: session.userAgent,
    idempotencyKey: null,
    live: session,
  } as unknown as LiveContext;
  for (const key of HEAVY) {
    Object.defineProperty(ctx, key, { enumerable: true, get: () => make()[key] });
  }
  Object.defineProperty(ctx, resetHeavy, {
    value: () => {
      made = null;
      ctx.viewer = session.viewer;
    },
  });
  return ctx;
}

/** Drops what the last event made (see liveContext); the next use makes it afresh. */
export function releaseLiveContext(ctx: unknown): void {
  (ctx as { [resetHeavy]?: () => void })[resetHeavy]?.();
}

/**
 * Renews `ctx` for the next event, re-reading the viewer first if their standing changed since
 * it was read. Returns false once the session has ended (the connection is being closed).
 */
export async function renewLiveContext(ctx: Context): Promise<boolean> {
  const session = (ctx as Partial<LiveContext>).live;
  if (!session) throw new Error('renewLiveContext: not a subscription context');
  await refreshViewer(ctx.services, session);
  if (session.ended) return false;
  releaseLiveContext(ctx);
  return true;
}

/**
 * Re-reads the session's viewer when their standing changed (a role, a sanction, advocacy);
 * a member who may no longer sign in ends the session. Returns the reason it ended, if it did.
 */
export async function refreshViewer(services: Services, session: LiveSession): Promise<string | null> {
  if (session.ended) return 'Your session ended.';
  const memberId = session.viewer?.id;
  if (memberId === undefined || services.live.standingOf(memberId) === session.standing) return null;
  const standing = services.live.standingOf(memberId);
  try {
    session.viewer = await services.assembly.authenticate(services.orm.em.fork(), session.token!);
    session.standing = standing;
    return null;
  } catch (err) {
    session.ended = true;
    session.viewer = null;
    if (err instanceof DomainError) return err.message;
    throw err;
  }
}
