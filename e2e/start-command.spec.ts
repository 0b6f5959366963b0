import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { tournamentListResponseSchema } from '@courtsync/protocol';

// `npm start` = build + scripts/start.mjs. npm test has just built, so these run the same
// script with --no-build: a fresh embedded database is created, migrated and seeded, PORT is
// honoured, and SIGTERM closes the database and exits cleanly.

/** Starts `scripts/start.mjs --no-build` on `port` with a fresh PGlite directory. */
async function startApp(request: APIRequestContext, port: number) {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'courtsync-start-')), 'pglite');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a hung server can be killed with the `next` child it started.
    detached: true,
  });
  const app = { server, dataDir, base: `http://127.0.0.1:${port}`, output: '' };
  server.stdout.on('data', (d: Buffer) => (app.output += d.toString()));
  server.stderr.on('data', (d: Buffer) => (app.output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    server.on('exit', (code) => resolve(code)),
  );
  await expect
    .poll(async () => (await request.get(`${app.base}/api/health`).catch(() => null))?.status(), {
      timeout: 60_000,
    })
    .toBe(200);

  /** SIGTERM, then the exit code (null if it has not exited within `timeoutMs`). */
  const stop = async (timeoutMs = 30_000) => {
    server.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs));
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout' && server.pid) process.kill(-server.pid, 'SIGKILL');
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    return code;
  };
  return Object.assign(app, { stop });
}

test('npm start serves the demo tournament on PORT from a fresh embedded database', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const app = await startApp(request, 3190);
  try {
    expect(existsSync(app.dataDir)).toBe(true);
    const list = tournamentListResponseSchema.parse(
      await (await request.get(`${app.base}/api/v1/tournaments`)).json(),
    );
    const demo = list.tournaments.find((t) => t.id === 'demo-open');
    expect(demo?.matches.map((m) => m.id).sort()).toEqual([
      'demo-beach-1',
      'demo-beach-2',
      'demo-beach-3',
      'demo-indoor-1',
      'demo-indoor-2',
    ]);
    const home = await request.get(`${app.base}/`);
    expect(home.status()).toBe(200);
    expect(await home.text()).toContain('manifest.webmanifest');
  } finally {
    expect(await app.stop(), app.output.slice(-2000)).toBe(0);
  }
  expect(app.output).toContain('shutting down');
});

test('the server keeps serving, and stops on SIGTERM, after its log reader goes away', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const app = await startApp(request, 3191);
  // A closed terminal or a killed supervisor: every later log write fails with EPIPE.
  app.server.stdout.destroy();
  app.server.stderr.destroy();
  try {
    for (let i = 0; i < 5; i++) {
      // Each request logs to the closed stdout; a server caught in the EPIPE loop would not
      // answer, so fail fast, well inside the test's timeout.
      const health = await request.get(`${app.base}/api/health`, { timeout: 10_000 });
      expect(health.status()).toBe(200);
      const missing = await request.get(`${app.base}/api/v1/matches/none`, { timeout: 10_000 });
      expect(missing.status()).toBe(404);
    }
  } finally {
    expect(await app.stop(20_000)).toBe(0);
  }
});
