import type { Config } from '../../../config.js';
import { readToken, signToken } from '../../../platform/signed-tokens.js';
import { isNotificationKind, type NotificationKind } from '../notification-kinds.js';

/** What an unsubscribe link stops: one kind's emails, or the daily digest (every kind in it). */
export type UnsubscribeTarget = NotificationKind | 'DIGEST';

/**
 * A link that works without login and does not expire (an old email's link must still work):
 * signed for `unsubscribe` only, so it can never verify an address or open a session.
 */
export function unsubscribeUrl(config: Config, memberId: number, target: UnsubscribeTarget): string {
  const token = signToken(config.SESSION_SECRET, 'unsubscribe', { m: memberId, k: target });
  return `${config.PUBLIC_URL.replace(/\/$/, '')}/unsubscribe?token=${token}`;
}

export function readUnsubscribeToken(
  config: Config,
  token: string,
): { memberId: number; target: UnsubscribeTarget } | null {
  const claims = readToken(config.SESSION_SECRET, 'unsubscribe', token);
  if (!claims || typeof claims.m !== 'number' || typeof claims.k !== 'string') return null;
  if (claims.k !== 'DIGEST' && !isNotificationKind(claims.k)) return null;
  return { memberId: claims.m, target: claims.k };
}
