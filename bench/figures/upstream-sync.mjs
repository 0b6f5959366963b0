// Figure 9 — upstream sync: a full sync of 100 tournaments / 5,000 matches from the simulator
// at 50 ms per call (tournaments job, then schedules job), and an unchanged rerun's calls.
import { spawn } from 'node:child_process';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { ROOT } from '../lib/paths.mjs';
import { log, SETTINGS } from '../lib/settings.mjs';
import { round } from '../lib/stats.mjs';

/** Runs bench/lib/upstream-probe.ts with tsx and resolves with its JSON line. */
function runProbe() {
  return new Promise((resolve, reject) => {
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, ['bench/lib/upstream-probe.ts'], {
      cwd: ROOT,
      env: { ...process.env, UPSTREAM_PROBE_PORT: String(SETTINGS.port + 3), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('UPSTREAM_PROBE '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('UPSTREAM_PROBE '.length)));
      else reject(new Error(`upstream probe exited ${code}: ${err.slice(-500)}`));
    });
  });
}

/** Figure 9 from one probe run. */
export async function measureUpstreamSync() {
  log('9 upstream sync: simulator with 100 tournaments × 50 matches at 50 ms, fresh PGlite');
  const raw = await runProbe();
  const seconds = raw.first.wallMs / 1000;
  const fewerCalls = 1 - raw.second.calls / raw.first.calls;
  const fewerWrites = 1 - raw.second.writes / raw.first.writes;
  log(
    `9 upstream sync: first ${seconds.toFixed(1)} s, ${raw.first.calls} → ${raw.second.calls} calls`,
  );
  return makeFigure({
    id: '9',
    name: 'upstream sync, 100 tournaments / 5,000 matches',
    value: round(seconds, 2),
    unit: 's',
    digits: 1,
    display: `first ${formatNumber(seconds, 1)} s; second ${formatNumber(fewerCalls * 100, 0)} % fewer calls`,
    target: {
      text: 'first ≤ 15 s; second ≥ 60 % fewer calls',
      met: seconds <= 15 && fewerCalls >= 0.6,
    },
    ratio: {
      value: round(fewerCalls * 100, 1),
      text: `${raw.first.calls} → ${raw.second.calls} calls, ${raw.first.writes} → ${raw.second.writes} writes (${formatNumber(fewerWrites * 100, 0)} % fewer)`,
    },
    details: raw,
  });
}
