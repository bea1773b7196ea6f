import type { ModuleDefinition } from '../../platform/module.js';
import { routingLoaders } from './routing.loaders.js';
import { routingRules } from './routing.policy.js';
import { ThreadRouteResolver, ThreadRoutingResolver } from './routing.resolver.js';
import { routeNewQuestions } from './subscribers/route-new-questions.js';
import { applyRoutingRules } from './rules/apply-rules.subscriber.js';
import { RoutingRulesResolver } from './rules/rules.resolver.js';

/**
 * Question routing (PRODUCT.md capability 7): each new question is offered, after commit, to the
 * members likeliest to answer it (recent accepted answers in its tags and category, active lately,
 * not over-notified, advocates first). It owns `routed_threads` and `thread_routes`, records
 * `thread.routed` (the notifications module tells each member), and shows staff `Thread.routedTo`.
 * Admins' routing rules (`rules/`: conditions on category, tags, sentiment and the asker's customer
 * segment → notify, raise the escalation's priority, escalate) apply to each new question in order.
 * Its settings are the `routing` group (settings.ts), changed by admins at /admin/settings.
 */
export const routingModule: ModuleDefinition = {
  name: 'routing',
  resolvers: [ThreadRoutingResolver, ThreadRouteResolver, RoutingRulesResolver],
  rules: routingRules,
  loaders: routingLoaders,
  subscribers: [routeNewQuestions, applyRoutingRules],
};
