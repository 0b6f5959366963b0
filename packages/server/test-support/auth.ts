import { sessionResponseSchema, type SessionUser } from '@courtsync/protocol';
import { DEMO_PASSWORD } from '../src/services/auth/demo-users';
import type { ApiHandlers } from '../src/http/api-handlers';

/** A signed-in test caller: its tokens, and headers that carry them as the browser would. */
export interface TestSession {
  user: SessionUser;
  accessToken: string;
  refreshToken: string;
  /** `cookie: cs_access=…; cs_refresh=…` — what a browser sends. */
  cookie: string;
}

/** The demo users' e-mails by short name (see demo-users.ts). */
export const DEMO = {
  admin: 'admin@courtsync.demo',
  scorer1: 'scorer1@courtsync.demo',
  scorer2: 'scorer2@courtsync.demo',
  coach: 'coach@courtsync.demo',
  media: 'media@courtsync.demo',
  fan: 'fan@courtsync.demo',
} as const;

/** The value of cookie `name` among a response's Set-Cookie headers. */
export function setCookieValue(response: Response, name: string): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0 && pair.slice(0, eq) === name) return decodeURIComponent(pair.slice(eq + 1));
  }
  return undefined;
}

/** Builds a cookie header from access and refresh tokens. */
export function cookieHeader(accessToken?: string, refreshToken?: string): string {
  const parts = [];
  if (accessToken) parts.push(`cs_access=${accessToken}`);
  if (refreshToken) parts.push(`cs_refresh=${refreshToken}`);
  return parts.join('; ');
}

/** A JSON request to the API (`body` undefined: none), with extra headers. */
export function apiRequest(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Request {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return new Request(`http://localhost${path}`, init);
}

/** Signs in through the login handler; throws unless it answers 200 with both cookies. */
export async function signIn(
  api: ApiHandlers,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<TestSession> {
  const response = await api.login(apiRequest('POST', '/api/v1/auth/login', { email, password }));
  if (response.status !== 200) {
    throw new Error(`login ${email} → ${response.status} ${await response.text()}`);
  }
  const body = sessionResponseSchema.parse(await response.json());
  const refreshToken = setCookieValue(response, 'cs_refresh');
  if (!refreshToken) throw new Error('login answered without a refresh cookie');
  return {
    user: body.user,
    accessToken: body.accessToken,
    refreshToken,
    cookie: cookieHeader(body.accessToken, refreshToken),
  };
}
