import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigests, sendImmediateEmails } from '../../api/src/modules/notifications/email/index.js';
import { signToken } from '../../api/src/platform/signed-tokens.js';
import { drain } from '../support/drain.js';
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

const sweep = () => sendImmediateEmails(api.app.services);
const digest = () => sendDigests(api.app.services);

async function verifiedMember(): Promise<TestMember> {
  const member = await buildMember(api);
  await api.sql('update members set email_verified_at = now() where id = $1', [member.id]);
  return member;
}

/**
 * The notification the real fan-out wrote for `recipient` of that kind (about that post): every
 * committed event is first delivered, so the rows of the test's own setup are all there too.
 */
async function notificationOf(
  on: TestApi,
  recipient: TestMember,
  kind: string,
  post?: { id: string },
): Promise<string> {
  await drain(on);
  const rows = await on.sql<{ id: string }>(
    `select id::text from notifications where recipient_id = $1 and kind = $2 and ($3::int is null or post_id = $3)`,
    [recipient.id, kind, post?.id ?? null],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.id;
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

/** `member` replies in someone else's question (and so follows it); a third member's reply then is a FOLLOWED_REPLY to them. */
async function followedReply(member: TestMember) {
  const asker = await buildMember(api);
  const thread = await buildThread(api, asker);
  await buildReply(api, member, thread.id, 'I see this too since the update, on two devices at least.');
  const helper = await buildMember(api);
  const reply = await buildReply(api, helper, thread.id);
  return { asker, helper, thread, reply };
}

/** A reply by `author` in `threadId` that mentions `member`: a MENTION to them. */
const mentioning = (author: TestMember, threadId: string, member: TestMember) =>
  buildReply(api, author, threadId, `@${member.handle} this should fix it: clear the sync tokens and sign in again.`);

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
    const id = await notificationOf(api, asker, 'REPLY', reply);

    await sweep();
    const mail = await smtp.waitFor(asker.email, (m) => m.subject.includes('answered'));
    expect(mail.subject).toBe(`${helper.handle} answered your question “${thread.title}”`);
    const target = `${PUBLIC_URL}/t/${thread.id}#post-${reply.id}`;
    expect(mail.text).toContain(target);
    expect(mail.html).toContain(`href="${target}"`);
    // RFC 2369 / RFC 8058: an https link that a mail client may POST to in one click.
    expect(mail.header('list-unsubscribe')).toMatch(/^<https:\/\/community\.example\/unsubscribe\?token=[\w.-]+>$/);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = linkIn(mail.text, `${PUBLIC_URL}/unsubscribe?token=`);
    expect(mail.header('list-unsubscribe')).toBe(`<${unsubscribe}>`);
    expect(await claims(id)).toEqual([{ mode: 'IMMEDIATELY' }]);
    // A resend after a failed commit would carry the same Message-ID, which mail stores dedupe on.
    expect(mail.header('message-id')).toBe(`<notification-${id}@community.example>`);

    // The sweep again, and the scheduled job through the queue: nothing is sent twice.
    await sweep();
    await api.app.services.jobs.send('notifications.email-immediately', {});
    await new Promise((r) => setTimeout(r, 1500));
    expect(notificationEmails(asker)).toHaveLength(1);
  });

  it('sends one email per notification when sweeps run at the same time', async () => {
    const asker = await verifiedMember();
    const { helper, thread, reply } = await answered(asker);
    const mention = await mentioning(helper, thread.id, asker);
    const ids = [
      await notificationOf(api, asker, 'REPLY', reply),
      await notificationOf(api, asker, 'MENTION', mention),
    ];
    await Promise.all([sweep(), sweep(), sweep(), sweep()]);
    await sweep();
    expect(
      notificationEmails(asker)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(
      [
        `${helper.handle} mentioned you in “${thread.title}”`,
        `${helper.handle} answered your question “${thread.title}”`,
      ].sort(),
    );
    for (const id of ids) expect(await claims(id)).toEqual([{ mode: 'IMMEDIATELY' }]);
  });

  it('sends nothing to an unverified address', async () => {
    const unverified = await buildMember(api);
    const { reply } = await answered(unverified);
    const id = await notificationOf(api, unverified, 'REPLY', reply);
    const followed = await followedReply(unverified);
    const digestId = await notificationOf(api, unverified, 'FOLLOWED_REPLY', followed.reply);
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
    await api.sql(
      `insert into notification_preferences (member_id, kind, email) values ($1, 'REPLY', 'NEVER'), ($1, 'FOLLOWED_REPLY', 'IMMEDIATELY')`,
      [member.id],
    );
    const { helper, thread, reply } = await answered(member);
    const never = await notificationOf(api, member, 'REPLY', reply);
    const followed = await followedReply(member);
    const chosen = await notificationOf(api, member, 'FOLLOWED_REPLY', followed.reply);

    // A new question in a category the member follows: NEW_THREAD, a digest kind by default. The
    // category is unfollowed again at once, so that the replies below are not FOLLOWED_REPLY too.
    const category = await firstCategoryId(api);
    await api.sql(`insert into notification_watches (member_id, category_id, level) values ($1, $2, 'FOLLOWING')`, [
      member.id,
      category,
    ]);
    const news = await buildThread(api, helper);
    const digestByDefault = await notificationOf(api, member, 'NEW_THREAD', news.question);
    await api.sql('delete from notification_watches where member_id = $1 and category_id = $2', [member.id, category]);

    const readMention = await mentioning(helper, thread.id, member);
    const read = await notificationOf(api, member, 'MENTION', readMention);
    await api.sql('update notifications set read_at = now() where id = $1', [read]);

    // A reply hidden pending review, a deleted thread and a restricted one are not emailed to a
    // member who cannot read them (any more: each was readable when it was fanned out).
    const hiddenReply = await mentioning(helper, thread.id, member);
    const hidden = await notificationOf(api, member, 'MENTION', hiddenReply);
    await api.sql(`update posts set hidden_at = now(), hidden_reason = 'flags' where id = $1`, [hiddenReply.id]);
    const gone = await buildThread(api, member);
    const deleted = await notificationOf(api, member, 'MENTION', await mentioning(helper, gone.id, member));
    await api.sql('update threads set deleted_at = now() where id = $1', [gone.id]);
    const moved = await buildThread(api, member);
    const restricted = await notificationOf(api, member, 'MENTION', await mentioning(helper, moved.id, member));
    await api.sql('update threads set category_id = $1 where id = $2', [
      await firstCategoryId(api, 'RESTRICTED'),
      moved.id,
    ]);

    await sweep();
    await smtp.waitFor(member.email, (m) => m.subject.includes('replied in'));
    await sweep();
    expect(notificationEmails(member).map((m) => m.subject)).toEqual([
      `${followed.helper.handle} replied in “${followed.thread.title}”`,
    ]);
    expect(await claims(chosen)).toEqual([{ mode: 'IMMEDIATELY' }]);
    for (const id of [never, digestByDefault, read, hidden, deleted, restricted]) expect(await claims(id)).toEqual([]);
  });

  it('fails while the mail server is down, and once it is back sends exactly once', async () => {
    const asker = await verifiedMember();
    smtp.refuse(true);
    try {
      // Refused from before the notification exists, so no scheduled sweep can send it first.
      const { reply } = await answered(asker);
      const id = await notificationOf(api, asker, 'REPLY', reply);
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
    await smtp.waitFor(asker.email, (m) => m.subject.includes('answered'));
    expect(notificationEmails(asker)).toHaveLength(1);
  });
});

