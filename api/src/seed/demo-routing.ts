import { routeNewQuestions } from '../modules/routing/subscribers/route-new-questions.js';
import { sql } from '../platform/db/sql.js';
import type { Services } from '../platform/scope.js';

/**
 * Routing for the demo: the seed's questions are routed by the real subscriber, delivered here
 * (the seed runs before the workers start) after the timestamps were spread, so "active lately"
 * reads the demo's history. Only the questions still open route anyone; each route then takes
 * the time of its question (ten minutes after it was asked), and the notifications that follow
 * (seedNotifications fans out `thread.routed`) take the same time.
 */
export async function seedRouting(services: Services): Promise<void> {
  while (await services.events.deliverBatch(routeNewQuestions, services)) {
    // a full batch: more may wait
  }
  await sql(
    services.orm.em.fork(),
    `update thread_routes r set notified_at = t.created_at + interval '10 minutes' from threads t where t.id = r.thread_id`,
  );
}
