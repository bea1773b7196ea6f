import { escalateThread } from '../modules/escalations/commands/escalate-thread.js';
import { postEscalationResolution } from '../modules/escalations/commands/post-resolution.js';
import { updateEscalationCase } from '../modules/escalations/commands/update-escalation.js';
import { sql } from '../platform/db/sql.js';
import type { Scope, Services } from '../platform/scope.js';

const NONE = { caseId: null, caseUrl: null, status: null, caseStatus: null, resolution: null, updatedAt: null };

/**
 * Escalations for the demo's staff queue, through the commands: alice's crash (Acme, a valuable
 * customer) is IN_PROGRESS with the CRM's case; priya_k (an advocate) asked for staff on jules's
 * double-firing applet (OPEN, first in the queue); hiro's locked-out account was resolved and the
 * resolution posted as the moderator's answer. Back-dated a few hours so SLA timers show.
 */
export async function seedEscalations(
  services: Services,
  threadIds: Map<string, number>,
  as: (handle: string) => Promise<Scope>,
): Promise<void> {
  const thread = (title: string) => {
    const id = threadIds.get(title);
    if (id === undefined) throw new Error(`demo escalation: no thread "${title}"`);
    return id;
  };
  const crash = await escalateThread(await as('alice'), {
    threadId: thread('App crashes when opening the Automations tab (iOS 19.1)'),
    note: 'Our whole installer team uses automations daily; we are stuck until this is fixed.',
  });
  await updateEscalationCase(await as('admin'), {
    ...NONE,
    id: crash.escalation.id,
    caseId: 'CASE-2051',
    caseUrl: 'https://crm.example.com/cases/2051',
    status: 'IN_PROGRESS',
    caseStatus: 'in_progress',
    updatedAt: new Date(Date.now() - 2 * 3_600_000),
  });
  const applet = await escalateThread(await as('priya_k'), {
    threadId: thread('IFTTT applet triggers twice for one doorbell press'),
    note: 'Looks like a duplicate delivery on our side, not the applet: needs someone with access to the logs.',
  });
  const lockedOut = await escalateThread(await as('hiro'), {
    threadId: thread('Lost my phone with the authenticator app, how do I get back in?'),
    note: 'The email check never arrived.',
  });
  await updateEscalationCase(await as('admin'), {
    ...NONE,
    id: lockedOut.escalation.id,
    caseId: 'CASE-2044',
    caseUrl: 'https://crm.example.com/cases/2044',
    caseStatus: 'solved',
    resolution:
      'The identity check email was caught by a spam filter. We re-sent it to your account address and confirmed your identity; you can now sign in and set up 2FA again. Save the recovery codes this time!',
    updatedAt: new Date(Date.now() - 3_600_000),
  });
  await postEscalationResolution(await as('moderator'), { id: lockedOut.escalation.id, body: null });
  await sql(
    services.orm.em.fork(),
    `update escalations set created_at = created_at - make_interval(hours => h), sla_due_at = sla_due_at - make_interval(hours => h)
       from (values (?::int, 3), (?::int, 5), (?::int, 20)) as d(id, h) where escalations.id = d.id`,
    [applet.escalation.id, crash.escalation.id, lockedOut.escalation.id],
  );
}
