import { Migration } from '@mikro-orm/migrations';

const KINDS_BEFORE = `'REPLY', 'FOLLOWED_REPLY', 'NEW_THREAD', 'MENTION', 'ANSWER_ACCEPTED', 'STAFF_PICKED',
  'ARTICLE_FROM_ANSWER', 'BADGE_AWARDED', 'LEVEL_REACHED', 'POST_MODERATED', 'FLAG_RESOLVED', 'SANCTION'`;

const AUDITED_BEFORE = `'thread.status_changed', 'thread.moved', 'thread.merged', 'thread.pinned', 'thread.unpinned',
  'post.removed', 'post.restored', 'post.staff_picked', 'post.staff_pick_withdrawn',
  'post.hidden', 'post.unhidden', 'review.resolved',
  'member.silenced', 'member.suspended', 'member.sanction_lifted', 'member.staff_note_added',
  'advocate.granted', 'advocate.revoked', 'reputation.adjusted',
  'category.created', 'category.changed', 'categories.reordered', 'member.role_changed',
  'settings.changed', 'service_token.created', 'service_token.rotated', 'service_token.revoked'`;

const EDITS = `(name in ('post.edited', 'post.deleted') and actor_type = 'member'
  and actor_id is distinct from (data ->> 'authorId')::bigint)`;

/**
 * Webhooks' upkeep and the audit log's new kinds (issue 14):
 * - `notifications.kind` admits WEBHOOK_DISABLED: administrators are told when the system
 *   disables an endpoint (a 410, or days of failures).
 * - The daily prune (modules/webhooks/prune.ts) reads inbound messages by age and final
 *   deliveries by when they became final, each from a partial index of its own.
 * - domain_events_audit_idx again, with the webhook endpoints', nominations' and customer access
 *   grants' events and staff's customer links: its predicate must stay exactly
 *   audit/event-log.queries.ts's AUDIT_PREDICATE. Built in the migration's transaction, as the
 *   earlier ones did (CREATE INDEX CONCURRENTLY cannot run in one).
 */
export class Migration20261206500000_webhooks_upkeep extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table notifications drop constraint notifications_kind_check;
      alter table notifications add constraint notifications_kind_check check (kind in (${KINDS_BEFORE}, 'WEBHOOK_DISABLED'));

      create index inbound_webhooks_received_idx on inbound_webhooks (received_at);
      create index webhook_deliveries_final_idx on webhook_deliveries ((coalesce(delivered_at, last_attempt_at, created_at)))
        where status in ('DELIVERED', 'FAILED', 'DEAD');

      drop index domain_events_audit_idx;
      create index domain_events_audit_idx on domain_events (id)
        where name in (${AUDITED_BEFORE},
                       'webhook.endpoint_created', 'webhook.endpoint_updated', 'webhook.endpoint_enabled',
                       'webhook.endpoint_disabled', 'webhook.endpoint_deleted', 'webhook.secret_rotated',
                       'webhook.deliveries_replayed', 'advocate.nominated',
                       'customer.access_granted', 'customer.access_revoked')
           or ${EDITS}
           or (name in ('customer.linked', 'customer.unlinked') and (data ->> 'how') = 'staff');
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index domain_events_audit_idx;
      create index domain_events_audit_idx on domain_events (id) where name in (${AUDITED_BEFORE}) or ${EDITS};
      drop index webhook_deliveries_final_idx;
      drop index inbound_webhooks_received_idx;
      delete from notifications where kind = 'WEBHOOK_DISABLED';
      alter table notifications drop constraint notifications_kind_check;
      alter table notifications add constraint notifications_kind_check check (kind in (${KINDS_BEFORE}));
    `);
  }
}
