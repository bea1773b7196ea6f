import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import net from 'node:net';

/**
 * Where webhooks may go (SECURITY.md): https, to public addresses only. An address is refused
 * when it is loopback, private, link-local, carrier-grade NAT, multicast, reserved or for
 * documentation, in IPv4 or IPv6, including IPv4 written inside IPv6 (mapped `::ffff:a.b.c.d`,
 * compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, which reach the IPv4 address).
 * Checked when an endpoint is saved and again at delivery, where the connection goes to the
 * address that was checked (`safeLookup`), so a name that resolves to a public address when
 * saved and to 127.0.0.1 afterwards (DNS rebinding) is refused.
 */

const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];

function v4ToInt(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function v4Public(address: string): boolean {
  const n = v4ToInt(address);
  return !V4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    const start = v4ToInt(base);
    return n >= start && n < start + size;
  });
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4ToInt(dotted[1]!);
    text = text.slice(0, -dotted[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

const v4From = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

function v6Public(address: string): boolean {
  const g = v6Groups(address);
  if (g.length !== 8 || g.some((x) => Number.isNaN(x))) return false;
  const firstSix = g.slice(0, 6);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible; :: and ::1 fall here and are refused)
  if (firstSix.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    return v4Public(v4From(g[6]!, g[7]!));
  }
  // ::ffff:0:a.b.c.d (SIIT translated)
  if (g.slice(0, 4).every((x) => x === 0) && g[4] === 0xffff && g[5] === 0) return v4Public(v4From(g[6]!, g[7]!));
  // 64:ff9b::/96 (NAT64) and 64:ff9b:1::/48 (local NAT64)
  if (g[0] === 0x64 && g[1] === 0xff9b) {
    if (g[2] === 1) return false;
    return v4Public(v4From(g[6]!, g[7]!));
  }
  // 2002::/16 (6to4): the IPv4 address is in groups 1 and 2
  if (g[0] === 0x2002) return v4Public(v4From(g[1]!, g[2]!));
  // Only global unicast (2000::/3) is public, less the special ranges inside it.
  if ((g[0]! & 0xe000) !== 0x2000) return false; // ULA fc00::/7, link-local fe80::/10, multicast ff00::/8, ::/8…
  if (g[0] === 0x2001 && g[1]! < 0x200) return false; // 2001::/23 IETF protocol (Teredo, benchmarking, ORCHID)
  if (g[0] === 0x2001 && g[1] === 0xdb8) return false; // documentation
  if (g[0] === 0x3fff && g[1]! < 0x1000) return false; // documentation (3fff::/20)
  return true;
}

/** Whether `address` (an IP literal, v4 or v6) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = net.isIP(bare);
  if (family === 4) return v4Public(bare);
  if (family === 6) return v6Public(bare);
  return false;
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (what the HTTP client would use), every address of the name. */
export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

/**
 * The addresses `hostname` may be reached at: every one it resolves to must be public (one
 * private address among public ones is refused: a client might pick it), unless private ones are
 * allowed. An IP literal is checked as is.
 */
export async function resolvePublic(
  hostname: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<LookupAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const family = net.isIP(bare);
  let addresses: LookupAddress[];
  if (family) addresses = [{ address: bare, family }];
  else {
    try {
      addresses = await resolve(bare);
    } catch {
      throw new UnsafeUrlError(`${bare} does not resolve.`);
    }
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`${bare} does not resolve.`);
  if (!allowPrivate) {
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) throw new UnsafeUrlError(`${bare} resolves to ${refused.address}, which is not a public address.`);
  }
  return addresses;
}

/**
 * Checks an endpoint URL's form: https (http too when private addresses are allowed), no user or
 * password in it, a host. Returns the parsed URL or the reason it is refused.
 */
export function checkUrlShape(raw: string, allowPrivate: boolean): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL, such as https://crm.example.com/hooks/hearth.';
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return 'The URL must start with https://.';
  if (url.username || url.password) return 'The URL must not contain a user name or password.';
  if (!url.hostname) return 'The URL must name a host.';
  if (raw.length > 2000) return 'The URL can be at most 2,000 characters.';
  return url;
}

/** The URL's form and every address its host resolves to (see resolvePublic); null when fine, else why not. */
export async function checkWebhookUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<string | null> {
  const url = checkUrlShape(raw, allowPrivate);
  if (typeof url === 'string') return url;
  try {
    await resolvePublic(url.hostname, allowPrivate, resolve);
    return null;
  } catch (err) {
    if (err instanceof UnsafeUrlError) return `The URL is refused: ${err.message}`;
    throw err;
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) requests: resolves the name, refuses it unless every address is
 * allowed, and hands the socket the checked address, so what is connected to is what was
 * checked (no second resolution an attacker's DNS could answer differently).
 */
export function safeLookup(allowPrivate: boolean, resolve: Resolver = systemResolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolvePublic(hostname, allowPrivate, resolve).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
        if (usable.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no IPv${wanted} address`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: Error) => callback(Object.assign(err, { code: 'EUNSAFEADDRESS' }), ''),
    );
  };
}
