import { sql } from '../../../platform/db/sql.js';
import { snapshotShape } from '../../../platform/db/snapshots.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { Member } from '../../accounts/member.entity.js';
import type { Loaders } from '../../loaders.js';
import { enqueueBadgeCheck } from '../../badges/badges.jobs.js';
import '../advocates.policy.js';

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
export async function setAdvocate(
  scope: Scope & { loaders: Loaders },
  input: SetAdvocateInput,
  granted: boolean,
): Promise<Member> {
  const actor = scope.guardian.requireViewer();
  scope.guardian.ensureCan('member.manageAdvocates', null);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    throw new ValidationError({ reason: 'Give a reason of 3 to 500 characters: it goes into the audit trail.' });
  }
  const categoryIds = granted ? await validCategories(scope, input.categoryIds ?? []) : null;
  const member = await scope.loaders.memberById.load(input.memberId);
  if (!member) throw new NotFoundError('Member');

  const scopeParam = categoryIds && `{${categoryIds.join(',')}}`;
  const row = await transact(scope.em, async (tx) => {
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
    // The badge job is idempotent, so a change of categories may enqueue it again.
    if (granted) await enqueueBadgeCheck(scope.services, tx, 'advocate.granted', [member.id]);
    return updated;
  });
  const fresh = snapshotShape(scope.em, Member).map(row);
  scope.loaders.memberById.clear(member.id).prime(member.id, fresh);
  return fresh;
}

/** The distinct, sorted ids, all of existing categories; null (every category) for none. */
async function validCategories(scope: Scope & { loaders: Loaders }, ids: number[]): Promise<number[] | null> {
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  if (distinct.length === 0) return null;
  if (distinct.length > MAX_CATEGORIES) {
    throw new ValidationError({ categoryIds: `Choose at most ${MAX_CATEGORIES} categories.` });
  }
  const found = await scope.loaders.categoryById.loadMany(distinct);
  const missing = distinct.filter((_, i) => !found[i] || found[i] instanceof Error);
  if (missing.length > 0) {
    throw new ValidationError({ categoryIds: `No such category: ${missing.join(', ')}.` });
  }
  return distinct;
}
