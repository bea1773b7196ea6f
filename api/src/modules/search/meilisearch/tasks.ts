import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTask,
  type Meilisearch,
} from 'meilisearch';
import { RetryLaterError } from '../../../platform/events/subscribers.js';

/**
 * Whether a Meilisearch failure is an outage rather than a fault of what was sent: the server
 * unreachable or slow, a 5xx, a rejected key (a configuration being fixed), a task still queued
 * at the deadline. Indexing retries these later; searches fall back to PostgreSQL.
 */
export function isOutage(error: unknown): boolean {
  if (error instanceof MeilisearchRequestError) return true;
  if (error instanceof MeilisearchRequestTimeOutError) return true;
  if (error instanceof MeilisearchTaskTimeOutError) return true;
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    return status >= 500 || status === 401 || status === 403 || status === 429;
  }
  return false;
}

/** Meilisearch lost an index (its data was reset): the indexes must be created again. */
export function isIndexNotFound(error: unknown): boolean {
  if (error instanceof MeilisearchApiError) return error.cause?.code === 'index_not_found';
  if (error instanceof MeilisearchTaskFailedError) return error.code === 'index_not_found';
  return false;
}

/** An outage as the event platform's "retry later" (nothing parked); anything else as is. */
export function asRetryable(error: unknown): unknown {
  return isOutage(error) ? new RetryLaterError(`Meilisearch: ${(error as Error).message}`, { cause: error }) : error;
}

/** A task Meilisearch accepted and then failed: a fault of what was sent, not an outage. */
export class MeilisearchTaskFailedError extends Error {
  constructor(
    readonly taskUid: number,
    readonly type: string,
    readonly reason: string,
    readonly code: string | null,
  ) {
    super(`Meilisearch task ${taskUid} (${type}) failed: ${reason}`);
    this.name = 'MeilisearchTaskFailedError';
  }
}

/**
 * Waits until every task has finished, at most `timeoutMs` in all, and throws when one failed
 * or was canceled. Tasks of one index run in order, so waiting for them one after another costs
 * no more than for the last. Polls every `intervalMs`: 20 ms for a sync (an edit is to be
 * searchable within 2 s); a long rebuild polls less (each poll leaves a listener on the
 * client's abort signal until the wait ends).
 */
export async function settled(
  client: Meilisearch,
  tasks: EnqueuedTask[],
  timeoutMs: number,
  intervalMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const enqueued of tasks) {
    const timeout = Math.max(1, deadline - Date.now());
    const task = await client.tasks.waitForTask(enqueued.taskUid, { timeout, interval: intervalMs });
    if (task.status !== 'succeeded') {
      throw new MeilisearchTaskFailedError(
        task.uid,
        task.type,
        task.error?.message ?? task.status,
        task.error?.code ?? null,
      );
    }
  }
}
