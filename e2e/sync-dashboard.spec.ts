import { expect, test } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { startUpstreamSim } from '@courtsync/upstream-sim';
import type { UpstreamSim } from '@courtsync/upstream-sim';
import { ownServer } from './support/own-server';
import type { OwnServer } from './support/own-server';

// Its own server: it needs an admin token and the upstream simulator in its environment.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const ADMIN_TOKEN = 'e2e-admin-token';

let sim: UpstreamSim;
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  sim = await startUpstreamSim({ season: { tournaments: 3, matchesPerTournament: 4 } });
  server = ownServer(PORT, {
    ADMIN_TOKEN,
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

test('non-admins get 403 on every admin API', async ({ request }) => {
  for (const [method, path, body] of ADMIN_ROUTES) {
    const response = await request.fetch(`${server.base}${path}`, {
      method,
      headers: { authorization: 'Bearer a-scorekeeper-token' },
      data: body,
    });
    expect([method, path, response.status()]).toEqual([method, path, 403]);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
  }
  const anonymous = await request.get(`${server.base}${API.healthOverview}`);
  expect(anonymous.status()).toBe(401);
});

test('an admin signs in, sees every job and the charts, runs an EMERGENCY sync of one tournament and finds it in the audit log', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const today = new Date().toISOString().slice(0, 10);
  const [running] = [...sim.season.tournaments.values()].filter(
    (t) => t.startDate <= today && today <= t.endDate,
  );
  expect(running).toBeDefined();
  const tournamentNo = String(running?.no);

  await page.goto(`${server.base}/admin/sync`);
  const signIn = page.getByRole('form', { name: 'Admin sign-in' });
  await signIn.getByLabel('Admin token').fill('not-the-token');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('This account is not an admin.')).toBeVisible();
  await signIn.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await signIn.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByTestId('overall-status')).toBeVisible();
  const overview = await request.get(`${server.base}${API.healthOverview}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
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
  await expect(row).toContainText('admin');
});
