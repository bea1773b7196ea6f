import { sql } from '../../../platform/db/sql.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { Member } from '../../accounts/member.entity.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import '../advocates.events.js';

export interface SetAdvocateInput {
  memberId: number;
  reason: string;
  /** Grants only: the categories the advocate champions; null or empty for every category. */
  categoryIds?: number[] | null;
}

const MAX_CATEGORIES = 50;

/**
 * Staff grant (`granted: true`) or revoke advocate status, with a reason, recorded in
 * advocate_changes in the same transaction. A grant to an advocate changes their categories,
 * and is CONFLICT when they already hold exactly those. The change is a conditional update, so
 * two concurrent identical grants record one change and the second is CONFLICT.
 */
export async function setAdvocate(scope: Scope, input: SetAdvocateInput, granted: boolean): Promise<Member> {
  const actor = scope.guardian.requireViewer();
  scope.guardian.ensureCan('member.manageAdvocates', null);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    throw new ValidationError({ reason: 'Give a reason of 3 to 500 characters: it goes into the audit trail.' });
  }
  const categoryIds = granted ? await validCategories(scope, input.categoryIds ?? []) : null;
  const member = await scope.em.findOne(Member, input.memberId);
  if (!member) throw new NotFoundError('Member');

  const scopeParam = categoryIds && `{${categoryIds.join(',')}}`;
  return transact(scope.em, async (tx) => {
    const [updated] = await sql<Record<string, unknown>>(
      tx,
      granted
        ? `update members set is_advocate = true, advocate_category_ids = ?::int[], updated_at = now()
            where id = ? and (not is_advocate or advocate_category_ids is distinct from ?::int[]) returning *`
        : `update members set is_advocate = false, advocate_category_ids = null, updated_at = now()
            where id = ? and is_advocate returning *`,
      granted ? [scopeParam, member.id, scopeParam] : [member.id],
    );
    if (!updated) {
      throw new ConflictError(
        granted
          ? `@${member.handle} is already an advocate${categoryIds ? ' in exactly these categories' : ' in every category'}.`
          : `@${member.handle} is not an advocate.`,
      );
    }
    await sql(
      tx,
      'insert into advocate_changes (member_id, granted, reason, actor_id, category_ids) values (?, ?, ?, ?, ?::int[])',
      [member.id, granted, reason, actor.id, scopeParam],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      ...(granted
        ? { name: 'advocate.granted' as const, data: { memberId: member.id, reason, categoryIds } }
        : { name: 'advocate.revoked' as const, data: { memberId: member.id, reason } }),
      subject: ref('member', member.id),
      related: (categoryIds ?? []).map((id) => ref('category', id)),
    });
    return snapshotShape(tx, Member).map(updated);
  });
}

/** The distinct, sorted ids, all of existing categories; null (every category) for none. */
async function validCategories(scope: Scope, ids: number[]): Promise<number[] | null> {
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  if (distinct.length === 0) return null;
  if (distinct.length > MAX_CATEGORIES) {
    throw new ValidationError({ categoryIds: `Choose at most ${MAX_CATEGORIES} categories.` });
  }
  const found = await sql<{ id: number }>(scope.em, 'select id from categories where id = any(?::int[])', [
    `{${distinct.join(',')}}`,
  ]);
  const existing = new Set(found.map((r) => r.id));
  const missing = distinct.filter((id) => !existing.has(id));
  if (missing.length > 0) {
    throw new ValidationError({ categoryIds: `No such category: ${missing.join(', ')}.` });
  }
  return distinct;
}
