import { createRoutingRule } from '../modules/routing/rules/manage-rules.js';
import type { Scope } from '../platform/scope.js';

/**
 * The demo's routing rule, made by the admin through the command: a new question from an
 * enterprise customer that reads urgent is escalated at once, 10 points higher, and the
 * moderators are told. It applies to questions asked once the demo runs (the seed's history
 * is not replayed through it).
 */
export async function seedRoutingRules(as: (handle: string) => Promise<Scope>): Promise<void> {
  await createRoutingRule(await as('admin'), {
    name: 'Enterprise + urgent → escalate, notify moderators',
    segments: ['enterprise'],
    sentimentCues: ['URGENCY'],
    escalate: true,
    raisePriority: 10,
    notifyModerators: true,
  });
}
