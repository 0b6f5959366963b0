import {
  apiErrorSchema,
  API,
  currentSessionSchema,
  sessionResponseSchema,
} from '@courtsync/protocol';
import {
  apiRequest,
  cookieHeader,
  DEMO,
  describeEachDatabase,
  setCookieValue,
  signIn,
  testApi,
} from '@courtsync/server/test-support';
import { DEMO_TOURNAMENT_ID } from '../db/seed';
import type { ApiHandlers } from './api-handlers';

const REQUIRED = { auth: { mode: 'required' as const }, rateLimits: { store: 'off' as const } };

async function errorCode(response: Response): Promise<string> {
  return apiErrorSchema.parse(await response.json()).error.code;
}

/** A protected read (admins only): 200 with a live admin token, else 401. */
function listUsers(api: ApiHandlers, headers: Record<string, string>) {
  return api.listUsers(apiRequest('GET', API.users, undefined, headers));
}

describeEachDatabase('sign-in (F21)', (get) => {
  it('login answers a session and sets httpOnly, SameSite cookies (Secure only over HTTPS)', async () => {
    const { api } = testApi(get().db, REQUIRED);
    const body = { email: 'Scorer1@CourtSync.demo', password: 'courtsync-demo' };
    const response = await api.login(apiRequest('POST', API.login, body));
    expect(response.status).toBe(200);
    const session = sessionResponseSchema.parse(await response.json());
    expect(session.user).toMatchObject({ id: 'u-scorer1', role: 'scorekeeper' });
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    for (const c of cookies) {
      expect(c).toMatch(/HttpOnly/);
      expect(c).toMatch(/SameSite=Strict/);
      expect(c).not.toMatch(/Secure/);
    }
    expect(cookies.find((c) => c.startsWith('cs_refresh='))).toMatch(/Path=\/api\/v1\/auth/);
    const secure = await api.login(
      apiRequest('POST', API.login, body, { 'x-forwarded-proto': 'https' }),
    );
    for (const c of secure.headers.getSetCookie()) expect(c).toMatch(/; Secure/);
  });

  it('refuses a wrong password, an unknown e-mail and a disabled user alike', async () => {
    const { api } = testApi(get().db, REQUIRED);
    for (const body of [
      { email: DEMO.admin, password: 'wrong' },
      { email: 'nobody@courtsync.demo', password: 'courtsync-demo' },
    ]) {
      const response = await api.login(apiRequest('POST', API.login, body));
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('INVALID_CREDENTIALS');
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it('session says who is signed in, and null for nobody or a bad token', async () => {
    const { api } = testApi(get().db, REQUIRED);
    const coach = await signIn(api, DEMO.coach);
    const who = async (headers: Record<string, string>) =>
      currentSessionSchema.parse(
        await (await api.session(apiRequest('GET', API.session, undefined, headers))).json(),
      ).user;
    expect((await who({ cookie: coach.cookie }))?.email).toBe(DEMO.coach);
    expect((await who({ authorization: `Bearer ${coach.accessToken}` }))?.role).toBe('coach');
    expect(await who({})).toBeNull();
    expect(await who({ cookie: cookieHeader('garbage') })).toBeNull();
  });

  it('refresh rotates; the old token used again revokes the whole family', async () => {
    const { api } = testApi(get().db, REQUIRED);
    const admin = await signIn(api, DEMO.admin);
    const first = await api.refresh(
      apiRequest('POST', API.refresh, undefined, {
        cookie: cookieHeader(undefined, admin.refreshToken),
      }),
    );
    expect(first.status).toBe(200);
    const rotated = setCookieValue(first, 'cs_refresh');
    const newAccess = sessionResponseSchema.parse(await first.json()).accessToken;
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(admin.refreshToken);
    expect((await listUsers(api, { cookie: cookieHeader(newAccess) })).status).toBe(200);

    // The spent token comes back (a thief, or a replay): everything of that sign-in ends.
    const reused = await api.refresh(
      apiRequest('POST', API.refresh, undefined, {
        cookie: cookieHeader(undefined, admin.refreshToken),
      }),
    );
    expect(reused.status).toBe(401);
    expect(await errorCode(reused)).toBe('TOKEN_INVALID');
    expect(reused.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
    const afterwards = await api.refresh(
      apiRequest('POST', API.refresh, undefined, { cookie: cookieHeader(undefined, rotated) }),
    );
    expect(afterwards.status).toBe(401);
    for (const token of [admin.accessToken, newAccess]) {
      const response = await listUsers(api, { cookie: cookieHeader(token) });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('TOKEN_INVALID');
    }
    // Another sign-in of the same user is not touched.
    const other = await signIn(api, DEMO.admin);
    expect((await listUsers(api, { cookie: other.cookie })).status).toBe(200);
  });

  it('an expired access token is TOKEN_EXPIRED; refresh brings a working one', async () => {
    // Tokens expire on whole seconds (JWT `exp`): with a 1 s lifetime the refreshed token
    // could lapse within milliseconds (a CI flake); 2 s leaves it at least one second.
    const { api } = testApi(get().db, { ...REQUIRED, auth: { mode: 'required', accessTtlSec: 2 } });
    const admin = await signIn(api, DEMO.admin);
    await new Promise((r) => setTimeout(r, 3100));
    const expired = await listUsers(api, { cookie: admin.cookie });
    expect(expired.status).toBe(401);
    expect(await errorCode(expired)).toBe('TOKEN_EXPIRED');
    const refreshed = await api.refresh(
      apiRequest('POST', API.refresh, undefined, { cookie: admin.cookie }),
    );
    expect(refreshed.status).toBe(200);
    const access = setCookieValue(refreshed, 'cs_access');
    expect((await listUsers(api, { cookie: cookieHeader(access) })).status).toBe(200);
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const { api } = testApi(get().db, REQUIRED);
    const admin = await signIn(api, DEMO.admin);
    const out = await api.logout(
      apiRequest('POST', API.logout, undefined, { cookie: admin.cookie }),
    );
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
    expect((await listUsers(api, { cookie: admin.cookie })).status).toBe(401);
    const refresh = await api.refresh(
      apiRequest('POST', API.refresh, undefined, { cookie: admin.cookie }),
    );
    expect(refresh.status).toBe(401);
  });

  it('a disabled user is out at once; a role change applies to the next request', async () => {
    const { api } = testApi(get().db, REQUIRED);
    const admin = await signIn(api, DEMO.admin);
    const created = await api.createUser(
      apiRequest(
        'POST',
        API.users,
        { email: 'temp@courtsync.demo', name: 'Temp', role: 'coach', password: 'temporary-pass' },
        { cookie: admin.cookie },
      ),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const temp = await signIn(api, 'temp@courtsync.demo', 'temporary-pass');
    const plans = () =>
      api.getCoveragePlan(
        apiRequest('GET', API.coveragePlans(DEMO_TOURNAMENT_ID), undefined, {
          cookie: temp.cookie,
        }),
        DEMO_TOURNAMENT_ID,
      );
    expect((await plans()).status).toBe(200);
    const patch = (body: unknown) =>
      api.updateUser(apiRequest('PATCH', API.user(id), body, { cookie: admin.cookie }), id);
    expect((await patch({ role: 'spectator' })).status).toBe(200);
    expect((await plans()).status).toBe(403);
    expect((await patch({ disabled: true })).status).toBe(200);
    expect((await plans()).status).toBe(401);
    const again = await api.login(
      apiRequest('POST', API.login, { email: 'temp@courtsync.demo', password: 'temporary-pass' }),
    );
    expect(again.status).toBe(401);
    const duplicate = await api.createUser(
      apiRequest(
        'POST',
        API.users,
        { email: 'TEMP@courtsync.demo', name: 'Again', role: 'coach', password: 'temporary-pass' },
        { cookie: admin.cookie },
      ),
    );
    expect(duplicate.status).toBe(409);
  });
});
