import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ValidationError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { DEFAULT_EMAIL_MODE, NOTIFICATION_KINDS, type NotificationKind } from '../notification-kinds.js';
import { KIND_LABELS } from './notification-text.js';
import { readUnsubscribeToken, type UnsubscribeTarget } from './unsubscribe-links.js';

const REFUSED =
  'This unsubscribe link is not valid. Open the newest email you received, or change your email settings.';

export interface UnsubscribeScope {
  handle: string;
  /** The link is the daily digest's: it stops every kind the digest carries. */
  digest: boolean;
  /** The kinds whose emails stop (for a digest: those still in it). */
  kinds: NotificationKind[];
  /** The same, in words. */
  labels: string[];
}

async function modesOf(scope: Scope, memberId: number): Promise<{ handle: string; modes: Map<string, string> } | null> {
  const [member] = await sql<{ handle: string }>(scope.em, `select handle from members where id = ?`, [memberId]);
  if (!member) return null;
  const chosen = await sql<{ kind: string; email: string }>(
    scope.em,
    `select kind, email from notification_preferences where member_id = ?`,
    [memberId],
  );
  const modes = new Map<string, string>(NOTIFICATION_KINDS.map((k) => [k, DEFAULT_EMAIL_MODE[k]]));
  for (const c of chosen) modes.set(c.kind, c.email);
  return { handle: member.handle, modes };
}

function kindsFor(target: UnsubscribeTarget, modes: Map<string, string>): NotificationKind[] {
  return target === 'DIGEST' ? NOTIFICATION_KINDS.filter((k) => modes.get(k) === 'DAILY_DIGEST') : [target];
}

const described = (handle: string, target: UnsubscribeTarget, kinds: NotificationKind[]): UnsubscribeScope => ({
  handle,
  digest: target === 'DIGEST',
  kinds,
  labels: kinds.map((k) => KIND_LABELS[k]),
});

async function read(scope: Scope, token: string) {
  const link = readUnsubscribeToken(scope.services.config, token);
  const found = link && (await modesOf(scope, link.memberId));
  if (!link || !found) throw new ValidationError({ token: REFUSED });
  return { link, ...found };
}

/** What an unsubscribe link would stop, changing nothing (the page shown before confirming). */
export async function describeUnsubscribe(scope: Scope, token: string): Promise<UnsubscribeScope> {
  const { link, handle, modes } = await read(scope, token);
  return described(handle, link.target, kindsFor(link.target, modes));
}

/**
 * Follows a signed unsubscribe link (no session: the signature says whose it is): the link's
 * kind is set to NEVER, or for a digest link every kind the digest carries. Following it again
 * changes nothing more.
 */
export async function unsubscribeFromEmails(scope: Scope, token: string): Promise<UnsubscribeScope> {
  const { link, handle, modes } = await read(scope, token);
  const kinds = kindsFor(link.target, modes);
  if (kinds.length > 0) {
    await transact(scope.em, async (tx) => {
      await sql(
        tx,
        `insert into notification_preferences (member_id, kind, email)
         select ?, k, 'NEVER' from unnest(?::text[]) as k
         on conflict (member_id, kind) do update set email = 'NEVER'`,
        [link.memberId, `{${kinds.join(',')}}`],
      );
    });
  }
  return described(handle, link.target, kinds);
}
