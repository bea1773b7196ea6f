import type { Config } from '../../../config.js';
import type { MailMessage } from '../../../platform/mail/mailer.js';
import type { Recipient } from './email-candidates.js';
import { notificationMessage, notificationPath } from '../notification-message.js';
import { KIND_LABELS, type EmailedNotification } from './notification-text.js';
import { unsubscribeUrl } from './unsubscribe-links.js';

/** Items listed in one digest; the rest are counted ("and 12 more"). */
export const DIGEST_MAX_ITEMS = 50;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const origin = (config: Config) => config.PUBLIC_URL.replace(/\/$/, '');

function page(paragraphs: string[], footer: string): string {
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#1f2937">
${paragraphs.join('\n')}
<hr style="border:none;border-top:1px solid #d1d5db">
<p style="font-size:13px;color:#4b5563">${footer}</p>
</body></html>`;
}

/** One notification, emailed at once. */
export function immediateEmail(config: Config, to: Recipient, n: EmailedNotification): MailMessage {
  const line = notificationMessage(n);
  const link = `${origin(config)}${notificationPath(n)}`;
  const unsubscribe = unsubscribeUrl(config, to.id, n.kind);
  const about = KIND_LABELS[n.kind];
  return {
    to: to.email,
    subject: line,
    unsubscribeUrl: unsubscribe,
    idempotencyKey: `notification-${n.id}`,
    text: [
      `Hi @${to.handle},`,
      '',
      `${line}.`,
      `Open it: ${link}`,
      '',
      '--',
      `You get these emails about ${about}. Stop them (no login needed): ${unsubscribe}`,
    ].join('\n'),
    html: page(
      [
        `<p>Hi @${escapeHtml(to.handle)},</p>`,
        `<p>${escapeHtml(line)}.</p>`,
        `<p><a href="${escapeHtml(link)}">Open it on Hearth</a></p>`,
      ],
      `You get these emails about ${escapeHtml(about)}. <a href="${escapeHtml(unsubscribe)}">Stop these emails</a> (no login needed).`,
    ),
  };
}

/** The day's digest-mode notifications in one email. */
export function digestEmail(config: Config, to: Recipient, items: EmailedNotification[]): MailMessage {
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const more = items.length - shown.length;
  const unsubscribe = unsubscribeUrl(config, to.id, 'DIGEST');
  const lines = shown.map((n) => ({ text: notificationMessage(n), link: `${origin(config)}${notificationPath(n)}` }));
  const count = `${items.length} update${items.length === 1 ? '' : 's'}`;
  return {
    to: to.email,
    subject: `Your Hearth digest: ${count}`,
    unsubscribeUrl: unsubscribe,
    // A digest is defined by the notifications it claimed: the first and last id name it.
    idempotencyKey: `digest-${to.id}-${items[0]!.id}-${items[items.length - 1]!.id}`,
    text: [
      `Hi @${to.handle}, here is what happened since your last digest:`,
      '',
      ...lines.map((l) => `- ${l.text}\n  ${l.link}`),
      ...(more > 0 ? [`- and ${more} more: ${origin(config)}/notifications`] : []),
      '',
      '--',
      `Stop the daily digest (no login needed): ${unsubscribe}`,
    ].join('\n'),
    html: page(
      [
        `<p>Hi @${escapeHtml(to.handle)}, here is what happened since your last digest:</p>`,
        `<ul>${lines.map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.text)}</a></li>`).join('')}${
          more > 0 ? `<li><a href="${escapeHtml(`${origin(config)}/notifications`)}">and ${more} more</a></li>` : ''
        }</ul>`,
      ],
      `<a href="${escapeHtml(unsubscribe)}">Stop the daily digest</a> (no login needed).`,
    ),
  };
}
