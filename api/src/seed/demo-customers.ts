import { grantCustomerAccess } from '../modules/customers/commands/grant-customer-access.js';
import { linkCustomer } from '../modules/customers/commands/link-customer.js';
import { upsertCustomers } from '../modules/customers/commands/upsert-customers.js';
import { sql } from '../platform/db/sql.js';
import type { Scope, Services } from '../platform/scope.js';

/** The demo's CRM: a few customers whose contacts are demo members (addresses as the demo seed makes them). */
const DEMO_CUSTOMERS = [
  {
    externalId: 'CRM-1001',
    name: 'Acme Smart Homes',
    company: 'Acme Smart Homes Ltd',
    segment: 'enterprise',
    lifetimeValueCents: 4_820_000,
    currency: 'EUR',
    // alice's verified address: she is linked automatically.
    emails: ['alice@example.com', 'it@acme-homes.example'],
    products: [
      { sku: 'HUB-2', name: 'Hearth Hub', version: '2.3' },
      { sku: 'SENS-Z', name: 'Zigbee sensor pack', version: '1.8' },
    ],
    socialHandles: { x: '@acmesmarthomes' },
    consent: { email: true, analytics: true },
  },
  {
    externalId: 'CRM-1002',
    name: 'Globex Facilities',
    company: 'Globex Facilities GmbH',
    segment: 'mid-market',
    lifetimeValueCents: 1_250_000,
    currency: 'EUR',
    emails: ['graceh@example.com'],
    products: [{ sku: 'HUB-2', name: 'Hearth Hub', version: '2.2' }],
    socialHandles: {},
    consent: { email: true, analytics: false },
  },
  // bob's address is a contact of two customers: nobody guesses, staff see it as ambiguous.
  {
    externalId: 'CRM-1003',
    name: 'Initech',
    company: 'Initech Inc.',
    segment: 'smb',
    lifetimeValueCents: 180_000,
    currency: 'USD',
    emails: ['bob@example.com'],
    products: [{ sku: 'CAM-1', name: 'Hearth Cam', version: '1.0' }],
    socialHandles: {},
    consent: { email: false, analytics: false },
  },
  {
    externalId: 'CRM-1004',
    name: 'Umbrella Labs',
    company: 'Umbrella Labs',
    segment: 'smb',
    lifetimeValueCents: 95_000,
    currency: 'USD',
    emails: ['bob@example.com', 'ops@umbrella.example'],
    products: [],
    socialHandles: {},
    consent: { email: true, analytics: false },
  },
];

/**
 * Customer records for the demo, written through the commands after the members' addresses
 * are verified: alice and grace-h are linked by email, hiro by staff to Globex, bob's address
 * is ambiguous (two customers), and the demo moderator may read customers (an admin's grant).
 */
export async function seedCustomers(services: Services, as: (handle: string) => Promise<Scope>): Promise<void> {
  const admin = await as('admin');
  const updatedAt = new Date(Date.now() - 2 * 86_400_000);
  const results = await upsertCustomers(
    admin,
    DEMO_CUSTOMERS.map((c) => ({ ...c, updatedAt })),
  );
  const invalid = results.filter((r) => r.status === 'INVALID');
  if (invalid.length) throw new Error(`demo customers: ${invalid.map((r) => r.error).join('; ')}`);
  const em = services.orm.em.fork();
  const ids = async (handles: string[]) =>
    new Map(
      (
        await sql<{ id: number; handle: string }>(em, `select id, handle from members where handle = any(?::text[])`, [
          `{${handles.join(',')}}`,
        ])
      ).map((m) => [m.handle, m.id]),
    );
  const members = await ids(['hiro', 'moderator']);
  await linkCustomer(await as('admin'), { customerId: results[1]!.customerId!, memberId: members.get('hiro')! });
  await grantCustomerAccess(await as('admin'), members.get('moderator')!);
}
