import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { openCourtSyncDb, readSessionUser } from '@courtsync/client';
import { API } from '@courtsync/protocol';
import { adminApi, AdminApiError } from './admin-api';
import { SyncDashboard } from './sync-dashboard';
import { deserialize, serialize } from 'node:v8';

// jsdom has no structuredClone; the sign-in remembers the user in (fake) IndexedDB with it.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

/** What the fake server answers a request with. */
type Route = (url: string, init: RequestInit) => { status: number; body: unknown } | undefined;

/** A Response as far as the dashboard reads one (jsdom has no fetch of its own). */
function reply(status: number, body: unknown): Response {
  const make = (): Response =>
    ({
      status,
      ok: status >= 200 && status < 300,
      headers: new Headers(),
      json: async () => body,
      clone: make,
    }) as unknown as Response;
  return make();
}

const refusal = (status: number, code: string) => ({
  status,
  body: { error: { code, message: `refused: ${code}` } },
});

const SCORER = { id: 'u-scorer1', email: 'scorer1@courtsync.demo', name: 'Sam Scorer' };

let calls: { url: string; init: RequestInit }[];

/** Replaces fetch with `route` (anything it does not answer: 404). */
function serve(route: Route) {
  calls = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    const answer = route(url, init) ?? { status: 404, body: { error: { code: 'NOT_FOUND' } } };
    return reply(answer.status, answer.body);
  });
}

const adminCalls = () => calls.filter((c) => c.url.startsWith('/api/v1/sync/'));

afterEach(() => {
  delete (global as { fetch?: unknown }).fetch;
});

describe('the sync dashboard without an admin sign-in', () => {
  it('401: shows the app sign-in form (e-mail, password), no token box, and signs in with POST /api/v1/auth/login', async () => {
    serve((url, init) => {
      if (url === API.login && init.method === 'POST') {
        return {
          status: 200,
          body: {
            user: { id: 'u-admin', email: 'admin@courtsync.demo', name: 'Ada', role: 'admin' },
            accessToken: 'a.b.c',
            accessTokenExpiresAt: '2031-01-01T00:00:00.000Z',
            refreshTokenExpiresAt: '2031-01-30T00:00:00.000Z',
          },
        };
      }
      if (url.startsWith('/api/v1/sync/')) return refusal(401, 'AUTH_REQUIRED');
      return undefined;
    });
    render(<SyncDashboard />);
    const form = await screen.findByRole('region', { name: 'Admin sign-in' });
    expect(form).toHaveTextContent('You are not signed in.');
    expect(screen.queryByLabelText(/token/i)).toBeNull();
    expect(document.cookie).not.toMatch(/courtsync_admin/);
    // Every admin call went with the browser's sign-in cookies, and no other credential.
    expect(adminCalls().length).toBeGreaterThan(0);
    for (const c of adminCalls()) {
      expect(c.init.credentials).toBe('same-origin');
      expect(JSON.stringify(c.init.headers)).not.toMatch(/authorization/i);
    }

    fireEvent.change(screen.getByTestId('login-email'), {
      target: { value: 'admin@courtsync.demo' },
    });
    fireEvent.change(screen.getByTestId('login-password'), {
      target: { value: 'courtsync-demo' },
    });
    fireEvent.click(screen.getByTestId('login-submit'));
    // Signed in, the app remembers who (the header shows it), then reloads this page and with
    // it the data (jsdom does not navigate to the same URL: nothing to see of that here).
    await waitFor(async () =>
      expect(await readSessionUser(openCourtSyncDb())).toMatchObject({ role: 'admin' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('login-error')).toBeNull();
    const login = calls.find((c) => c.url === API.login);
    expect(login?.init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(JSON.parse(String(login?.init.body))).toEqual({
      email: 'admin@courtsync.demo',
      password: 'courtsync-demo',
    });
  });

  it('403: says who is signed in and that the admin role is required', async () => {
    serve((url) => {
      if (url === API.session)
        return { status: 200, body: { user: { ...SCORER, role: 'scorekeeper' } } };
      if (url.startsWith('/api/v1/sync/')) return refusal(403, 'FORBIDDEN');
      return undefined;
    });
    render(<SyncDashboard />);
    const forbidden = await screen.findByTestId('admin-forbidden');
    await waitFor(() =>
      expect(forbidden).toHaveTextContent(
        'You are signed in as Sam Scorer (scorer1@courtsync.demo, scorekeeper).',
      ),
    );
    expect(forbidden).toHaveTextContent('The admin role is required');
    expect(screen.getByTestId('login-form')).toBeInTheDocument();
    expect(screen.queryByTestId('overall-status')).toBeNull();
  });
});

describe('adminApi', () => {
  it('renews a lapsed sign-in once with the refresh cookie and asks again', async () => {
    let renewed = false;
    serve((url, init) => {
      if (url === API.session) return { status: 200, body: { user: null } };
      if (url === API.refresh && init.method === 'POST') {
        renewed = true;
        return { status: 200, body: {} };
      }
      if (url === API.auditLog) {
        return renewed ? { status: 200, body: { triggers: [] } } : refusal(401, 'TOKEN_EXPIRED');
      }
      return undefined;
    });
    await expect(adminApi.auditLog()).resolves.toEqual({ triggers: [] });
    expect(calls.map((c) => c.url)).toEqual([API.auditLog, API.session, API.refresh, API.auditLog]);
  });

  it('an expired sign-in that cannot be renewed is a 401 TOKEN_EXPIRED (the sign-in form)', async () => {
    serve((url) => {
      if (url === API.session) return { status: 200, body: { user: null } };
      if (url === API.refresh) return refusal(401, 'TOKEN_INVALID');
      if (url === API.auditLog) return refusal(401, 'TOKEN_EXPIRED');
      return undefined;
    });
    const error = await adminApi.auditLog().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(calls.map((c) => c.url)).toEqual([API.auditLog, API.session, API.refresh]);
  });

  it('does not try to renew when nobody is signed in, and says why it was refused', async () => {
    serve((url) => (url === API.auditLog ? refusal(401, 'AUTH_REQUIRED') : undefined));
    const error = await adminApi.auditLog().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    expect(calls.map((c) => c.url)).toEqual([API.auditLog]);
  });
});
