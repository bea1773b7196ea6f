import { assertValid, ConflictError, NotFoundError } from '../../../platform/errors.js';
import type { Scope } from '../../../platform/scope.js';
import { postReply } from '../../community/commands/post-reply.js';
import { escalationById, type EscalationRow } from '../escalations.queries.js';
import { applyEscalationChange } from './update-escalation.js';

/**
 * Staff post an escalation's resolution (or `body`) into its thread as their own reply, through
 * the community's reply command: an ordinary answer the asker can accept, which then feeds the
 * knowledge base. The post is recorded on the escalation, which becomes RESOLVED. Posting once
 * more is a CONFLICT (the answer is there; edit it instead).
 */
export async function postEscalationResolution(
  scope: Scope,
  input: { id: number; body: string | null },
): Promise<EscalationRow> {
  scope.guardian.ensureCan('escalation.manage', null);
  const escalation = await escalationById(scope.em, input.id);
  if (!escalation) throw new NotFoundError('Escalation');
  if (escalation.resolution_post_id !== null) {
    throw new ConflictError('This escalation’s resolution is already posted: edit that answer instead.');
  }
  const body = (input.body?.trim() || escalation.resolution?.trim()) ?? '';
  if (!body) assertValid({ body: 'Write the answer, or record the case’s resolution first.' });
  const post = await postReply(scope, { threadId: escalation.thread_id, body });
  const { escalation: after } = await applyEscalationChange(scope.em, scope.guardian.requireActor(), input.id, {
    status: 'RESOLVED',
    resolution: escalation.resolution ?? body,
    resolutionPostId: post.id,
  });
  return after;
}
