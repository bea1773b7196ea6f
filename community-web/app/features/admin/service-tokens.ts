/** The scopes a service token may hold, as the API accepts them, with what each lets an integration do. */
export const SERVICE_SCOPES = [
  { value: 'customers:read', label: 'Read customers', hint: 'customer records and their signals' },
  { value: 'customers:write', label: 'Write customers', hint: 'send customer records from the CRM' },
  { value: 'events:read', label: 'Read events', hint: 'follow the event log (everything administrators see there)' },
  { value: 'cases:write', label: 'Write cases', hint: 'update support cases raised from escalations' },
] as const;

const KNOWN = new Set<string>(SERVICE_SCOPES.map((s) => s.value));

/** The scopes a create form chose, unknown values left out (the API refuses them anyway). */
export const chosenScopes = (form: FormData): string[] =>
  form
    .getAll('scopes')
    .map(String)
    .filter((s) => KNOWN.has(s));
