import {
  assertValid,
  ConflictError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { validateReason } from '../thread-moderation.rules.js';
import { readableThread } from '../visibility.js';
import { CloseReason, ThreadStatus, type Thread } from '../thread.entity.js';
import { changeThreadStatus } from './set-thread-status.js';

export interface CloseThreadInput {
  threadId: number;
  reason: CloseReason;
  /** DUPLICATE only, and required there: the thread this one repeats. */
  duplicateOfId?: number | null;
  note?: string | null;
}

/**
 * Staff and members with the close/reopen privilege close a thread for a reason: no new
 * replies (staff excepted). A duplicate names its original, which must be another thread the
 * closer may read, not deleted and not itself merged away (its URL then leads on to it).
 */
export async function closeThread(scope: Scope, input: CloseThreadInput): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const errors: FieldErrors = {};
  const note = validateReason(input.note, errors, { field: 'note', optional: true });
  const duplicateOfId = input.duplicateOfId ?? null;
  if (input.reason === CloseReason.DUPLICATE && duplicateOfId === null) {
    errors.duplicateOfId = 'A duplicate names the thread it repeats.';
  } else if (input.reason !== CloseReason.DUPLICATE && duplicateOfId !== null) {
    errors.duplicateOfId = 'Only a thread closed as DUPLICATE names another thread.';
  } else if (duplicateOfId === input.threadId) {
    errors.duplicateOfId = 'A thread cannot be a duplicate of itself.';
  }
  // The thread and the permission first: NOT_FOUND or FORBIDDEN, whatever else is wrong.
  const { thread } = await readableThread(scope.em, viewer, input.threadId);
  scope.guardian.ensureCan('thread.close', thread);
  assertValid(errors);
  if (duplicateOfId !== null) await ensureOriginal(scope, duplicateOfId);

  return changeThreadStatus(scope, input.threadId, {
    permission: () => 'thread.close',
    plan: (thread) => {
      if (thread.status === ThreadStatus.CLOSED) throw new ConflictError('This thread is already closed.');
      if (thread.status === ThreadStatus.LOCKED) throw new ConflictError('This thread is locked: unlock it first.');
      return {
        status: ThreadStatus.CLOSED,
        lockedFrom: null,
        closeReason: input.reason,
        closeNote: note,
        duplicateOfId,
      };
    },
    audit: { action: 'close', reason: note },
  });
}

/** Re-opens a closed thread (ANSWERED again if it has a solution); the close reason and duplicate link go. */
export async function reopenThread(scope: Scope, input: { threadId: number; reason?: string | null }): Promise<Thread> {
  const errors: FieldErrors = {};
  const reason = validateReason(input.reason, errors, { optional: true });
  return changeThreadStatus(scope, input.threadId, {
    errors,
    permission: () => 'thread.close',
    plan: (thread) => {
      if (thread.status === ThreadStatus.LOCKED) throw new ConflictError('This thread is locked: unlock it first.');
      if (thread.status !== ThreadStatus.CLOSED) throw new ConflictError('This thread is not closed.');
      return { status: ThreadStatus.OPEN, lockedFrom: null, closeReason: null, closeNote: null, duplicateOfId: null };
    },
    audit: { action: 'reopen', reason },
  });
}

/**
 * The original of a duplicate. Read before the close's transaction: a thread is never hard
 * deleted (the foreign key holds), and one deleted later still shows its redirect to staff.
 */
async function ensureOriginal(scope: Scope, id: number): Promise<void> {
  const viewer = scope.guardian.requireViewer();
  try {
    const { thread } = await readableThread(scope.em, viewer, id);
    if (thread.mergedIntoId) {
      throw new ValidationError({
        duplicateOfId: `That thread was merged into thread ${thread.mergedIntoId}: name that one.`,
      });
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new ValidationError({ duplicateOfId: 'No thread with this id (or it was deleted).' });
  }
}
