/**
 * The simulator `npm start` runs is its bundle (scripts/upstream-sim-bundle.mjs): built from
 * the current sources, reused while current, and a working simulator over real HTTP.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/upstream-sim-bundle.mjs');
// Inside the repository, so the bundle's imports of zod and fast-xml-parser resolve.
const OUT_DIR = path.join(ROOT, 'packages/upstream-sim/dist', `test-${process.pid}`);
const OUT = path.join(OUT_DIR, 'cli.mjs');

let sim: ChildProcess | undefined;
afterAll(() => {
  sim?.kill('SIGTERM');
  rmSync(OUT_DIR, { recursive: true, force: true });
});

/** Runs the bundle script; its one line says whether it built or reused the file. */
const bundle = async () => (await run(process.execPath, [SCRIPT, OUT], { cwd: ROOT })).stdout;

/** Starts the bundle on a free port; resolves with the base URL it prints. */
function startBundle(): Promise<string> {
  return new Promise((resolve, reject) => {
    sim = spawn(process.execPath, [OUT, '--port', '0', '--frozen'], { cwd: ROOT });
    let out = '';
    sim.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Presto-style (http:\/\/[\d.:]+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    sim.on('exit', (code) => reject(new Error(`simulator exited (${code}): ${out}`)));
  });
}

it('builds the bundle, reuses it while current, rebuilds it after a source changes', async () => {
  expect(await bundle()).toMatch(/built in \d+ ms/);
  expect(await bundle()).toMatch(/current/);
  // A bundle older than a source (dated before any checkout) is stale.
  const old = new Date('2000-01-01T00:00:00Z');
  utimesSync(OUT, old, old);
  expect(await bundle()).toMatch(/built in \d+ ms/);
  expect(statSync(OUT).mtimeMs).toBeGreaterThan(old.getTime());
});

it('runs as the simulator: its control API answers over HTTP', async () => {
  const url = await startBundle();
  const response = await fetch(`${url}/__sim/state`);
  expect(response.status).toBe(200);
  const state = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(state).length).toBeGreaterThan(0);
});
