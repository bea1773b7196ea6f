import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, ValidationError, assertValid, type FieldErrors } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { inputOf, ruleRow, ruleRows, type RuleRow } from './rules.queries.js';
import { ruleFieldErrors, ruleInputSchema, type RuleInput } from './rules.schema.js';
import './rules.events.js';

/** Checks and normalises an input (zod), then that its categories and members exist. */
async function checkRule(
  em: EntityManager,
  raw: unknown,
  selfId: number | null,
): Promise<RuleInput & { memberIds: number[] }> {
  const parsed = ruleInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(ruleFieldErrors(parsed.error as z.ZodError));
  const input = parsed.data;
  const errors: FieldErrors = {};
  const categories = await sql<{ id: number }>(em, 'select id from categories where id = any(?::int[])', [
    `{${input.categoryIds.join(',')}}`,
  ]);
  const missing = input.categoryIds.filter((id) => !categories.some((c) => c.id === id));
  if (missing.length) errors.categoryIds = `No category with id ${missing.join(', ')}.`;
  const members = await sql<{ id: number; handle: string }>(
    em,
    `select id, handle from members where lower(handle) = any(?::text[])`,
    [`{${input.notifyHandles.map((h) => `"${h.toLowerCase().replace(/["\\]/g, '')}"`).join(',')}}`],
  );
  const unknown = input.notifyHandles.filter((h) => !members.some((m) => m.handle.toLowerCase() === h.toLowerCase()));
  if (unknown.length) errors.notifyHandles = `No member with the handle ${unknown.join(', ')}.`;
  const [clash] = await sql(em, 'select 1 from routing_rules where lower(name) = lower(?) and id <> ?', [
    input.name,
    selfId ?? 0,
  ]);
  assertValid(errors);
  if (clash) throw new ConflictError(`A routing rule is already named "${input.name}".`);
  return { ...input, memberIds: members.map((m) => m.id) };
}

async function writeLinks(tx: EntityManager, id: number, rule: { categoryIds: number[]; memberIds: number[] }) {
  await sql(tx, 'delete from routing_rule_categories where rule_id = ?', [id]);
  await sql(tx, 'delete from routing_rule_members where rule_id = ?', [id]);
  await sql(
    tx,
    'insert into routing_rule_categories (rule_id, category_id) select ?, unnest(?::int[]) on conflict do nothing',
    [id, `{${rule.categoryIds.join(',')}}`],
  );
  await sql(
    tx,
    'insert into routing_rule_members (rule_id, member_id) select ?, unnest(?::int[]) on conflict do nothing',
    [id, `{${rule.memberIds.join(',')}}`],
  );
}

const textArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

const columns = (r: RuleInput) => [
  r.name,
  r.enabled,
  textArray(r.tags),
  textArray(r.segments),
  r.sentimentNegative,
  r.sentimentScoreAtMost,
  textArray(r.sentimentCues),
  r.notifyModerators,
  r.raisePriority,
  r.escalate,
];

/** An admin adds a rule, last in the order. */
export async function createRoutingRule(scope: Scope, raw: unknown): Promise<RuleRow> {
  scope.guardian.ensureCan('routing.rule.manage', null);
  const rule = await checkRule(scope.em, raw, null);
  const viewer = scope.guardian.requireViewer();
  return transact(scope.em, async (tx) => {
    await sql(tx, 'lock table routing_rules in share row exclusive mode');
    const [row] = await sql<{ id: number }>(
      tx,
      `insert into routing_rules (name, enabled, tags, segments, sentiment_negative, sentiment_score_at_most,
                                  sentiment_cues, notify_moderators, raise_priority, escalate, created_by, position)
       values (?, ?, ?::text[], ?::text[], ?, ?, ?::text[], ?, ?, ?, ?,
               (select coalesce(max(position) + 1, 0) from routing_rules))
       returning id`,
      [...columns(rule), viewer.id],
    );
    await writeLinks(tx, row!.id, rule);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'routing.rule_created',
      subject: ref('routing_rule', row!.id),
      data: { ruleId: row!.id, name: rule.name },
    });
    return ruleRow(tx, row!.id);
  });
}

/** An admin changes a rule: the fields given replace the stored ones, the rest stay. */
export async function updateRoutingRule(scope: Scope, id: number, changes: Record<string, unknown>): Promise<RuleRow> {
  scope.guardian.ensureCan('routing.rule.manage', null);
  const current = await ruleRow(scope.em, id);
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const rule = await checkRule(scope.em, { ...inputOf(current), ...given }, id);
  return transact(scope.em, async (tx) => {
    const before = await ruleRow(tx, id, true);
    await sql(
      tx,
      `update routing_rules set name = ?, enabled = ?, tags = ?::text[], segments = ?::text[], sentiment_negative = ?,
              sentiment_score_at_most = ?, sentiment_cues = ?::text[], notify_moderators = ?, raise_priority = ?,
              escalate = ?, updated_at = now()
        where id = ?`,
      [...columns(rule), id],
    );
    await writeLinks(tx, id, rule);
    const { memberIds: _ignored, ...after } = rule;
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'routing.rule_updated',
      subject: ref('routing_rule', id),
      data: { ruleId: id, name: rule.name, before: { ...inputOf(before) }, after: { ...after } },
    });
    return ruleRow(tx, id);
  });
}

/** An admin deletes a rule (what it already did stays in the log). */
export async function deleteRoutingRule(scope: Scope, id: number): Promise<void> {
  scope.guardian.ensureCan('routing.rule.manage', null);
  await transact(scope.em, async (tx) => {
    const before = await ruleRow(tx, id, true);
    await sql(tx, 'delete from routing_rules where id = ?', [id]);
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'routing.rule_deleted',
      subject: ref('routing_rule', id),
      data: { ruleId: id, name: before.name },
    });
  });
}

/** An admin puts every rule in a new order: `ids` lists each rule once, first applied first. */
export async function reorderRoutingRules(scope: Scope, ids: number[]): Promise<RuleRow[]> {
  scope.guardian.ensureCan('routing.rule.manage', null);
  return transact(scope.em, async (tx) => {
    await sql(tx, 'lock table routing_rules in share row exclusive mode');
    const existing = (await sql<{ id: number }>(tx, 'select id from routing_rules order by id')).map((r) => r.id);
    const same =
      ids.length === existing.length && new Set(ids).size === ids.length && ids.every((id) => existing.includes(id));
    if (!same) throw new ValidationError({ ids: 'List every routing rule exactly once, in the new order.' });
    await sql(
      tx,
      `update routing_rules r set position = o.n - 1, updated_at = now()
         from unnest(?::int[]) with ordinality as o(id, n) where r.id = o.id`,
      [`{${ids.join(',')}}`],
    );
    await recordEvent(tx, scope.guardian.requireActor(), {
      name: 'routing.rules_reordered',
      subject: ref('routing_rules', 0),
      data: { ruleIds: ids },
    });
    return ruleRows(tx);
  });
}
