/**
 * Who a command runs for: a member (a signed-in person), a service (an integration's token,
 * with scopes) or the system (a job, a schedule, a seed). Commands record it on every event.
 */
export type Actor =
  | { type: 'member'; id: number }
  | { type: 'service'; id: number; name: string; scopes: readonly string[] }
  | { type: 'system'; name: string };

export const memberActor = (id: number): Actor => ({ type: 'member', id });
export const systemActor = (name: string): Actor => ({ type: 'system', name });
