import type { ModuleDefinition } from '../../platform/module.js';
import { customerRules, customerServiceScopes } from './customers.policy.js';
import {
  CustomerInfluenceResolver,
  CustomerInsightSignalsResolver,
  customerSignalLoaders,
} from './customer-signals.resolver.js';
import { CustomerDirectoryResolver } from './customer-directory.resolver.js';
import { customerLoaders } from './customers.queries.js';
import {
  AmbiguousCustomerMatchResolver,
  CustomerMemberLinkResolver,
  CustomerResolver,
  CustomerSignalsResolver,
  CustomerTimelineItemResolver,
  MemberCustomerResolver,
} from './customers.resolver.js';
import { applyCrmCustomerChanges } from './subscribers/apply-crm-changes.js';
import { linkVerifiedMembers } from './subscribers/link-verified-members.js';

/**
 * Customer records from the CRM (batch upserts by external id, newest CRM version wins), the
 * links between members and customers (by verified email when unambiguous, or by staff), and
 * the customer 360 view for staff with the customer permission: the record, the linked
 * members, their community timeline and open-issue signals.
 */
export const customersModule: ModuleDefinition = {
  name: 'customers',
  resolvers: [
    CustomerResolver,
    CustomerMemberLinkResolver,
    CustomerTimelineItemResolver,
    CustomerSignalsResolver,
    AmbiguousCustomerMatchResolver,
    MemberCustomerResolver,
    CustomerInsightSignalsResolver,
    CustomerInfluenceResolver,
    CustomerDirectoryResolver,
  ],
  rules: customerRules,
  serviceScopes: customerServiceScopes,
  loaders: (em, viewer) => ({ ...customerLoaders(em, viewer), ...customerSignalLoaders(em) }),
  subscribers: [linkVerifiedMembers, applyCrmCustomerChanges],
};
