import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { startUpstreamSim } from '@courtsync/upstream-sim';
import type { UpstreamSim } from '@courtsync/upstream-sim';
import { DEMO_PASSWORD, signInAs, USERS, type DemoUser } from './support/auth';
import { ownServer } from './support/own-server';
import type { OwnServer } from './support/own-server';

// Its own server: it needs the upstream simulator (and a scraper's token) in its environment.
// Admins are the seeded demo admin (F21 sign-in); there is no static admin token any more.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const METRICS_TOKEN = 'e2e-metrics-scrape-token';

let sim: UpstreamSim;
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  sim = await startUpstreamSim({ season: { tournaments: 3, matchesPerTournament: 4 } });
  server = ownServer(PORT, {
    METRICS_TOKEN,
    VIS_URL: sim.visUrl,
    VIS_USERNAME: 'courtsync',
    VIS_PASSWORD: 'vis-secret',
    UPSTREAM_SYNC: 'on',
  });
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
  await sim?.close();
});

/** Every admin API with a harmless request: [method, path, body]. */
const ADMIN_ROUTES: [string, string, unknown?][] = [
  ['GET', API.healthOverview],
  ['GET', `${API.performanceHistory}?period=24h&entity=tournaments`],
  ['GET', API.tournamentSync],
  ['GET', API.alerts],
  ['POST', API.acknowledgeAlert(1), {}],
  ['GET', API.syncErrors],
  ['POST', API.resolveSyncError(1), { notes: 'x' }],
  ['POST', API.manualTrigger, { entity_type: 'schedules', priority: 'EMERGENCY', reason: 'nope' }],
  ['GET', API.manualTriggerRun('01J0000000000000000000000')],
  ['GET', API.auditLog],
  ['GET', API.alertRules],
  ['PUT', API.alertRule('memory'), { threshold: 1 }],
  ['POST', API.pauseJob('schedules'), {}],
  ['POST', API.resumeJob('schedules'), {}],
];

/** Every admin API answers `status` / `code` to `send` (method, url, body → status, code). */
async function expectEveryAdminRoute(
  send: (
    method: string,
    url: string,
    data: unknown,
  ) => Promise<{ status(): number; json(): Promise<unknown> }>,
  status: number,
  code: string,
) {
  for (const [method, path, body] of ADMIN_ROUTES) {
    const response = await send(method, `${server.base}${path}`, body);
    const answer = (await response.json()) as { error?: { code?: string } };
    expect([method, path, response.status(), answer.error?.code]).toEqual([
      method,
      path,
      status,
      code,
    ]);
  }
}

