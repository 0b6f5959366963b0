import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tournamentListResponseSchema } from '@courtsync/protocol';

// `npm start` = build + scripts/start.mjs. npm test has just built, so this runs the same
// script with --no-build: a fresh embedded database is created, migrated and seeded, PORT is
// honoured, and SIGTERM closes the database and exits cleanly.
test('npm start serves the demo tournament on PORT from a fresh embedded database', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'courtsync-start-')), 'pglite');
  const port = 3190;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    server.on('exit', (code) => resolve(code)),
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await request.get(`${base}/api/health`).catch(() => null))?.status(), {
        timeout: 60_000,
      })
      .toBe(200);
    expect(existsSync(dataDir)).toBe(true);

    const list = tournamentListResponseSchema.parse(
      await (await request.get(`${base}/api/v1/tournaments`)).json(),
    );
    const demo = list.tournaments.find((t) => t.id === 'demo-open');
    expect(demo?.matches.map((m) => m.id).sort()).toEqual([
      'demo-beach-1',
      'demo-beach-2',
      'demo-beach-3',
      'demo-indoor-1',
      'demo-indoor-2',
    ]);
    const home = await request.get(`${base}/`);
    expect(home.status()).toBe(200);
    expect(await home.text()).toContain('manifest.webmanifest');
  } finally {
    server.kill('SIGTERM');
    const code = await exited;
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    expect(code, output.slice(-2000)).toBe(0);
  }
  expect(output).toContain('shutting down');
});
