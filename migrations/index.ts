import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000_foundation } from './Migration20261123000000_foundation.js';
import { Migration20261123100000_reputation } from './Migration20261123100000_reputation.js';
import { Migration20261123200000_privileges_badges } from './Migration20261123200000_privileges_badges.js';
import { Migration20261123300000_staff_picks_removals } from './Migration20261123300000_staff_picks_removals.js';
import { Migration20261123400000_vote_cap_counters } from './Migration20261123400000_vote_cap_counters.js';
import { Migration20261123500000_accepted_answers } from './Migration20261123500000_accepted_answers.js';
import { Migration20261123600000_advocate_categories } from './Migration20261123600000_advocate_categories.js';
import { Migration20261123700000_accepted_at_milliseconds } from './Migration20261123700000_accepted_at_milliseconds.js';
import { Migration20261201000000_domain_events } from './Migration20261201000000_domain_events.js';
import { Migration20261201100000_thread_views } from './Migration20261201100000_thread_views.js';
import { Migration20261201200000_abuse_limits } from './Migration20261201200000_abuse_limits.js';
import { Migration20261202000000_search } from './Migration20261202000000_search.js';
import { Migration20261202100000_knowledge } from './Migration20261202100000_knowledge.js';
import { Migration20261202300000_deflection } from './Migration20261202300000_deflection.js';
import { Migration20261203000000_flags } from './Migration20261203000000_flags.js';
import { Migration20261203100000_sanctions } from './Migration20261203100000_sanctions.js';
import { Migration20261203200000_thread_moderation } from './Migration20261203200000_thread_moderation.js';
import { Migration20261204000000_settings } from './Migration20261204000000_settings.js';
import { Migration20261204100000_category_settings } from './Migration20261204100000_category_settings.js';
import { Migration20261204110000_member_admin } from './Migration20261204110000_member_admin.js';
import { Migration20261204200000_review_kinds } from './Migration20261204200000_review_kinds.js';
import { Migration20261204210000_counts_without_hidden } from './Migration20261204210000_counts_without_hidden.js';
import { Migration20261204300000_related_items } from './Migration20261204300000_related_items.js';
import { Migration20261204900000_audit_kinds } from './Migration20261204900000_audit_kinds.js';
import { Migration20261205000000_notifications } from './Migration20261205000000_notifications.js';
import { Migration20261205200000_email } from './Migration20261205200000_email.js';
import { Migration20261205300000_avatars } from './Migration20261205300000_avatars.js';
import { Migration20261206000000_service_tokens } from './Migration20261206000000_service_tokens.js';
import { Migration20261206100000_customers } from './Migration20261206100000_customers.js';
import { Migration20261206200000_webhooks } from './Migration20261206200000_webhooks.js';
import { Migration20261206300000_insights } from './Migration20261206300000_insights.js';
import { Migration20261206400000_escalations } from './Migration20261206400000_escalations.js';
import { Migration20261206500000_webhooks_upkeep } from './Migration20261206500000_webhooks_upkeep.js';
import { Migration20261206600000_routing } from './Migration20261206600000_routing.js';
import { Migration20261206700000_dashboard_indexes } from './Migration20261206700000_dashboard_indexes.js';
import { Migration20261206800000_routing_rules } from './Migration20261206800000_routing_rules.js';

/** Every migration in order. Reviewed SQL; never edited after it lands: add a new one. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123000000_foundation', class: Migration20261123000000_foundation },
  { name: 'Migration20261123100000_reputation', class: Migration20261123100000_reputation },
  { name: 'Migration20261123200000_privileges_badges', class: Migration20261123200000_privileges_badges },
  { name: 'Migration20261123300000_staff_picks_removals', class: Migration20261123300000_staff_picks_removals },
  { name: 'Migration20261123400000_vote_cap_counters', class: Migration20261123400000_vote_cap_counters },
  { name: 'Migration20261123500000_accepted_answers', class: Migration20261123500000_accepted_answers },
  { name: 'Migration20261123600000_advocate_categories', class: Migration20261123600000_advocate_categories },
  {
    name: 'Migration20261123700000_accepted_at_milliseconds',
    class: Migration20261123700000_accepted_at_milliseconds,
  },
  { name: 'Migration20261201000000_domain_events', class: Migration20261201000000_domain_events },
  { name: 'Migration20261201100000_thread_views', class: Migration20261201100000_thread_views },
  { name: 'Migration20261201200000_abuse_limits', class: Migration20261201200000_abuse_limits },
  { name: 'Migration20261202000000_search', class: Migration20261202000000_search },
  { name: 'Migration20261202100000_knowledge', class: Migration20261202100000_knowledge },
  { name: 'Migration20261202300000_deflection', class: Migration20261202300000_deflection },
  { name: 'Migration20261203000000_flags', class: Migration20261203000000_flags },
  { name: 'Migration20261203100000_sanctions', class: Migration20261203100000_sanctions },
  { name: 'Migration20261203200000_thread_moderation', class: Migration20261203200000_thread_moderation },
  { name: 'Migration20261204000000_settings', class: Migration20261204000000_settings },
  { name: 'Migration20261204100000_category_settings', class: Migration20261204100000_category_settings },
  { name: 'Migration20261204110000_member_admin', class: Migration20261204110000_member_admin },
  { name: 'Migration20261204200000_review_kinds', class: Migration20261204200000_review_kinds },
  { name: 'Migration20261204210000_counts_without_hidden', class: Migration20261204210000_counts_without_hidden },
  { name: 'Migration20261204300000_related_items', class: Migration20261204300000_related_items },
  { name: 'Migration20261204900000_audit_kinds', class: Migration20261204900000_audit_kinds },
  { name: 'Migration20261205000000_notifications', class: Migration20261205000000_notifications },
  { name: 'Migration20261205200000_email', class: Migration20261205200000_email },
  { name: 'Migration20261205300000_avatars', class: Migration20261205300000_avatars },
  { name: 'Migration20261206000000_service_tokens', class: Migration20261206000000_service_tokens },
  { name: 'Migration20261206100000_customers', class: Migration20261206100000_customers },
  { name: 'Migration20261206200000_webhooks', class: Migration20261206200000_webhooks },
  { name: 'Migration20261206300000_insights', class: Migration20261206300000_insights },
  { name: 'Migration20261206400000_escalations', class: Migration20261206400000_escalations },
  { name: 'Migration20261206500000_webhooks_upkeep', class: Migration20261206500000_webhooks_upkeep },
  { name: 'Migration20261206600000_routing', class: Migration20261206600000_routing },
  { name: 'Migration20261206700000_dashboard_indexes', class: Migration20261206700000_dashboard_indexes },
  { name: 'Migration20261206800000_routing_rules', class: Migration20261206800000_routing_rules },
];
