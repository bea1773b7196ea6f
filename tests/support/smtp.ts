import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { vi } from 'vitest';

/** A message as the SMTP server received it, parsed. */
export interface ReceivedMail {
  from: string;
  /** Envelope recipients (lower-case). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header lines as sent, e.g. `{ key: 'list-unsubscribe', line: 'List-Unsubscribe: <https://…>' }`. */
  headerLines: { key: string; line: string }[];
  /** One header's value as sent (unfolded), or undefined. */
  header(name: string): string | undefined;
}

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`: pass as SMTP_URL to startTestApi. */
  url: string;
  /** Every message accepted so far, in order. */
  messages: ReceivedMail[];
  /** Messages sent to `address`. */
  to(address: string): ReceivedMail[];
  /** Waits until a message to `address` matching `match` arrives, and returns it. */
  waitFor(address: string, match?: (m: ReceivedMail) => boolean, timeout?: number): Promise<ReceivedMail>;
  /** While on, every message is refused with `451 4.3.0` (a transient failure: an outage). */
  refuse(on: boolean): void;
  /** Messages refused while `refuse` was on. */
  refused: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free loopback port, without TLS or authentication, that
 * parses what it receives with mailparser. Tests point the API's SMTP_URL at it.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let refusing = false;
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!refusing) return callback();
      state.refused++;
      const error = Object.assign(new Error('Service temporarily unavailable, try again later'), {
        responseCode: 451,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const headerLines = mail.headerLines.map((h) => ({ key: h.key, line: h.line.replace(/\r?\n[ \t]+/g, ' ') }));
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headerLines,
            header(name) {
              const found = headerLines.find((h) => h.key === name.toLowerCase());
              return found?.line.slice(found.line.indexOf(':') + 1).trim();
            },
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to,
    async waitFor(address, match = () => true, timeout = 15_000) {
      return vi.waitFor(
        () => {
          const found = to(address).find(match);
          if (!found) throw new Error(`no matching email to ${address} yet`);
          return found;
        },
        { timeout, interval: 50 },
      );
    },
    refuse(on) {
      refusing = on;
    },
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in `text` starting with `prefix` (e.g. `${PUBLIC_URL}/verify-email?token=`). */
export function linkIn(text: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"<>]*`).exec(text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${text}`);
  return match[0];
}
