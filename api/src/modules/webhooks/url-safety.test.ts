import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from './delivery.js';
import { checkWebhookUrl, isPublicAddress, safeLookup, type Resolver } from './url-safety.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1', // CGNAT
    '100.127.255.255',
    '224.0.0.1', // multicast
    '239.255.255.250',
    '255.255.255.255',
    '192.0.2.10',
    '198.18.0.1',
    '::',
    '::1',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456:789a::1', // ULA
    'ff02::1', // multicast
    '::ffff:127.0.0.1', // IPv4-mapped
    '::ffff:7f00:1', // the same, in hex
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1', // IPv4-compatible
    '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '2002:c0a8:101::1', // 6to4 of 192.168.1.1
    '2001:db8::1', // documentation
    '2001:0:4136:e378::1', // Teredo
    '[::1]',
    'localhost',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1', // just past 172.16/12
    '100.128.0.1', // just past 100.64/10
    '11.0.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8', // mapped public
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '2002:808:808::1', // 6to4 of 8.8.8.8
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('checkWebhookUrl', () => {
  const dns = resolverOf({
    'crm.example.com': ['93.184.215.14'],
    'internal.example.com': ['10.0.0.5'],
    'mixed.example.com': ['93.184.215.14', '127.0.0.1'],
  });

  it('accepts https to a name that resolves to public addresses only', async () => {
    expect(await checkWebhookUrl('https://crm.example.com/hooks', false, dns)).toBeNull();
  });

  it.each([
    ['http://crm.example.com/hooks', /https/],
    ['ftp://crm.example.com/', /https/],
    ['https://user:pass@crm.example.com/', /user name or password/],
    ['not a url', /full URL/],
    ['https://internal.example.com/', /10\.0\.0\.5.*not a public address/],
    ['https://mixed.example.com/', /127\.0\.0\.1/],
    ['https://127.0.0.1/', /not a public address/],
    ['https://[::1]/', /not a public address/],
    ['https://[::ffff:127.0.0.1]/', /not a public address/],
    ['https://2130706433/', /not a public address/], // 127.0.0.1 as one number (URL normalizes it)
    ['https://nowhere.example.com/', /does not resolve/],
  ])('refuses %s', async (url, reason) => {
    expect(await checkWebhookUrl(url, false, dns)).toMatch(reason);
  });

  it('allows http and private addresses when WEBHOOK_ALLOW_PRIVATE_URLS is on', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hooks', true, dns)).toBeNull();
    expect(await checkWebhookUrl('https://internal.example.com/', true, dns)).toBeNull();
  });
});

describe('DNS rebinding', () => {
  let server: http.Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a name public when saved and loopback at delivery is refused at delivery, and nothing connects', async () => {
    // The attacker's DNS answers a public address first (the endpoint is saved), then 127.0.0.1.
    const answers = [['93.184.215.14'], ['127.0.0.1']];
    let asked = 0;
    const rebinding: Resolver = async () =>
      (answers[Math.min(asked++, 1)] ?? []).map((address) => ({ address, family: 4 }));
    // Saved: the name checks out.
    expect(await checkWebhookUrl(`https://rebind.example.com:${port}/`, false, rebinding)).toBeNull();
    // Delivered: the lookup made for the connection sees 127.0.0.1 and refuses it.
    const result = await sendWebhook({
      url: `https://rebind.example.com:${port}/`,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      webhookId: 'msg_1',
      body: '{}',
      allowPrivate: false,
      resolve: rebinding,
    });
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/127\.0\.0\.1.*not a public address/);
    expect(asked).toBe(2);
    expect(hits).toBe(0);
  });

  it('the connection goes to the address the lookup checked', async () => {
    // A name only our resolver knows: connecting works only through the checked address.
    const local: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const result = await sendWebhook({
      url: `http://only-ours.invalid:${port}/`,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      webhookId: 'msg_2',
      body: '{}',
      allowPrivate: true,
      resolve: local,
    });
    expect(result).toMatchObject({ status: 200, error: null });
    expect(hits).toBe(1);
  });

  it('safeLookup answers in the form node asks for (one address, or all)', async () => {
    const lookup = safeLookup(false, resolverOf({ 'a.example': ['93.184.215.14', '2606:4700:4700::1111'] }));
    const one = await new Promise((resolve) =>
      lookup('a.example', {}, (err, address, family) => resolve([err, address, family])),
    );
    expect(one).toEqual([null, '93.184.215.14', 4]);
    const six = await new Promise((resolve) =>
      lookup('a.example', { family: 6 }, (err, address) => resolve([err, address])),
    );
    expect(six).toEqual([null, '2606:4700:4700::1111']);
    const all = await new Promise((resolve) =>
      lookup('a.example', { all: true }, (err, address) => resolve([err, address])),
    );
    expect(all).toEqual([
      null,
      [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:4700:4700::1111', family: 6 },
      ],
    ]);
  });
});
