import { sql } from '../../../platform/db/sql.js';
import { transact } from '../../../platform/db/transact.js';
import { mailerFor } from '../../../platform/mail/mailer.js';
import type { Services } from '../../../platform/scope.js';
import { dueFor, recipientsDue } from './email-candidates.js';
import { digestEmail, immediateEmail } from './email-messages.js';

/** Members looked at per query; a sweep goes through all of them, a batch at a time. */
const RECIPIENT_BATCH = 200;

async function eachRecipient(
  services: Services,
  mode: 'IMMEDIATELY' | 'DAILY_DIGEST',
  visit: (memberId: number) => Promise<void>,
): Promise<void> {
  let after = 0;
  for (;;) {
    const batch = await recipientsDue(services.orm.em.fork(), mode, RECIPIENT_BATCH, after);
    for (const id of batch) await visit(id);
    if (batch.length < RECIPIENT_BATCH) return;
    after = batch[batch.length - 1]!;
  }
}

/**
 * Emails every notification due IMMEDIATELY, one email each. Each is claimed (a row in
 * notification_emails) in the transaction that sends it: a sweep running twice, or two at once,
 * sends it once (the second insert waits for the first and then does nothing), and when the mail
 * server fails the claim rolls back with the error, the job fails and pg-boss retries it later.
 * Should the commit itself fail after the server accepted the email, the retry resends it with
 * the same Message-ID, which mail stores keep once (claiming first and sending after commit
 * would instead lose the email to a crash in between).
 * Returns how many emails went out.
 */
export async function sendImmediateEmails(services: Services): Promise<number> {
  const mailer = mailerFor(services.config);
  let sent = 0;
  await eachRecipient(services, 'IMMEDIATELY', async (memberId) => {
    const due = await dueFor(services.orm.em.fork(), memberId, 'IMMEDIATELY');
    for (const n of due?.notifications ?? []) {
      const claimed = await transact(services.orm.em.fork(), async (tx) => {
        const rows = await sql(
          tx,
          `insert into notification_emails (notification_id, mode)
           select id, 'IMMEDIATELY' from notifications where id = ? and read_at is null
           on conflict do nothing returning notification_id`,
          [n.id],
        );
        if (rows.length === 0) return false;
        await mailer.send(immediateEmail(services.config, due!.recipient, n));
        return true;
      });
      if (claimed) sent++;
    }
  });
  return sent;
}

/**
 * One digest email per member with DAILY_DIGEST notifications since their last digest: the
 * notifications are claimed (mode DAILY_DIGEST) and `last_digest_at` moves, in the transaction
 * that sends, so a rerun sends nothing twice. Returns how many digests went out.
 */
export async function sendDigests(services: Services): Promise<number> {
  const mailer = mailerFor(services.config);
  let sent = 0;
  await eachRecipient(services, 'DAILY_DIGEST', async (memberId) => {
    const due = await dueFor(services.orm.em.fork(), memberId, 'DAILY_DIGEST');
    if (!due || due.notifications.length === 0) return;
    const ids = due.notifications.map((n) => n.id);
    const done = await transact(services.orm.em.fork(), async (tx) => {
      const claimed = await sql<{ id: string }>(
        tx,
        `insert into notification_emails (notification_id, mode)
         select id, 'DAILY_DIGEST' from notifications where id = any(?::bigint[]) and read_at is null
         on conflict do nothing returning notification_id::text as id`,
        [`{${ids.join(',')}}`],
      );
      const mine = new Set(claimed.map((r) => r.id));
      const items = due.notifications.filter((n) => mine.has(n.id));
      if (items.length === 0) return false;
      await sql(tx, `update members set last_digest_at = now() where id = ?`, [memberId]);
      await mailer.send(digestEmail(services.config, due.recipient, items));
      return true;
    });
    if (done) sent++;
  });
  return sent;
}
