import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type SendMailOptions, type TransportOptions } from 'nodemailer';
import type { Config } from '../../config.js';
import { logger } from '../logger.js';

/** One email: plain text and HTML alternatives, and for notifications a one-click unsubscribe URL. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** https URL that unsubscribes with a GET page or an RFC 8058 one-click POST. */
  unsubscribeUrl?: string;
  /**
   * The Message-ID's left part, stable for what the email is about (`notification-12`): should a
   * retry resend an email the server already accepted, the copies share one Message-ID and mail
   * stores and clients keep one.
   */
  idempotencyKey?: string;
}

export interface Mailer {
  /** Sends, or throws (an SMTP outage): callers send from jobs, which retry. */
  send(message: MailMessage): Promise<void>;
  /** Where mail goes, for logs: `smtp` or the outbox folder. */
  readonly destination: string;
}

/** Without SMTP_URL: `<DATA_DIR>/outbox` unless OUTBOX_DIR says otherwise. */
export const outboxDir = (config: Pick<Config, 'OUTBOX_DIR' | 'DATA_DIR'>): string =>
  config.OUTBOX_DIR ?? path.join(config.DATA_DIR, 'outbox');

/** `Hearth <no-reply@host>` at the public URL's host unless MAIL_FROM is set. */
export const mailFrom = (config: Pick<Config, 'MAIL_FROM' | 'PUBLIC_URL'>): string =>
  config.MAIL_FROM ?? `Hearth <no-reply@${new URL(config.PUBLIC_URL).hostname}>`;

/** nodemailer's message options for `message`: List-Unsubscribe and its RFC 8058 one-click companion. */
function composed(message: MailMessage, from: string): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.idempotencyKey ? { messageId: `<${message.idempotencyKey}@${from.replace(/^.*@|>$/g, '')}>` } : {}),
    ...(message.unsubscribeUrl
      ? {
          list: { unsubscribe: message.unsubscribeUrl },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }
      : {}),
  };
}

function smtpMailer(url: string, from: string): Mailer {
  // Short timeouts: a server that does not answer fails the job (retried later) instead of holding a worker.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as TransportOptions);
  return {
    destination: 'smtp',
    async send(message) {
      await transport.sendMail(composed(message, from));
    },
  };
}

/**
 * The outbox: each message as an .eml file (RFC 822, as it would go over SMTP), written under a
 * temporary name and renamed, so a reader never sees half a message.
 */
function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let announced = false;
  return {
    destination: dir,
    async send(message) {
      const info = await transport.sendMail(composed(message, from));
      await fs.mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const file = path.join(dir, name);
      await fs.writeFile(`${file}.tmp`, info.message as Buffer);
      await fs.rename(`${file}.tmp`, file);
      if (!announced) {
        announced = true;
        logger.info(`SMTP_URL is not set: emails are written to ${dir}`);
      }
    },
  };
}

const mailers = new WeakMap<Config, Mailer>();

/** The mailer for this configuration (one per process): SMTP when SMTP_URL is set, else the outbox. */
export function mailerFor(config: Config): Mailer {
  let mailer = mailers.get(config);
  if (!mailer) {
    const from = mailFrom(config);
    mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, from) : outboxMailer(outboxDir(config), from);
    mailers.set(config, mailer);
  }
  return mailer;
}
