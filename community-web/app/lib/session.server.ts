import { createCookie } from 'react-router';

const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost:3000';
const secure = publicUrl.startsWith('https://');

/**
 * The API session token lives in an httpOnly, SameSite=Lax cookie; over https it is
 * `__Host-` prefixed and Secure (SECURITY.md), over plain http (local demo) it cannot be.
 */
export const sessionCookie = createCookie(secure ? '__Host-hearth_session' : 'hearth_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure,
  maxAge: 30 * 24 * 3600,
});

export async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get('cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export const setTokenHeader = (token: string) => sessionCookie.serialize(token);
export const clearTokenHeader = () => sessionCookie.serialize('', { maxAge: 0 });
