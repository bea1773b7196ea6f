import { Migration } from '@mikro-orm/migrations';

/**
 * domain_events_audit_idx again, with the administrators' actions added since
 * 20261203200000: settings changes, categories reordered, members' roles changed. Its predicate must stay exactly the one
 * audit/event-log.queries.ts writes (AUDIT_PREDICATE), or the audit log stops using it.
 */
export class Migration20261204900000_audit_kinds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
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
