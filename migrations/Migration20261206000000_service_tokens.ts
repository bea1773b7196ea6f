import { Migration } from '@mikro-orm/migrations';

/**
 * Service tokens (api/src/modules/integrations): integrations act through the GraphQL API with
 * a token an administrator created, with scopes. Only the SHA-256 of the secret is stored (as
 * for sessions); rotating replaces the hash, revoking stamps `revoked_at` (the row stays, for
 * the event log's attribution). domain_events_audit_idx again, with the tokens' events added:
 * its predicate must stay exactly audit/event-log.queries.ts's AUDIT_PREDICATE.
 */
export class Migration20261206000000_service_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table service_tokens (
        id serial primary key,
        name text not null check (char_length(name) between 1 and 100),
        scopes text[] not null
          check (cardinality(scopes) >= 1
                 and scopes <@ array['customers:write', 'customers:read', 'events:read', 'cases:write']::text[]),
        token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
        created_by int not null references members (id),
        created_at timestamptz not null default now(),
        rotated_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by int references members (id)
      );
      drop index domain_events_audit_idx;
      create index domain_events_audit_idx on domain_events (id)
        where name in ('thread.status_changed', 'thread.moved', 'thread.merged', 'thread.pinned', 'thread.unpinned',
                       'post.removed', 'post.restored', 'post.staff_picked', 'post.staff_pick_withdrawn',
                       'post.hidden', 'post.unhidden', 'review.resolved',
                       'member.silenced', 'member.suspended', 'member.sanction_lifted', 'member.staff_note_added',
                       'advocate.granted', 'advocate.revoked', 'reputation.adjusted',
                       'category.created', 'category.changed', 'categories.reordered', 'member.role_changed',
                       'settings.changed', 'service_token.created', 'service_token.rotated', 'service_token.revoked')
           or (name in ('post.edited', 'post.deleted') and actor_type = 'member'
               and actor_id is distinct from (data ->> 'authorId')::bigint);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table service_tokens;
      drop index domain_events_audit_idx;
      create index domain_events_audit_idx on domain_events (id)
        where name in ('thread.status_changed', 'thread.moved', 'thread.merged', 'thread.pinned', 'thread.unpinned',
                       'post.removed', 'post.restored', 'post.staff_picked', 'post.staff_pick_withdrawn',
                       'post.hidden', 'post.unhidden', 'review.resolved',
                       'member.silenced', 'member.suspended', 'member.sanction_lifted', 'member.staff_note_added',
                       'advocate.granted', 'advocate.revoked', 'reputation.adjusted',
                       'category.created', 'category.changed', 'categories.reordered', 'member.role_changed',
                       'settings.changed')
           or (name in ('post.edited', 'post.deleted') and actor_type = 'member'
               and actor_id is distinct from (data ->> 'authorId')::bigint);
    `);
  }
}
