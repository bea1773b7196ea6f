import { assertValid, ConflictError, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import type { Scope } from '../../../platform/scope.js';
import '../community.events.js';
import { forgetPins } from '../community.queries.js';
import { validateReason } from '../thread-moderation.rules.js';
import { readableThread } from '../visibility.js';
import { Thread, type PinScope } from '../thread.entity.js';

/**
 * Staff pin a thread first in its category list (CATEGORY) or on the home list too (GLOBAL).
 * Pinned threads list in the order they were pinned; changing the scope of a pinned thread
 * keeps its place.
 */
export async function pinThread(
  scope: Scope,
  input: { threadId: number; scope: PinScope; reason?: string | null },
): Promise<Thread> {
  const errors: FieldErrors = {};
  const reason = validateReason(input.reason, errors, { optional: true });
  return setPin(scope, input.threadId, input.scope, reason, errors);
}

/** Staff unpin a thread: it goes back to its place in the usual order. */
export async function unpinThread(scope: Scope, threadId: number): Promise<Thread> {
  return setPin(scope, threadId, null, null, {});
}

async function setPin(
  scope: Scope,
  threadId: number,
  pin: PinScope | null,
  reason: string | null,
  errors: FieldErrors,
): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const pinned = await transact(scope.em, async (tx) => {
    const { thread } = await readableThread(tx, viewer, threadId, { lock: true });
    scope.guardian.ensureCan('thread.pin', thread);
    assertValid(errors);
    if (thread.mergedIntoId) {
      throw new ConflictError(`This thread was merged into thread ${thread.mergedIntoId}: pin that one.`);
    }
    if (thread.pinnedScope === pin) {
      throw new ConflictError(pin ? `This thread is already pinned (${pin}).` : 'This thread is not pinned.');
    }
    const [row] = await sql<Record<string, unknown>>(
      tx,
      pin
        ? `update threads set pinned_scope = ?, pinned_at = coalesce(pinned_at, now()), pinned_by = ?
            where id = ? returning *`
        : 'update threads set pinned_scope = null, pinned_at = null, pinned_by = null where id = ? returning *',
      pin ? [pin, viewer.id, thread.id] : [thread.id],
    );
    const common = {
      subject: ref('thread', thread.id),
      related: [ref('category', thread.categoryId), ref('member', thread.authorId)],
    };
    const data = { threadId: thread.id, categoryId: thread.categoryId, reason };
    await recordEvent(
      tx,
      scope.guardian.requireActor(),
      pin
        ? {
            ...common,
            name: 'thread.pinned',
            data: { ...data, before: { scope: thread.pinnedScope }, after: { scope: pin } },
          }
        : {
            ...common,
            name: 'thread.unpinned',
            data: { ...data, before: { scope: thread.pinnedScope! }, after: { scope: null } },
          },
    );
    return snapshotShape(tx, Thread).map(row!);
  });
  // After commit: a list asked meanwhile may have remembered the scope without this pin.
  forgetPins();
  return pinned;
}
