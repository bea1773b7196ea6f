import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigests, sendImmediateEmails } from '../../api/src/modules/notifications/email/index.js';
import { signToken } from '../../api/src/platform/signed-tokens.js';
import { buildMember, buildReply, buildThread, firstCategoryId, type TestMember } from '../support/factories.js';
import { linkIn, startTestSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const PUBLIC_URL = 'https://community.example';
const SESSION_SECRET = 'notification-emails-test-secret'.padEnd(40, 'z');

let api: TestApi;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  api = await startTestApi({ SMTP_URL: smtp.url, PUBLIC_URL, SESSION_SECRET });
});
afterAll(async () => {
  await api?.close();
  await smtp?.close();
});

let eventIds = 1_000_000;
const sweep = () => sendImmediateEmails(api.app.services);
const digest = () => sendDigests(api.app.services);

async function verifiedMember(): Promise<TestMember> {
  const member = await buildMember(api);
  await api.sql('update members set email_verified_at = now() where id = $1', [member.id]);
  return member;
}

/** A notification row as the in-app fan-out writes it (that subscriber lives in the notifications module). */
async function notify(
  recipient: TestMember,
  kind: string,
  opts: { actor?: TestMember; threadId?: string; postId?: string; data?: object } = {},
): Promise<string> {
  const [row] = await api.sql<{ id: string }>(
    `insert into notifications (recipient_id, kind, event_id, actor_id, thread_id, post_id, data)
     values ($1, $2, $3, $4, $5, $6, $7) returning id::text`,
    [
      recipient.id,
      kind,
      eventIds++,
      opts.actor?.id ?? null,
      opts.threadId ?? null,
      opts.postId ?? null,
      JSON.stringify(opts.data ?? {}),
    ],
  );
  return row!.id;
}

const notificationEmails = (recipient: TestMember) =>
  smtp.to(recipient.email).filter((m) => !m.subject.includes('Confirm your email'));
const claims = (id: string) => api.sql('select mode from notification_emails where notification_id = $1', [id]);

/** A question by `asker` answered by a new member: the usual cause of a REPLY notification. */
async function answered(asker: TestMember) {
  const helper = await buildMember(api);
  const thread = await buildThread(api, asker);
  const reply = await buildReply(api, helper, thread.id);
  return { helper, thread, reply };
}

const unsubscribeTokenOf = (mail: ReceivedMail) => {
  const header = mail.header('list-unsubscribe');
  const url = /^<([^>]+)>$/.exec(header ?? '')?.[1];
  if (!url) throw new Error(`no List-Unsubscribe URL in ${header}`);
  return new URL(url).searchParams.get('token')!;
};

