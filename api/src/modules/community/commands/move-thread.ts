import { assertValid, ConflictError, ValidationError, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import type { Scope } from '../../../platform/scope.js';
import { moveThreadRollups } from '../../reputation/rollups.js';
import { Category } from '../category.entity.js';
import '../community.events.js';
import { validateReason } from '../thread-moderation.rules.js';
import { mayReadCategory, readableThread } from '../visibility.js';
import { Thread } from '../thread.entity.js';

/**
 * Staff move a thread to another category, and everything derived from the category follows
 * in the same transaction: both categories' thread counts, and the per-category leaderboards
 * (the reputation earned in the thread). Lists and visibility read the category live, so a
 * thread moved into a restricted category disappears for members at once; search follows
 * `thread.moved` (its documents carry the category).
 */
export async function moveThread(
  scope: Scope,
  input: { threadId: number; categoryId: number; reason: string },
): Promise<Thread> {
  const viewer = scope.guardian.requireViewer();
  const errors: FieldErrors = {};
  const reason = validateReason(input.reason, errors)!;
  const { thread } = await readableThread(scope.em, viewer, input.threadId);
  scope.guardian.ensureCan('thread.move', thread);
  const target = await scope.em.findOne(Category, input.categoryId);
  if (!target || !mayReadCategory(viewer, target)) errors.categoryId = 'No category with this id.';
  assertValid(errors);

  return transact(scope.em, async (tx) => {
    // FOR UPDATE, the one lock a ledger credit's key share waits for (see reputation_rollup_rows).
    await sql(tx, 'select 1 from threads where id = ? for update', [thread.id]);
    const { thread: locked, category: from } = await readableThread(tx, viewer, thread.id, { lock: true });
    scope.guardian.ensureCan('thread.move', locked);
    if (locked.mergedIntoId) {
      throw new ConflictError(`This thread was merged into thread ${locked.mergedIntoId}: move that one.`);
    }
    if (locked.categoryId === target!.id) {
      throw new ValidationError({ categoryId: `The thread is already in ${from.name}.` });
    }
    const [row] = await sql<Record<string, unknown>>(
      tx,
      'update threads set category_id = ? where id = ? returning *',
      [target!.id, locked.id],
    );
    // One statement for both counters, so two moves in opposite directions never deadlock; a thread
    // its category does not count (deleted, merged, its question hidden) moves no counter.
    await sql(
      tx,
      `update categories set thread_count = thread_count + case when id = ? then -1 else 1 end where id in (?, ?)
          and exists (select 1 from threads where id = ? and deleted_at is null and merged_into_id is null
                        and not question_hidden)`,
      [from.id, from.id, target!.id, locked.id],
    );
    await moveThreadRollups(tx, { threadId: locked.id, fromCategoryId: from.id, toCategoryId: target!.id });
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'thread.moved',
      subject: ref('thread', locked.id),
      related: [ref('category', from.id), ref('category', target!.id), ref('member', locked.authorId)],
      data: {
        threadId: locked.id,
        authorId: locked.authorId,
        reason,
        before: { categoryId: from.id },
        after: { categoryId: target!.id },
      },
    });
    return snapshotShape(tx, Thread).map(row!);
  });
}
