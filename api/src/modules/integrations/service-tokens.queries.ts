import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceScope } from '../../platform/authz/actor.js';
import { sql } from '../../platform/db/sql.js';

/** A service token as administrators see it: never its secret or hash. */
export interface ServiceTokenRow {
  id: number;
  name: string;
  scopes: ServiceScope[];
  createdAt: Date;
  rotatedAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdById: number;
}

const COLUMNS = `id, name, scopes, created_at as "createdAt", rotated_at as "rotatedAt",
  last_used_at as "lastUsedAt", revoked_at as "revokedAt", created_by as "createdById"`;

const date = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(value as string);

/** The driver hands timestamps over as text from raw statements. */
const toRow = (r: ServiceTokenRow): ServiceTokenRow => ({
  ...r,
  createdAt: date(r.createdAt)!,
  rotatedAt: date(r.rotatedAt),
  lastUsedAt: date(r.lastUsedAt),
  revokedAt: date(r.revokedAt),
});

export async function readServiceToken(em: EntityManager, id: number): Promise<ServiceTokenRow | null> {
  const [row] = await sql<ServiceTokenRow>(em, `select ${COLUMNS} from service_tokens where id = ?`, [id]);
  return row ? toRow(row) : null;
}

/** Every token, the working ones first, newest first (an installation has a handful). */
export async function listServiceTokens(em: EntityManager): Promise<ServiceTokenRow[]> {
  const rows = await sql<ServiceTokenRow>(
    em,
    `select ${COLUMNS} from service_tokens order by revoked_at is not null, id desc limit 500`,
  );
  return rows.map(toRow);
}
