import { expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { API } from '@courtsync/protocol';

/** The seeded demo users (README), by short name; every one's password is DEMO_PASSWORD. */
export const USERS = {
  admin: 'admin@courtsync.demo',
  scorer1: 'scorer1@courtsync.demo',
  scorer2: 'scorer2@courtsync.demo',
  coach: 'coach@courtsync.demo',
  media: 'media@courtsync.demo',
  fan: 'fan@courtsync.demo',
} as const;
export type DemoUser = keyof typeof USERS;
export const DEMO_PASSWORD = 'courtsync-demo';
/** The demo tournament every demo match belongs to. */
export const DEMO_EVENT = 'demo-open';

/** `base` + path, or the path alone (then the context's baseURL applies). */
const at = (base: string | undefined, path: string) => (base ? `${base}${path}` : path);

/** POSTs, waiting out a 429 (the sign-in bucket is per client address: every test is 127.0.0.1). */
async function post(request: APIRequestContext, url: string, data?: unknown) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await request.post(url, data === undefined ? {} : { data });
    if (response.status() !== 429 || attempt >= 5) return response;
    const wait = Number(response.headers()['retry-after'] ?? '1');
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
}

/**
 * Signs `request` in as a demo user (F21). A browser context's `request` shares the context's
 * cookies, so its pages and its service worker are signed in too.
 */
export async function signInAs(
  request: APIRequestContext,
  who: DemoUser = 'scorer1',
  base?: string,
): Promise<void> {
  const response = await post(request, at(base, API.login), {
    email: USERS[who],
    password: DEMO_PASSWORD,
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Claims a demo match for the signed-in user (F4): 201 new, 200 already theirs. */
export async function claimMatch(
  request: APIRequestContext,
  matchId: string,
  base?: string,
): Promise<void> {
  const response = await post(request, at(base, API.claim(DEMO_EVENT, matchId)));
  expect([200, 201], await response.text()).toContain(response.status());
}

/**
 * What a scorekeeper does before scoring a match: sign in (as the first demo scorekeeper
 * unless told) and claim it. Specs written before sign-in existed call this through
 * openMatchOnline / openDevice.
 */
export async function scorekeeperOn(
  context: BrowserContext,
  matchId: string,
  base?: string,
  who: DemoUser = 'scorer1',
): Promise<void> {
  await signInAs(context.request, who, base);
  await claimMatch(context.request, matchId, base);
}
