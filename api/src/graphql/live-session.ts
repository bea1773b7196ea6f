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

export function liveContext(services: Services, session: LiveSession): LiveContext {
  return {
    ...contextFor(services, session.viewer, session.token, {
      requestId: session.connectionId,
      ip: session.ip,
      userAgent: session.userAgent,
    }),
    live: session,
  };
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
  Object.assign(ctx, liveContext(ctx.services, session));
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
