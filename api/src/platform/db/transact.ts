import type { EntityManager } from '@mikro-orm/postgresql';
import { signalCommit } from '../events/commit-signal.js';
import { logger } from '../logger.js';

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** The SQLSTATE of a database error, however the driver or the ORM wrapped it. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: string; sqlState?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.sqlState ?? e?.cause?.code;
}

/**
 * Runs `work` in one transaction, retrying (up to 3 attempts, with jitter) when PostgreSQL
 * aborts it as a deadlock or serialization failure: those are never surfaced to the member.
 * After the commit, local event subscribers are woken.
 */
export async function transact<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await em.transactional(work);
      signalCommit();
      return result;
    } catch (err) {
      if (attempt >= 3 || !RETRYABLE.has(sqlState(err) ?? '')) throw err;
      logger.warn('retrying transaction', { sqlState: sqlState(err), attempt });
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
