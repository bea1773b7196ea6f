/**
 * Who a command runs for: a member (a signed-in person), a service (an integration's token,
 * with scopes) or the system (a job, a schedule, a seed). Commands record it on every event.
 */
export type Actor = { type: 'member'; id: number } | ServiceActor | { type: 'system'; name: string };

/**
 * What an integration's token may be granted: each scope grants the actions the modules that
 * own them declare (ModuleDefinition.serviceScopes), and nothing else.
 */
export const SERVICE_SCOPES = ['customers:write', 'customers:read', 'events:read', 'cases:write'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

/** An integration acting through a service token (modules/integrations): never a member. */
export interface ServiceActor {
  type: 'service';
  /** The token's id, recorded on every event it causes. */
  id: number;
  name: string;
  scopes: readonly ServiceScope[];
}

export const memberActor = (id: number): Actor => ({ type: 'member', id });
export const systemActor = (name: string): Actor => ({ type: 'system', name });