test('a signed-in scorekeeper gets 403 on every admin API; no or a stale static token 401', async () => {
  const scorer = await playwrightRequest.newContext();
  const stranger = await playwrightRequest.newContext();
  try {
    await signInAs(scorer, 'scorer1', server.base);
    const session = await scorer.get(`${server.base}${API.session}`);
    expect(((await session.json()) as { user: { role: string } }).user.role).toBe('scorekeeper');
    await expectEveryAdminRoute(
      (method, url, data) => scorer.fetch(url, { method, data }),
      403,
      'FORBIDDEN',
    );
    expect((await scorer.get(`${server.base}${API.metrics}`)).status()).toBe(403);

    await expectEveryAdminRoute(
      (method, url, data) => stranger.fetch(url, { method, data }),
      401,
      'AUTH_REQUIRED',
    );
    // What used to be the ADMIN_TOKEN is just a malformed access token now.
    await expectEveryAdminRoute(
      (method, url, data) =>
        stranger.fetch(url, {
          method,
          data,
          headers: { authorization: 'Bearer e2e-admin-token' },
        }),
      401,
      'TOKEN_INVALID',
    );
    // A Prometheus scraper has no user: the METRICS_TOKEN opens /api/metrics, and only it.
    expect((await stranger.get(`${server.base}${API.metrics}`)).status()).toBe(401);
    const scrape = await stranger.get(`${server.base}${API.metrics}`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.status()).toBe(200);
    expect(await scrape.text()).toMatch(/^# (HELP|TYPE) courtsync_/m);
    const overview = await stranger.get(`${server.base}${API.healthOverview}`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(overview.status()).toBe(401);
  } finally {
    await scorer.dispose();
    await stranger.dispose();
  }
});

/** Signs in through the dashboard's sign-in form (the app's own, F21); the page reloads. */
async function signInOnDashboard(page: Page, who: DemoUser) {
  const form = page.getByRole('region', { name: 'Admin sign-in' });
  await form.getByLabel('E-mail').fill(USERS[who]);
  await form.getByLabel('Password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForEvent('load'),
    form.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

test('an admin signs in, sees every job and the charts, runs an EMERGENCY sync of one tournament and finds it in the audit log', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const today = new Date().toISOString().slice(0, 10);
  const [running] = [...sim.season.tournaments.values()].filter(
    (t) => t.startDate <= today && today <= t.endDate,
  );
  expect(running).toBeDefined();
  const tournamentNo = String(running?.no);

  await page.goto(`${server.base}/admin/sync`);
  // Nobody signed in: the admin APIs answer 401 and the dashboard asks to sign in, no token box.
  const signIn = page.getByRole('region', { name: 'Admin sign-in' });
  await expect(signIn.getByTestId('admin-signed-out')).toContainText('You are not signed in.');
  await expect(page.getByLabel('Admin token')).toHaveCount(0);
  // A scorekeeper is signed in, but not as an admin: 403, and the dashboard says who.
  await signInOnDashboard(page, 'scorer1');
  await expect(signIn.getByTestId('admin-forbidden')).toContainText(
    `You are signed in as Sam Scorer (${USERS.scorer1}, scorekeeper).`,
  );
  await expect(signIn.getByTestId('admin-forbidden')).toContainText('The admin role is required');
  await expect(page.getByTestId('overall-status')).toHaveCount(0);
  const refused = await page.request.get(`${server.base}${API.healthOverview}`);
  expect(refused.status()).toBe(403);
  // The demo admin signs in on the same form.
  await signInOnDashboard(page, 'admin');

  await expect(page.getByTestId('overall-status')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveAttribute('data-role', 'admin');
  // The page's own sign-in (its httpOnly cookies) is what the admin APIs admit.
  const overview = await page.request.get(`${server.base}${API.healthOverview}`);
  expect(overview.status()).toBe(200);
  const jobs = ((await overview.json()) as { jobs: { job: string }[] }).jobs.map((j) => j.job);
  expect(jobs).toEqual(expect.arrayContaining(['tournaments', 'schedules', 'live-results']));
  for (const job of jobs) await expect(page.getByTestId(`job-card-${job}`)).toBeVisible();
  await expect(page.getByTestId('history-charts')).toBeVisible();
  // Three recharts charts: success rate, duration (avg and max lines), errors by type.
  const charts = page.getByTestId('history-charts');
  await expect(charts.locator('.recharts-wrapper')).toHaveCount(3);
  await expect(charts.locator('.recharts-line')).toHaveCount(3);

  const form = page.getByRole('form', { name: 'Manual sync' });
  await form.getByLabel('Job').selectOption('schedules');
  await form.getByLabel('Tournament no. (optional)').fill(tournamentNo);
  await form.getByLabel('Priority').selectOption('EMERGENCY');
  const reason = `Court change for tournament ${tournamentNo} reported by the referee`;
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('trigger-progress')).toBeVisible();
  await expect(page.getByTestId('trigger-status')).toHaveText('SUCCEEDED', { timeout: 60_000 });

  const audit = page.getByTestId('audit-log');
  const row = audit.locator('tr', { hasText: reason });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('EMERGENCY');
  await expect(row).toContainText(`schedules #${tournamentNo}`);
  await expect(row).toContainText('SUCCESS');
  // Recorded under the admin who asked for it.
  await expect(row).toContainText(USERS.admin);
});
