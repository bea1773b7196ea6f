import { SERVICE_SCOPES, type ServiceScope } from '../../../platform/authz/actor.js';
import { sql, textArray } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.js';
import { recordEvent, ref } from '../../../platform/events/events.js';
import type { Scope } from '../../../platform/scope.js';
import { newServiceSecret } from '../service-tokens.js';
import { readServiceToken, type ServiceTokenRow } from '../service-tokens.queries.js';
import '../integrations.events.js';

const MAX_NAME = 100;

/** A token and its secret: the only time the secret is ever shown. */
export interface IssuedServiceToken {
  secret: string;
  token: ServiceTokenRow;
}

function checkInput(input: { name: string; scopes: string[] }): { name: string; scopes: ServiceScope[] } {
  const errors: Record<string, string> = {};
  const name = input.name.trim();
  if (name.length === 0) errors.name = 'Name the token after the integration that will use it.';
  else if (name.length > MAX_NAME) errors.name = `A name is at most ${MAX_NAME} characters.`;
  const unknown = input.scopes.filter((s) => !(SERVICE_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) errors.scopes = `Unknown scope ${unknown[0]}: choose from ${SERVICE_SCOPES.join(', ')}.`;
  else if (input.scopes.length === 0) errors.scopes = 'Give the token at least one scope.';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  // In the catalogue's order, each once.
  return { name, scopes: SERVICE_SCOPES.filter((s) => input.scopes.includes(s)) };
}

/** An administrator creates a token for an integration; its secret is returned once, only its hash is stored. */
export async function createServiceToken(
  scope: Scope,
  input: { name: string; scopes: string[] },
): Promise<IssuedServiceToken> {
  scope.guardian.ensureCan('serviceToken.manage', null);
  const { name, scopes } = checkInput(input);
  const viewer = scope.guardian.requireViewer();
  const actor = scope.guardian.requireActor();
  const { secret, hash } = newServiceSecret();
  const id = await transact(scope.em, async (tx) => {
    const [row] = (await sql<{ id: number }>(
      tx,
      `insert into service_tokens (name, scopes, token_hash, created_by) values (?, ?::text[], ?, ?) returning id`,
      [name, textArray(scopes), hash, viewer.id],
    )) as [{ id: number }];
    await recordEvent(tx, actor, {
      name: 'service_token.created',
      subject: ref('service_token', row.id),
      data: { name, scopes },
    });
    return row.id;
  });
  return { secret, token: (await readServiceToken(scope.em, id))! };
}

/**
 * A new secret for a token: the old one stops working at once (the same row keeps its id,
 * name, scopes and history). A revoked token cannot be rotated back to life.
 */
export async function rotateServiceToken(scope: Scope, id: number): Promise<IssuedServiceToken> {
  scope.guardian.ensureCan('serviceToken.manage', null);
  const actor = scope.guardian.requireActor();
  const { secret, hash } = newServiceSecret();
  await transact(scope.em, async (tx) => {
    const token = await lockedToken(tx, id);
    await sql(tx, `update service_tokens set token_hash = ?, rotated_at = now() where id = ?`, [hash, id]);
    await recordEvent(tx, actor, {
      name: 'service_token.rotated',
      subject: ref('service_token', id),
      data: { name: token.name },
    });
  });
  return { secret, token: (await readServiceToken(scope.em, id))! };
}

/** Revokes a token: every request with it is UNAUTHENTICATED from now on. */
export async function revokeServiceToken(scope: Scope, id: number): Promise<ServiceTokenRow> {
  scope.guardian.ensureCan('serviceToken.manage', null);
  const actor = scope.guardian.requireActor();
  const viewer = scope.guardian.requireViewer();
  await transact(scope.em, async (tx) => {
    const token = await lockedToken(tx, id);
    await sql(tx, `update service_tokens set revoked_at = now(), revoked_by = ? where id = ?`, [viewer.id, id]);
    await recordEvent(tx, actor, {
      name: 'service_token.revoked',
      subject: ref('service_token', id),
      data: { name: token.name },
    });
  });
  return (await readServiceToken(scope.em, id))!;
}

async function lockedToken(tx: Scope['em'], id: number): Promise<{ name: string }> {
  const [token] = await sql<{ name: string; revoked: boolean }>(
    tx,
    `select name, revoked_at is not null as revoked from service_tokens where id = ? for update`,
    [id],
  );
  if (!token) throw new NotFoundError('Service token');
  if (token.revoked) throw new ConflictError('This service token is revoked; create a new one instead.');
  return token;
}
