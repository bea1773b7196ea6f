import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { mailFrom, outboxDir } from './mailer.js';

describe('mail configuration', () => {
  it('defaults: the outbox under DATA_DIR, From no-reply at the public host', () => {
    const config = loadConfig({ DATA_DIR: '/srv/hearth', PUBLIC_URL: 'https://support.example.com' });
    expect(config.SMTP_URL).toBeUndefined();
    expect(outboxDir(config)).toBe(path.join('/srv/hearth', 'outbox'));
    expect(mailFrom(config)).toBe('Hearth <no-reply@support.example.com>');
  });

  it('takes SMTP_URL, MAIL_FROM and OUTBOX_DIR; empty values count as unset', () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://user:pass@smtp.example.com:587',
      MAIL_FROM: 'Support <help@example.com>',
      OUTBOX_DIR: '/tmp/mail',
    });
    expect(config.SMTP_URL).toBe('smtp://user:pass@smtp.example.com:587');
    expect(mailFrom(config)).toBe('Support <help@example.com>');
    expect(outboxDir(config)).toBe('/tmp/mail');
    const empty = loadConfig({ SMTP_URL: '', MAIL_FROM: '', OUTBOX_DIR: '' });
    expect([empty.SMTP_URL, empty.MAIL_FROM, empty.OUTBOX_DIR]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses an SMTP_URL that is not a URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp.example.com' })).toThrow(/SMTP_URL/);
  });
});