describe('immediate notification emails', () => {
  it('emails a notification once, with a link to its target and one-click unsubscribe headers', async () => {
    const asker = await verifiedMember();
    const { helper, thread, reply } = await answered(asker);
    const id = await notify(asker, 'REPLY', { actor: helper, threadId: thread.id, postId: reply.id });

    await sweep();
    const mail = await smtp.waitFor(asker.email, (m) => m.subject.includes('replied'));
    expect(mail.subject).toBe(`@${helper.handle} replied to your question “${thread.title}”`);
    const target = `${PUBLIC_URL}/t/${thread.id}#post-${reply.id}`;
    expect(mail.text).toContain(target);
    expect(mail.html).toContain(`href="${target}"`);
    // RFC 2369 / RFC 8058: an https link that a mail client may POST to in one click.
    expect(mail.header('list-unsubscribe')).toMatch(/^<https:\/\/community\.example\/unsubscribe\?token=[\w.-]+>$/);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = linkIn(mail.text, `${PUBLIC_URL}/unsubscribe?token=`);
    expect(mail.header('list-unsubscribe')).toBe(`<${unsubscribe}>`);
    expect(await claims(id)).toEqual([{ mode: 'IMMEDIATELY' }]);

    // The sweep again, and the scheduled job through the queue: nothing is sent twice.
    await sweep();
    await api.app.services.jobs.send('notifications.email-immediately', {});
    await new Promise((r) => setTimeout(r, 1500));
    expect(notificationEmails(asker)).toHaveLength(1);
  });

  it('sends one email per notification when sweeps run at the same time', async () => {
    const asker = await verifiedMember();
    const { helper, thread, reply } = await answered(asker);
    const ids = [
      await notify(asker, 'REPLY', { actor: helper, threadId: thread.id, postId: reply.id }),
      await notify(asker, 'MENTION', { actor: helper, threadId: thread.id, postId: reply.id }),
    ];
    await Promise.all([sweep(), sweep(), sweep(), sweep()]);
    await sweep();
    expect(
      notificationEmails(asker)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(
      [
        `@${helper.handle} mentioned you in “${thread.title}”`,
        `@${helper.handle} replied to your question “${thread.title}”`,
      ].sort(),
    );
    for (const id of ids) expect(await claims(id)).toEqual([{ mode: 'IMMEDIATELY' }]);
  });

  it('sends nothing to an unverified address', async () => {
    const unverified = await buildMember(api);
    const { helper, thread, reply } = await answered(unverified);
    const id = await notify(unverified, 'REPLY', { actor: helper, threadId: thread.id, postId: reply.id });
    const digestId = await notify(unverified, 'BADGE_AWARDED', { data: { badgeName: 'Helper' } });
    await sweep();
    await digest();
    // Only the verification email ever reached it.
    await smtp.waitFor(unverified.email, (m) => m.subject.includes('Confirm your email'));
    expect(notificationEmails(unverified)).toEqual([]);
    expect(await claims(id)).toEqual([]);
    expect(await claims(digestId)).toEqual([]);
  });

  it('follows the preference (else the default), and skips what was read or can no longer be read', async () => {
    const member = await verifiedMember();
    const { helper, thread, reply } = await answered(member);
    const at = { actor: helper, threadId: thread.id, postId: reply.id };
    await api.sql(
      `insert into notification_preferences (member_id, kind, email) values ($1, 'REPLY', 'NEVER'), ($1, 'FOLLOWED_REPLY', 'IMMEDIATELY')`,
      [member.id],
    );
    const never = await notify(member, 'REPLY', at);
    const chosen = await notify(member, 'FOLLOWED_REPLY', at);
    const digestByDefault = await notify(member, 'NEW_THREAD', { actor: helper, threadId: thread.id });
    const read = await notify(member, 'MENTION', at);
    await api.sql('update notifications set read_at = now() where id = $1', [read]);

    // A reply hidden pending review, a deleted thread and a restricted one are not emailed to a member who cannot read them.
    const hiddenReply = await buildReply(
      api,
      helper,
      thread.id,
      'Another answer that will be hidden pending review soon.',
    );
    await api.sql(`update posts set hidden_at = now(), hidden_reason = 'flags' where id = $1`, [hiddenReply.id]);
    const hidden = await notify(member, 'MENTION', { actor: helper, threadId: thread.id, postId: hiddenReply.id });
    const gone = await answered(member);
    await api.sql('update threads set deleted_at = now() where id = $1', [gone.thread.id]);
    const deleted = await notify(member, 'MENTION', {
      actor: gone.helper,
      threadId: gone.thread.id,
      postId: gone.reply.id,
    });
    const moved = await answered(member);
    await api.sql('update threads set category_id = $1 where id = $2', [
      await firstCategoryId(api, 'RESTRICTED'),
      moved.thread.id,
    ]);
    const restricted = await notify(member, 'MENTION', {
      actor: moved.helper,
      threadId: moved.thread.id,
      postId: moved.reply.id,
    });

    await sweep();
    await smtp.waitFor(member.email, (m) => m.subject.includes('a thread you follow'));
    await sweep();
    expect(notificationEmails(member).map((m) => m.subject)).toEqual([
      `@${helper.handle} replied in “${thread.title}”, a thread you follow`,
    ]);
    expect(await claims(chosen)).toEqual([{ mode: 'IMMEDIATELY' }]);
    for (const id of [never, digestByDefault, read, hidden, deleted, restricted]) expect(await claims(id)).toEqual([]);
  });

  it('fails while the mail server is down, and once it is back sends exactly once', async () => {
    const asker = await verifiedMember();
    const { helper, thread, reply } = await answered(asker);
    smtp.refuse(true);
    try {
      const id = await notify(asker, 'REPLY', { actor: helper, threadId: thread.id, postId: reply.id });
      const refusedBefore = smtp.refused;
      await expect(sweep()).rejects.toThrow(/451|temporarily/i);
      expect(smtp.refused).toBeGreaterThan(refusedBefore);
      // The claim rolled back with the failure: the notification is still due.
      expect(await claims(id)).toEqual([]);
      // The scheduled job fails too, and pg-boss keeps it for a retry.
      await api.app.services.jobs.send('notifications.email-immediately', {});
      await expect
        .poll(
          async () =>
            (
              await api.sql(
                `select count(*)::int as n from pgboss.job where name = 'notifications.email-immediately' and state = 'retry'`,
              )
            )[0].n,
          { timeout: 15_000, interval: 200 },
        )
        .toBeGreaterThan(0);
      expect(notificationEmails(asker)).toEqual([]);
    } finally {
      smtp.refuse(false);
    }
    await sweep();
    await sweep();
    await smtp.waitFor(asker.email, (m) => m.subject.includes('replied'));
    expect(notificationEmails(asker)).toHaveLength(1);
  });
});

describe('daily digest', () => {
  it('sends one email per member with the digest notifications since the last one, once', async () => {
    const member = await verifiedMember();
    const { helper, thread, reply } = await answered(member);
    const followed = await notify(member, 'FOLLOWED_REPLY', { actor: helper, threadId: thread.id, postId: reply.id });
    const badge = await notify(member, 'BADGE_AWARDED', { data: { badgeName: 'Good Answer' } });
    const immediate = await notify(member, 'REPLY', { actor: helper, threadId: thread.id, postId: reply.id });
    await api.sql(`update notifications set created_at = now() - interval '3 hours' where id = any($1::bigint[])`, [
      [followed, badge],
    ]);

    await digest();
    const [mail, ...others] = notificationEmails(member);
    expect(others).toEqual([]);
    expect(mail!.subject).toBe('Your Hearth digest: 2 updates');
    expect(mail!.text).toContain(`@${helper.handle} replied in “${thread.title}”, a thread you follow`);
    expect(mail!.text).toContain(`${PUBLIC_URL}/t/${thread.id}#post-${reply.id}`);
    expect(mail!.text).toContain('You earned the Good Answer badge');
    expect(mail!.header('list-unsubscribe')).toMatch(/^<https:\/\/community\.example\/unsubscribe\?token=/);
    expect(mail!.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(await claims(followed)).toEqual([{ mode: 'DAILY_DIGEST' }]);
    expect(await claims(badge)).toEqual([{ mode: 'DAILY_DIGEST' }]);
    expect(await claims(immediate)).toEqual([]);
    const [{ last_digest_at }] = await api.sql('select last_digest_at from members where id = $1', [member.id]);
    expect(last_digest_at).toBeInstanceOf(Date);

    await Promise.all([digest(), digest()]);
    expect(notificationEmails(member)).toHaveLength(1);

    // The next digest carries only what came since.
    const level = await notify(member, 'LEVEL_REACHED', { data: { levelName: 'Regular' } });
    await digest();
    const next = notificationEmails(member)[1]!;
    expect(next.subject).toBe('Your Hearth digest: 1 update');
    expect(next.text).toContain('You reached the level Regular');
    expect(next.text).not.toContain('Good Answer');
    expect(await claims(level)).toEqual([{ mode: 'DAILY_DIGEST' }]);
  });
});

describe('unsubscribe links', () => {
  const LINK = `query($token: String!) { emailUnsubscribeLink(token: $token) { handle digest kinds labels } }`;
  const UNSUBSCRIBE = `mutation($token: String!) { unsubscribeFromEmails(token: $token) { handle digest kinds } }`;
  const modes = async (member: TestMember) =>
    Object.fromEntries(
      (await api.sql('select kind, email from notification_preferences where member_id = $1', [member.id])).map((r) => [
        r.kind,
        r.email,
      ]),
    );

  it('stop that kind of email without a login, and nothing else', async () => {
    const asker = await verifiedMember();
    const { helper, thread, reply } = await answered(asker);
    await notify(asker, 'REPLY', { actor: helper, threadId: thread.id, postId: reply.id });
    await sweep();
    const mail = await smtp.waitFor(asker.email, (m) => m.subject.includes('replied'));
    const token = unsubscribeTokenOf(mail);

    const preview = await api.gql(LINK, { token });
    expect(preview.data.emailUnsubscribeLink).toEqual({
      handle: asker.handle,
      digest: false,
      kinds: ['REPLY'],
      labels: ['replies to your questions'],
    });
    expect(await modes(asker)).toEqual({});

    // Tampered with, or a verification token: refused, nothing changes.
    const [body, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ m: Number(asker.id), k: 'SANCTION' })).toString('base64url');
    for (const bad of [
      `${forged}.${signature}`,
      `${body}x.${signature}`,
      signToken(SESSION_SECRET, 'verify-email', { m: Number(asker.id), k: 'REPLY' }),
    ]) {
      const res = await api.gql(UNSUBSCRIBE, { token: bad });
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(await modes(asker)).toEqual({});

    const res = await api.gql(UNSUBSCRIBE, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data.unsubscribeFromEmails).toEqual({ handle: asker.handle, digest: false, kinds: ['REPLY'] });
    expect(await modes(asker)).toEqual({ REPLY: 'NEVER' });
    expect((await api.gql(UNSUBSCRIBE, { token })).data.unsubscribeFromEmails.kinds).toEqual(['REPLY']);

    // No more of that kind; other kinds still come.
    const again = await answered(asker);
    await notify(asker, 'REPLY', { actor: again.helper, threadId: again.thread.id, postId: again.reply.id });
    await notify(asker, 'MENTION', { actor: again.helper, threadId: again.thread.id, postId: again.reply.id });
    await sweep();
    await smtp.waitFor(asker.email, (m) => m.subject.includes('mentioned you'));
    expect(notificationEmails(asker).filter((m) => m.subject.includes('replied'))).toHaveLength(1);
  });

  it('from a digest stop every kind the digest carries', async () => {
    const member = await verifiedMember();
    await api.sql(
      `insert into notification_preferences (member_id, kind, email) values ($1, 'MENTION', 'DAILY_DIGEST')`,
      [member.id],
    );
    await notify(member, 'BADGE_AWARDED', { data: { badgeName: 'Scholar' } });
    await digest();
    const mail = notificationEmails(member)[0]!;
    const token = unsubscribeTokenOf(mail);
    expect(linkIn(mail.text, `${PUBLIC_URL}/unsubscribe?token=`)).toBe(`${PUBLIC_URL}/unsubscribe?token=${token}`);
    const res = await api.gql(UNSUBSCRIBE, { token });
    expect(res.data.unsubscribeFromEmails.digest).toBe(true);
    expect(await modes(member)).toEqual({
      FOLLOWED_REPLY: 'NEVER',
      NEW_THREAD: 'NEVER',
      MENTION: 'NEVER',
      STAFF_PICKED: 'NEVER',
      ARTICLE_FROM_ANSWER: 'NEVER',
      BADGE_AWARDED: 'NEVER',
      LEVEL_REACHED: 'NEVER',
    });
    await notify(member, 'LEVEL_REACHED', { data: { levelName: 'Regular' } });
    await digest();
    expect(notificationEmails(member)).toHaveLength(1);
  });
});

describe('scheduling and the outbox', () => {
  it('schedules the sweep every minute and the digest daily', async () => {
    const rows = await api.sql(
      `select name, cron from pgboss.schedule where name like 'notifications.email-%' order by name`,
    );
    expect(rows).toEqual([
      { name: 'notifications.email-digest', cron: '0 7 * * *' },
      { name: 'notifications.email-immediately', cron: '* * * * *' },
    ]);
  });

  it('writes .eml files to the outbox when SMTP_URL is not set', async () => {
    const outbox = path.join(os.tmpdir(), `hearth-outbox-test-${randomBytes(4).toString('hex')}`);
    const local = await startTestApi({ OUTBOX_DIR: outbox, PUBLIC_URL, SESSION_SECRET });
    try {
      const member = await buildMember(local, { reputation: 0 });
      const parsed = async () =>
        Promise.all(
          (await fs.readdir(outbox).catch(() => [] as string[]))
            .filter((f) => f.endsWith('.eml'))
            .map(async (f) => simpleParser(await fs.readFile(path.join(outbox, f)))),
        );
      // The verification email, as a file.
      await expect
        .poll(async () => (await parsed()).map((m) => m.subject), { timeout: 15_000 })
        .toEqual(['Confirm your email address for Hearth']);
      await local.sql('update members set email_verified_at = now() where id = $1', [member.id]);
      await local.sql(
        `insert into notifications (recipient_id, kind, event_id, data) values ($1, 'BADGE_AWARDED', 1, '{"badgeName":"Scholar"}')`,
        [member.id],
      );
      await local.sql(
        `insert into notification_preferences (member_id, kind, email) values ($1, 'BADGE_AWARDED', 'IMMEDIATELY')`,
        [member.id],
      );
      await sendImmediateEmails(local.app.services);
      const mails = await parsed();
      const badge = mails.find((m) => m.subject === 'You earned the Scholar badge');
      expect(badge?.to && 'text' in badge.to ? badge.to.text : '').toBe(member.email);
      const lines = badge?.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, ' ')) ?? [];
      expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(lines.find((l) => l.startsWith('List-Unsubscribe:'))).toMatch(
        /^List-Unsubscribe: <https:\/\/community\.example\/unsubscribe\?token=/,
      );
      expect(badge?.text).toContain(`${PUBLIC_URL}/badges`);
    } finally {
      await local.close();
      await fs.rm(outbox, { recursive: true, force: true });
    }
  });
});
