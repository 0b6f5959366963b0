// Figure 10 — server start: `npm start --no-build` (scripts/start.mjs, after the build and its
// prepared database, as `npm start` runs them) to the first page with its data, on a fresh
// PGlite data directory (10a) and again on the same directory after a SIGKILL (10b).
//
// The clock starts at the spawn of `node scripts/start.mjs --no-build` and stops once both the
// home page (GET /) and the data it shows (GET /api/v1/tournaments, which needs the database)
// have answered 200, polled every 25 ms: a page whose list would still spin does not count.
// The server's "database ready" log line gives the breakdown (copy of the prepared database,
// PGlite start, migrations, seed). After the first page the server is SIGKILLed (the whole
// process group: npm start's node, next and the upstream simulator) — the seed's writes are
// then only in the WAL, so the restart goes through PGlite's crash recovery — and started again
// on the same directory. As with `npm start`, the upstream simulator starts alongside (its port
// BENCH_PORT + 103) and the app syncs from it once the database is ready.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { ROOT } from '../lib/paths.mjs';
import { median, round } from '../lib/stats.mjs';

/** Targets of issue #14, ms. */
export const START_TARGETS = { fresh: 5000, afterKill: 2000 };

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the ms (from `t0`) at which `url` first answered 200. */
async function firstOk(url, t0, deadline) {
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - t0;
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 in time`);
    await delay(25);
  }
}

/** One start: spawn, wait for page + data, then SIGKILL the process group. */
async function startOnce({ port, dataDir, timeoutMs = 60_000 }) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // npm start also starts the upstream simulator: on a port of the bench's own, not 4100.
    env: {
      ...process.env,
      PORT: String(port),
      UPSTREAM_SIM_PORT: String(port + 100),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let databaseReady;
  let output = '';
  const onData = (chunk) => {
    output += chunk;
    for (const line of chunk.toString().split('\n')) {
      if (!line.includes('"database ready"')) continue;
      try {
        databaseReady = { atMs: performance.now() - t0, ...JSON.parse(line) };
      } catch {
        // A line cut in two chunks; the figure does not depend on it.
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = t0 + timeoutMs;
    const [pageMs, dataMs] = await Promise.all([
      firstOk(`${base}/`, t0, deadline),
      firstOk(`${base}/api/v1/tournaments`, t0, deadline),
    ]);
    const { time: _time, level: _level, msg: _msg, ...boot } = databaseReady ?? {};
    return {
      ms: Math.max(pageMs, dataMs),
      pageMs: round(pageMs),
      dataMs: round(dataMs),
      databaseReadyMs: databaseReady ? round(databaseReady.atMs) : null,
      boot,
    };
  } catch (error) {
    throw new Error(`${error.message}; server output: ${output.slice(-600)}`);
  } finally {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
  }
}

/** `runs` × (fresh start, restart after SIGKILL), each on its own fresh directory. */
export async function measureServerStart({ port, runs, log }) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const base = mkdtempSync(path.join(os.tmpdir(), 'courtsync-start-'));
    const dataDir = path.join(base, 'pglite');
    try {
      const load = os.loadavg()[0];
      const fresh = await startOnce({ port, dataDir });
      const afterKill = await startOnce({ port, dataDir });
      log(
        `10 start ${run + 1}/${runs}: fresh ${round(fresh.ms)} ms, after SIGKILL ${round(afterKill.ms)} ms`,
      );
      samples.push({ loadAverage: round(load, 2), fresh, afterKill });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
  return samples;
}

/** Figures 10a (fresh data directory) and 10b (after SIGKILL): medians of the runs. */
export function serverStartFigures(samples) {
  const figure = (id, key, label, target) => {
    const values = samples.map((s) => s[key].ms);
    const value = median(values);
    const pages = median(samples.map((s) => s[key].pageMs));
    return makeFigure({
      id,
      name: `npm start to first page + data, ${label}`,
      value: round(value),
      unit: 'ms',
      display: `${formatNumber(value, 0)} ms (page ${formatNumber(pages, 0)})`,
      target: { text: `≤ ${formatNumber(target, 0)} ms`, met: value <= target },
      details: {
        runs: samples.length,
        samplesMs: values.map((v) => round(v)),
        loadAverages: samples.map((s) => s.loadAverage),
        starts: samples.map((s) => s[key]),
      },
    });
  };
  return [
    figure('10a', 'fresh', 'fresh data directory', START_TARGETS.fresh),
    figure('10b', 'afterKill', 'after SIGKILL', START_TARGETS.afterKill),
  ];
}
