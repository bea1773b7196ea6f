import { allow, defineRules, deny, mayWrite, readRule, type Viewer } from '../../platform/authz/guardian.js';
import type { ModuleDefinition } from '../../platform/module.js';

/**
 * What the customer rules receive: whether an administrator granted the viewer access to
 * customer records (customer_access_grants, loaded per request by `customerAccess`).
 */
export interface CustomerAccess {
  granted: boolean;
}

declare module '../../platform/authz/guardian.js' {
  interface Actions {
    /** Reading any customer field, through any path (customer, Member.customer, the lists). */
    'customer.read': CustomerAccess;
    /** Creating and updating customer records (the CRM's sync). */
    'customer.write': CustomerAccess;
    /** Linking and unlinking members and customers by hand. */
    'customer.link': CustomerAccess;
    /** Granting and revoking moderators' access to customer records. */
    'customer.grantAccess': null;
  }
}

/**
 * What service tokens' scopes grant here (ModuleDefinition.serviceScopes): a CRM reads and
 * writes customer records; linking by hand and access grants stay with staff.
 */
export const customerServiceScopes = {
  'customers:read': ['customer.read'],
  'customers:write': ['customer.write'],
} satisfies NonNullable<ModuleDefinition['serviceScopes']>;

/** Administrators hold the customer permission; moderators once an administrator granted it; nobody else. */
function holdsCustomerPermission(viewer: Viewer | null, access: CustomerAccess, doing: string) {
  // A visitor is refused like a member (FORBIDDEN, as for other private fields); writes ask them to log in first (mayWrite).
  if (!viewer) return deny(`Only staff with customer access can ${doing}.`);
  if (viewer.role === 'ADMIN') return allow();
  if (viewer.role === 'MODERATOR') {
    return access.granted
      ? allow()
      : deny(`Only administrators and moderators an administrator granted customer access can ${doing}.`);
  }
  return deny(`Only staff with customer access can ${doing}.`);
}

export const customerRules = defineRules({
  // A service reaches these rules only when its token's scope grants the action (Guardian.check).
  'customer.read': readRule((viewer, access, _settings, service) =>
    service ? allow() : holdsCustomerPermission(viewer, access, 'see customer records'),
  ),
  'customer.write': (viewer, _access, _settings, service) =>
    service
      ? allow()
      : (mayWrite(viewer, 'change customer records') ??
        (viewer!.role === 'ADMIN' ? allow() : deny('Only administrators can create or update customer records.'))),
  'customer.link': (viewer, access) =>
    mayWrite(viewer, 'link members to customers') ??
    holdsCustomerPermission(viewer, access, 'link members to customers'),
  'customer.grantAccess': (viewer) =>
    mayWrite(viewer, 'grant customer access') ??
    (viewer!.role === 'ADMIN' ? allow() : deny('Only administrators can grant or revoke customer access.')),
});