describe('daily digest', () => {
  it('sends one email per member with the digest notifications since the last one, once', async () => {
    const member = await verifiedMember();
    const { reply: answer } = await answered(member);
    const immediate = await notificationOf(api, member, 'REPLY', answer);
    const { helper, thread, reply } = await followedReply(member);
    const followed = await notificationOf(api, member, 'FOLLOWED_REPLY', reply);
    // What else the member's own setup earned them in digest kinds (levels, badges) goes in too.
    const due = await api.sql<{ id: string }>(
      `select id::text from notifications
        where recipient_id = $1 and kind in ('FOLLOWED_REPLY', 'NEW_THREAD', 'STAFF_PICKED', 'ARTICLE_FROM_ANSWER', 'BADGE_AWARDED', 'LEVEL_REACHED')`,
      [member.id],
    );
    expect(due.map((r) => r.id)).toContain(followed);

    // The every-minute sweep may email the REPLY meanwhile: only digests are looked at here.
    const digests = () => notificationEmails(member).filter((m) => m.subject.startsWith('Your Hearth digest'));
    await digest();
    const [mail, ...others] = digests();
    expect(others).toEqual([]);
    expect(mail!.subject).toBe(`Your Hearth digest: ${due.length} update${due.length === 1 ? '' : 's'}`);
    expect(mail!.text).toContain(`${helper.handle} replied in “${thread.title}”`);
    expect(mail!.text).toContain(`${PUBLIC_URL}/t/${thread.id}#post-${reply.id}`);
    expect(mail!.text).not.toContain('answered your question');
    expect(mail!.header('list-unsubscribe')).toMatch(/^<https:\/\/community\.example\/unsubscribe\?token=/);
    expect(mail!.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    for (const { id } of due) expect(await claims(id)).toEqual([{ mode: 'DAILY_DIGEST' }]);
    expect(await claims(immediate)).not.toContainEqual({ mode: 'DAILY_DIGEST' });
    const [{ last_digest_at }] = await api.sql('select last_digest_at from members where id = $1', [member.id]);
    expect(last_digest_at).toBeInstanceOf(Date);

    await Promise.all([digest(), digest()]);
    expect(digests()).toHaveLength(1);

    // The next digest carries only what came since: one more reply in the followed thread.
    const later = await buildMember(api);
    const laterReply = await buildReply(api, later, thread.id, 'Same here; signing out and in again fixed it for me.');
    const next = await notificationOf(api, member, 'FOLLOWED_REPLY', laterReply);
    await digest();
    const second = digests()[1]!;
    expect(second.subject).toBe('Your Hearth digest: 1 update');
    expect(second.text).toContain(`${later.handle} replied in “${thread.title}”`);
    expect(second.text).not.toContain(`${helper.handle} replied`);
    expect(await claims(next)).toEqual([{ mode: 'DAILY_DIGEST' }]);
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
    const { reply } = await answered(asker);
    await notificationOf(api, asker, 'REPLY', reply);
    await sweep();
    const mail = await smtp.waitFor(asker.email, (m) => m.subject.includes('answered'));
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
    const silenced = await notificationOf(api, asker, 'REPLY', again.reply);
    await notificationOf(api, asker, 'MENTION', await mentioning(again.helper, again.thread.id, asker));
    await sweep();
    await smtp.waitFor(asker.email, (m) => m.subject.includes('mentioned you'));
    expect(notificationEmails(asker).filter((m) => m.subject.includes('answered'))).toHaveLength(1);
    expect(await claims(silenced)).toEqual([]);
  });

  it('from a digest stop every kind the digest carries', async () => {
    const member = await verifiedMember();
    await api.sql(
      `insert into notification_preferences (member_id, kind, email) values ($1, 'MENTION', 'DAILY_DIGEST')`,
      [member.id],
    );
    const { thread } = await followedReply(member);
    await drain(api);
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
    const later = await buildMember(api);
    const after = await buildReply(api, later, thread.id, 'Same here; signing out and in again fixed it for me.');
    const next = await notificationOf(api, member, 'FOLLOWED_REPLY', after);
    await digest();
    expect(await claims(next)).toEqual([]);
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
      const helper = await buildMember(local);
      const thread = await buildThread(local, member);
      const reply = await buildReply(local, helper, thread.id);
      await notificationOf(local, member, 'REPLY', reply);
      await sendImmediateEmails(local.app.services);
      const mails = await parsed();
      const answer = mails.find((m) => m.subject === `${helper.handle} answered your question “${thread.title}”`);
      expect(answer?.to && 'text' in answer.to ? answer.to.text : '').toBe(member.email);
      const lines = answer?.headerLines.map((h) => h.line.replace(/\r?\n[ \t]+/g, ' ')) ?? [];
      expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(lines.find((l) => l.startsWith('List-Unsubscribe:'))).toMatch(
        /^List-Unsubscribe: <https:\/\/community\.example\/unsubscribe\?token=/,
      );
      expect(answer?.text).toContain(`${PUBLIC_URL}/t/${thread.id}#post-${reply.id}`);
    } finally {
      await local.close();
      await fs.rm(outbox, { recursive: true, force: true });
    }
  });
});
