import { ConflictError, type FieldErrors } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { validateReason } from '../thread-moderation.rules.js';
import { ThreadStatus, type Thread } from '../thread.entity.js';
import { changeThreadStatus } from './set-thread-status.js';

/**
 * Staff lock a thread: no replies, votes, edits or accepts from members until it is unlocked
 * (the policy's `locked` rule). The status it had is kept, so unlocking restores it (a closed
 * thread stays closed, with its reason).
 */
export async function lockThread(scope: Scope, input: { threadId: number; reason: string }): Promise<Thread> {
  const errors: FieldErrors = {};
  const reason = validateReason(input.reason, errors);
  return changeThreadStatus(scope, input.threadId, {
    errors,
    permission: () => 'thread.moderate',
    plan: (thread) => {
      if (thread.status === ThreadStatus.LOCKED) throw new ConflictError('This thread is already locked.');
      return {
        status: ThreadStatus.LOCKED,
        lockedFrom: thread.status,
        closeReason: thread.closeReason,
        closeNote: thread.closeNote,
        duplicateOfId: thread.duplicateOfId,
      };
    },
    audit: { action: 'lock', reason },
  });
}

/** Staff unlock a thread: it gets back the status it had (ANSWERED if a solution was accepted meanwhile). */
export async function unlockThread(scope: Scope, input: { threadId: number; reason?: string | null }): Promise<Thread> {
  const errors: FieldErrors = {};
  const reason = validateReason(input.reason, errors, { optional: true });
  return changeThreadStatus(scope, input.threadId, {
    errors,
    permission: () => 'thread.moderate',
    plan: (thread) => {
      if (thread.status !== ThreadStatus.LOCKED) throw new ConflictError('This thread is not locked.');
      const closed = thread.lockedFrom === ThreadStatus.CLOSED;
      return {
        status: closed ? ThreadStatus.CLOSED : ThreadStatus.OPEN,
        lockedFrom: null,
        closeReason: thread.closeReason,
        closeNote: thread.closeNote,
        duplicateOfId: thread.duplicateOfId,
      };
    },
    audit: { action: 'unlock', reason },
  });
}
