import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a signed token is for. The purpose is part of what is signed, so a token made for one
 * purpose (an unsubscribe link, which never expires) is refused for another (verifying an email).
 */
export type TokenPurpose = 'verify-email' | 'unsubscribe';

/** A token's claims: short keys, plain values (they travel in URLs). */
export type TokenClaims = Record<string, string | number>;

/**
 * Only development and tests run without SESSION_SECRET (config refuses to start in production
 * without it), so their links verify across restarts without any setup.
 */
const DEVELOPMENT_SECRET = 'hearth-development-only-signing-secret';

/** The signing key: derived from the secret, so the raw secret signs nothing but sessions' own uses. */
const keyOf = (secret: string | undefined): Buffer =>
  createHmac('sha256', secret ?? DEVELOPMENT_SECRET)
    .update('hearth:signed-tokens:v1')
    .digest();

const mac = (key: Buffer, purpose: TokenPurpose, body: string): Buffer =>
  createHmac('sha256', key).update(`${purpose}.${body}`).digest();

/**
 * `<base64url JSON claims>.<base64url HMAC-SHA256>`: links in emails that work without a
 * session. `expiresInSeconds` adds an expiry claim (`exp`, seconds since the epoch).
 */
export function signToken(
  secret: string | undefined,
  purpose: TokenPurpose,
  claims: TokenClaims,
  opts: { expiresInSeconds?: number; now?: Date } = {},
): string {
  const now = opts.now ?? new Date();
  const payload =
    opts.expiresInSeconds === undefined
      ? claims
      : { ...claims, exp: Math.floor(now.getTime() / 1000) + opts.expiresInSeconds };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(keyOf(secret), purpose, body).toString('base64url')}`;
}

/**
 * The claims of a token signed for `purpose` with this secret, or null when it is malformed,
 * tampered with, made for another purpose or expired. The signature is compared in constant time.
 */
export function readToken(
  secret: string | undefined,
  purpose: TokenPurpose,
  token: string,
  now: Date = new Date(),
): TokenClaims | null {
  if (typeof token !== 'string' || token.length > 2000) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [body, signature] = parts as [string, string];
  const expected = mac(keyOf(secret), purpose, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return null;
  const { exp } = claims as { exp?: unknown };
  if (exp !== undefined && (typeof exp !== 'number' || exp * 1000 <= now.getTime())) return null;
  return claims as TokenClaims;
}
