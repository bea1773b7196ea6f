import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from './db/sql.js';
import { ConflictError, ValidationError } from './errors.js';
import { pruneJob } from './jobs/prune-job.js';
import type { Scope } from './scope.js';

/**
 * Idempotency keys (SECURITY.md "Integrity"): a mutation that creates content accepts an
 * `Idempotency-Key` header (1–255 visible ASCII characters, kept 24 hours), so a client that
 * retries after a lost response gets the first result instead of a second post.
 *
 * - same member, same key, same input: the first request's result again, nothing written;
 * - same key, different input (or another mutation): CONFLICT;
 * - concurrent requests with one key: the first inserts the key row in its transaction; the
 *   others' inserts wait on the primary key until it commits, then read its result (if it rolls
 *   back, the next one goes ahead as the first). Exactly one creates anything;
 * - keys are per member: two members' equal keys never meet.
 *
 * A command calls `claimIdempotencyKey` first in its writing transaction (before its limits, so
 * a retry is answered, not rate limited) and `recordIdempotentResult` with what it created.
 */

const KEY = /^[\x20-\x7E]{1,255}$/;
const TTL = "interval '24 hours'";

/** SHA-256 of the operation and its input, with object keys sorted (the same input hashes alike). */
export function requestHash(operation: string, input: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(`${operation}\n${JSON.stringify(canonical(input))}`)
    .digest('hex');
}

/**
 * Claims the request's Idempotency-Key (if it has one) inside `tx`. Returns null when this
 * request goes ahead (no key, a new key, or one older than 24 hours), or the id an earlier
 * identical request created. CONFLICT when the key was used for something else.
 */
export async function claimIdempotencyKey(
  tx: EntityManager,
  scope: Scope,
  operation: string,
  input: unknown,
): Promise<number | null> {
  const key = scope.idempotencyKey;
  if (key == null) return null;
  if (!KEY.test(key)) {
    throw new ValidationError({
      idempotencyKey: 'The Idempotency-Key header must be 1–255 visible ASCII characters.',
    });
  }
  const memberId = scope.guardian.requireViewer().id;
  const hash = requestHash(operation, input);
  const claimed = await sql(
    tx,
    `insert into idempotency_keys as k (member_id, key, request_hash) values (?, ?, ?)
     on conflict (member_id, key) do update
       set request_hash = excluded.request_hash, result_id = null, created_at = now()
       where k.created_at < now() - ${TTL}
     returning 1`,
    [memberId, key, hash],
  );
  if (claimed.length > 0) return null;
  // The key is taken and committed (a concurrent first request was waited for): read it.
  const [earlier] = await sql<{ request_hash: string; result_id: string | null }>(
    tx,
    'select request_hash, result_id from idempotency_keys where member_id = ? and key = ?',
    [memberId, key],
  );
  if (!earlier || earlier.result_id === null) {
    throw new ConflictError('A request with this Idempotency-Key is still being processed; retry in a moment.');
  }
  if (earlier.request_hash !== hash) {
    throw new ConflictError(
      'This Idempotency-Key was already used for a different request in the last 24 hours: use a new key for a new request.',
    );
  }
  return Number(earlier.result_id);
}

/** Stores what the request created under its key (no key: nothing), in the same transaction. */
export async function recordIdempotentResult(tx: EntityManager, scope: Scope, resultId: number): Promise<void> {
  const key = scope.idempotencyKey;
  if (key == null) return;
  await sql(tx, 'update idempotency_keys set result_id = ? where member_id = ? and key = ?', [
    resultId,
    scope.guardian.requireViewer().id,
    key,
  ]);
}

declare module './jobs/jobs.js' {
  interface JobPayloads {
    'idempotency.prune-keys': Record<string, never>;
  }
}

/** Deletes keys older than 24 hours, hourly (an old key is reclaimed anyway; this keeps the table small). */
export const pruneIdempotencyKeysJob = pruneJob(
  'idempotency.prune-keys',
  '41 * * * *',
  `delete from idempotency_keys where created_at < now() - ${TTL} returning 1`,
);
export const pruneIdempotencyKeys = pruneIdempotencyKeysJob.prune;
