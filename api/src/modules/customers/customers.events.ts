/** How a member came to be linked to a customer: by their verified email, or by staff. */
export type LinkHow = 'email' | 'staff';

/**
 * What the customers module announces. Customer events carry no personal data beyond ids and
 * the external id: the event log reaches further than the records (webhooks, replays) and is
 * never pruned.
 */
declare module '../../platform/events/events.js' {
  interface EventData {
    'customer.created': { customerId: number; externalId: string; crmUpdatedAt: string };
    'customer.updated': { customerId: number; externalId: string; crmUpdatedAt: string; previousCrmUpdatedAt: string };
    /** `byId`: the staff member who linked by hand; null for a link by verified email. */
    'customer.linked': { customerId: number; memberId: number; how: LinkHow; byId: number | null };
    'customer.unlinked': { customerId: number; memberId: number; how: LinkHow; byId: number | null; wasHow: LinkHow };
    /** The CRM deleted it: the record was anonymised and these members unlinked. */
    'customer.deleted': { customerId: number; externalId: string; unlinkedMemberIds: number[] };
    'customer.access_granted': { memberId: number; byId: number };
    'customer.access_revoked': { memberId: number; byId: number };
  }
}

export {};
