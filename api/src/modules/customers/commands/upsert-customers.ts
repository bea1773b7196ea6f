import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ValidationError } from '../../../platform/errors.js';
import { recordEvents, ref, type NewEvent } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { linkByVerifiedEmail } from '../customer-linking.js';
import '../customers.events.js';
import { customerAccessOf } from '../customers.queries.js';

export const MAX_CUSTOMERS_PER_CALL = 500;

export type UpsertStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'STALE' | 'INVALID';

/** One record as the CRM sends it (GraphQL's CustomerInput). */
export interface CustomerRecord {
  externalId: string;
  name?: string | null;
  emails?: string[] | null;
  company?: string | null;
  segment?: string | null;
  lifetimeValueCents?: number | null;
  currency?: string | null;
  products?: { sku: string; name: string; version?: string | null }[] | null;
  socialHandles?: Record<string, unknown> | null;
  consent?: { email?: boolean | null; analytics?: boolean | null } | null;
  updatedAt?: Date | null;
}

export interface UpsertResult {
  index: number;
  externalId: string;
  status: UpsertStatus;
  customerId: number | null;
  error: string | null;
}

/** A record checked and normalized, as the statement takes it. */
interface CleanRecord {
  index: number;
  external_id: string;
  name: string;
  company: string | null;
  segment: string | null;
  lifetime_value_cents: number | null;
  currency: string | null;
  social_handles: Record<string, string>;
  consent_email: boolean;
  consent_analytics: boolean;
  crm_updated_at: string;
  emails: string[];
  products: { sku: string; name: string; version: string | null }[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An updatedAt further ahead than this is a CRM clock gone wrong; it would pin the record. */
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

const text = (value: string | null | undefined, field: string, max: number, required = false): string | null => {
  const v = value?.trim() ?? '';
  if (!v) {
    if (required) throw new Error(`${field} is required.`);
    return null;
  }
  if (v.length > max) throw new Error(`${field} must be at most ${max} characters.`);
  return v;
};

/** Checks one record; throws the reason it is invalid. */
function clean(record: CustomerRecord, index: number, now: number): CleanRecord {
  const externalId = text(record.externalId, 'externalId', 200, true)!;
  const name = text(record.name, 'name', 200, true)!;
  const emails = [...new Set((record.emails ?? []).map((e) => e.trim().toLowerCase()))];
  if (emails.length > 20) throw new Error('emails: at most 20 addresses.');
  emails.forEach((e, i) => {
    if (e.length > 254 || !EMAIL.test(e)) throw new Error(`emails[${i}] is not an email address.`);
  });
  const ltv = record.lifetimeValueCents ?? null;
  const currency = record.currency?.trim().toUpperCase() || null;
  if ((ltv === null) !== (currency === null)) {
    throw new Error('lifetimeValueCents and currency go together: give both or neither.');
  }
  if (ltv !== null && (!Number.isSafeInteger(ltv) || ltv < 0)) {
    throw new Error('lifetimeValueCents must be a whole number of minor units, 0 or more.');
  }
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) {
    throw new Error('currency must be an ISO 4217 code of three letters.');
  }
  const products = (record.products ?? []).map((p, i) => ({
    sku: text(p.sku, `products[${i}].sku`, 100, true)!,
    name: text(p.name, `products[${i}].name`, 200, true)!,
    version: text(p.version, `products[${i}].version`, 50),
  }));
  if (products.length > 200) throw new Error('products: at most 200.');
  if (new Set(products.map((p) => p.sku)).size !== products.length) throw new Error('products: a sku is listed twice.');
  const handles = record.socialHandles ?? {};
  const entries = Object.entries(handles);
  if (entries.length > 20) throw new Error('socialHandles: at most 20.');
  for (const [network, handle] of entries) {
    if (!/^[a-z0-9_.-]{1,30}$/i.test(network) || typeof handle !== 'string' || !handle || handle.length > 100) {
      throw new Error(`socialHandles.${network.slice(0, 30)} must be a handle of 1–100 characters.`);
    }
  }
  const updatedAt = record.updatedAt;
  if (!(updatedAt instanceof Date) || Number.isNaN(updatedAt.getTime())) throw new Error('updatedAt is required.');
  if (updatedAt.getTime() > now + FUTURE_TOLERANCE_MS) throw new Error('updatedAt is more than a day in the future.');
  return {
    index,
    external_id: externalId,
    name,
    company: text(record.company, 'company', 200),
    segment: text(record.segment, 'segment', 100),
    lifetime_value_cents: ltv,
    currency,
    social_handles: handles as Record<string, string>,
    consent_email: record.consent?.email ?? false,
    consent_analytics: record.consent?.analytics ?? false,
    crm_updated_at: updatedAt.toISOString(),
    emails,
    products,
  };
}

/**
 * Creates or updates customer records by external id, up to 500 per call (more is
 * BAD_USER_INPUT and writes nothing). Each record gets a status: CREATED, UPDATED (the CRM's
 * updatedAt is newer than stored), UNCHANGED (the same updatedAt: sent again), STALE (older:
 * changes nothing) or INVALID (with the reason; the others are still written).
 *
 * One `insert … on conflict (external_id) do update … where stored < new` writes the whole
 * batch in external-id order, so the same batch from two clients at once leaves each record
 * once (the second waits on the first's rows and finds them current) without deadlocks; only
 * the rows this call wrote get their emails and products replaced, their events and links by
 * verified email.
 */
export async function upsertCustomers(scope: Scope, records: CustomerRecord[]): Promise<UpsertResult[]> {
  scope.guardian.ensureCan('customer.write', await customerAccessOf(scope.em, scope.guardian.viewer));
  if (records.length > MAX_CUSTOMERS_PER_CALL) {
    throw new ValidationError({
      records: `At most ${MAX_CUSTOMERS_PER_CALL} records per call; this one has ${records.length}. Send them in batches.`,
    });
  }
  const actor = scope.guardian.requireActor();
  const now = Date.now();
  const results: UpsertResult[] = records.map((r, index) => ({
    index,
    externalId: r.externalId,
    status: 'INVALID',
    customerId: null,
    error: null,
  }));
  const valid: CleanRecord[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    try {
      const row = clean(record, index, now);
      const first = seen.get(row.external_id);
      if (first !== undefined) throw new Error(`externalId appears twice in this batch (first at index ${first}).`);
      seen.set(row.external_id, index);
      valid.push(row);
    } catch (error) {
      results[index]!.error = (error as Error).message;
    }
  });
  if (valid.length === 0) return results;
  valid.sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));

  return transact(scope.em, async (tx) => {
    const written = await sql<{ id: number; external_id: string; inserted: boolean; previous: Date | null }>(
      tx,
      `with input as (
         select * from jsonb_to_recordset(?::jsonb) as r(
           external_id text, name text, company text, segment text, lifetime_value_cents bigint, currency text,
           social_handles jsonb, consent_email boolean, consent_analytics boolean, crm_updated_at timestamptz)),
       prior as (select c.external_id, c.crm_updated_at from customers c join input using (external_id)),
       written as (
         insert into customers as c (external_id, name, company, segment, lifetime_value_cents, currency,
                                     social_handles, consent_email, consent_analytics, crm_updated_at)
         select external_id, name, company, segment, lifetime_value_cents, currency,
                social_handles, consent_email, consent_analytics, crm_updated_at
           from input order by external_id
         on conflict (external_id) do update set
           name = excluded.name, company = excluded.company, segment = excluded.segment,
           lifetime_value_cents = excluded.lifetime_value_cents, currency = excluded.currency,
           social_handles = excluded.social_handles, consent_email = excluded.consent_email,
           consent_analytics = excluded.consent_analytics, crm_updated_at = excluded.crm_updated_at,
           updated_at = now()
         where c.crm_updated_at < excluded.crm_updated_at
         returning c.id, c.external_id, (c.xmax = 0) as inserted)
       select w.*, p.crm_updated_at as previous from written w left join prior p using (external_id)`,
      [JSON.stringify(valid.map(({ emails: _e, products: _p, index: _i, ...row }) => row))],
    );
    const writtenBy = new Map(written.map((w) => [w.external_id, w]));
    const notWritten = valid.filter((v) => !writtenBy.has(v.external_id)).map((v) => v.external_id);
    // A statement of its own: it sees rows a concurrent call committed while this one waited.
    const stored = notWritten.length
      ? await sql<{ id: number; external_id: string; crm_updated_at: Date }>(
          tx,
          `select id, external_id, crm_updated_at from customers where external_id = any(?::text[])`,
          [`{${notWritten.map((e) => `"${e.replace(/["\\]/g, '\\$&')}"`).join(',')}}`],
        )
      : [];
    const storedBy = new Map(stored.map((s) => [s.external_id, s]));

    const changed = valid.filter((v) => writtenBy.has(v.external_id));
    const changedIds = changed.map((v) => writtenBy.get(v.external_id)!.id);
    if (changed.length) {
      await sql(tx, `delete from customer_emails where customer_id = any(?::int[])`, [`{${changedIds.join(',')}}`]);
      await sql(tx, `delete from customer_products where customer_id = any(?::int[])`, [`{${changedIds.join(',')}}`]);
      const emails = changed.flatMap((v) =>
        v.emails.map((email) => ({ customer_id: writtenBy.get(v.external_id)!.id, email })),
      );
      if (emails.length) {
        await sql(
          tx,
          `insert into customer_emails (customer_id, email)
           select customer_id, email from jsonb_to_recordset(?::jsonb) as r(customer_id int, email text)`,
          [JSON.stringify(emails)],
        );
      }
      const products = changed.flatMap((v) =>
        v.products.map((p) => ({ customer_id: writtenBy.get(v.external_id)!.id, ...p })),
      );
      if (products.length) {
        await sql(
          tx,
          `insert into customer_products (customer_id, sku, name, version)
           select customer_id, sku, name, version
             from jsonb_to_recordset(?::jsonb) as r(customer_id int, sku text, name text, version text)`,
          [JSON.stringify(products)],
        );
      }
    }

    const events: NewEvent[] = [];
    for (const v of valid) {
      const result = results[v.index]!;
      const w = writtenBy.get(v.external_id);
      if (w) {
        result.customerId = w.id;
        result.status = w.inserted ? 'CREATED' : 'UPDATED';
        events.push(
          w.inserted || !w.previous
            ? {
                name: 'customer.created',
                subject: ref('customer', w.id),
                data: { customerId: w.id, externalId: v.external_id, crmUpdatedAt: v.crm_updated_at },
              }
            : {
                name: 'customer.updated',
                subject: ref('customer', w.id),
                data: {
                  customerId: w.id,
                  externalId: v.external_id,
                  crmUpdatedAt: v.crm_updated_at,
                  previousCrmUpdatedAt: new Date(w.previous).toISOString(),
                },
              },
        );
        continue;
      }
      const s = storedBy.get(v.external_id);
      result.customerId = s?.id ?? null;
      result.status =
        s && new Date(s.crm_updated_at).getTime() > new Date(v.crm_updated_at).getTime() ? 'STALE' : 'UNCHANGED';
      if (result.status === 'STALE') {
        result.error = `The stored record is newer (updatedAt ${new Date(s!.crm_updated_at).toISOString()}); this one changed nothing.`;
      }
    }
    await recordEvents(tx, actor, events);
    await linkByVerifiedEmail(tx, actor, { customerIds: changedIds });
    return results;
  });
}
