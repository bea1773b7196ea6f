import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, toConnection, type Connection } from '../../graphql/pagination.js';
import { snapshots } from '../../platform/db/snapshots.js';
import { Member } from './member.entity.js';

/** Sign-ups held for approval, oldest first (members_held_idx), keyset-paginated. Staff only. */
export async function listPendingMembers(
  em: EntityManager,
  args: { first: number; after?: string | null },
): Promise<Connection<Member>> {
  const cursor = decodeCursor(args.after, ['timestamp', 'id']);
  const members = await snapshots(
    em,
    Member,
    'm',
    `select {columns} from members m
      where m.held_at is not null and m.approved_at is null ${cursor ? 'and (m.held_at, m.id) > (?::timestamptz, ?)' : ''}
      order by m.held_at, m.id limit ?`,
    [...(cursor ?? []), args.first + 1],
  );
  return toConnection(members, args.first, (m) => [m.heldAt!.toISOString(), m.id]);
}
