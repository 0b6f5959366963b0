/** Cookie of the access token: every API path, so the pages and the service worker send it. */
export const ACCESS_COOKIE = 'cs_access';
/** Cookie of the refresh token: sent only to the auth routes, never to the rest of the API. */
export const REFRESH_COOKIE = 'cs_refresh';
const REFRESH_PATH = '/api/v1/auth';

/** The value of cookie `name` in the request, if any. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/**
 * Whether the browser reached us over HTTPS (directly or through a proxy that says so): only
 * then are cookies marked Secure (a Secure cookie over plain http is dropped by browsers).
 */
export function servedOverHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(':', '')) === 'https';
}

function cookie(request: Request, name: string, value: string, path: string, maxAgeSec: number) {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${path}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSec))}`,
    'HttpOnly',
    // Strict: no other site can make the browser send them (CSRF), not even by a link.
    'SameSite=Strict',
  ];
  if (servedOverHttps(request)) parts.push('Secure');
  return parts.join('; ');
}

/**
 * Set-Cookie values for a new session. The access cookie lives as long as the refresh token
 * (the JWT inside says when it expires), so an expired one is answered TOKEN_EXPIRED, not as
 * if nobody had signed in.
 */
export function sessionCookies(
  request: Request,
  accessToken: string,
  refreshToken: string,
  refreshTtlSec: number,
): string[] {
  return [
    cookie(request, ACCESS_COOKIE, accessToken, '/api', refreshTtlSec),
    cookie(request, REFRESH_COOKIE, refreshToken, REFRESH_PATH, refreshTtlSec),
  ];
}

/** Set-Cookie values that delete both cookies (logout, a refused refresh). */
export function clearedCookies(request: Request): string[] {
  return [
    cookie(request, ACCESS_COOKIE, '', '/api', 0),
    cookie(request, REFRESH_COOKIE, '', REFRESH_PATH, 0),
  ];
}

/** The refresh token cookie of a request (sent only to /api/v1/auth/*). */
export function readRefreshCookie(request: Request): string | undefined {
  return readCookie(request, REFRESH_COOKIE) || undefined;
}
