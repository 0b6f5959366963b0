// Figure 9's measurement, run by tsx in its own process (the server's TypeScript as it is).
// The simulator runs in a second process, as a remote provider would (its own CPU is not
// ours): 100 running tournaments × 50 matches, 50 ms per call, frozen clock so the rerun
// sees unchanged data. A fresh PGlite directory; the tournaments and schedules jobs run
// twice. Prints one `UPSTREAM_PROBE {json}` line on stdout.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../packages/server/src/db/open-database';
import type { RunOutcome } from '../../packages/server/src/upstream/runner/job-types';
import { createUpstreamSync } from '../../packages/server/src/upstream/sync-service';

const port = process.env.UPSTREAM_PROBE_PORT ?? '3415';
const simUrl = `http://127.0.0.1:${port}`;

function summary(outcome: RunOutcome) {
  if (!outcome.ran) throw new Error(`${outcome.job} did not run: ${outcome.reason}`);
  if (outcome.status !== 'success') throw new Error(`${outcome.job}: ${outcome.errorMessage}`);
  const { durationMs: ms, upstreamCalls: calls, writes, records } = outcome;
  return { ms, calls, writes, records };
}

/** Starts the simulator CLI and resolves once it listens. */
function startSim() {
  const args = ['packages/upstream-sim/src/cli.ts', '--port', port, '--latency', '50'];
  args.push('--tournaments', '100', '--matches', '50', '--all-running', '--frozen');
  const child = spawn(path.resolve('node_modules/.bin/tsx'), args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('upstream-sim:')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`upstream-sim exited ${code}`)));
  });
  return { child, ready };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtsync-bench-upstream-'));
  const sim = startSim();
  try {
    await sim.ready;
    const handle = await openDatabase({ dataDir: path.join(dir, 'pglite') });
    try {
      const sync = createUpstreamSync(handle.db, {
        vis: {
          url: `${simUrl}/Vis2009/XmlRequest.asmx`,
          credentials: { username: 'courtsync', password: 'vis-secret' },
        },
        catchUp: false,
      });
      const run = async () => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const tournaments = summary(await sync.runner.run('tournaments'));
        const schedules = summary(await sync.runner.run('schedules'));
        return {
          wallMs: performance.now() - started,
          // This process's CPU (the sync and PGlite, not the simulator): the share of the wall
          // time that is ours when the machine is shared.
          cpuMs: Math.round((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000),
          calls: tournaments.calls + schedules.calls,
          writes: tournaments.writes + schedules.writes,
          jobs: { tournaments, schedules },
        };
      };
      const first = await run();
      const second = await run();
      const state = (await (await fetch(`${simUrl}/__sim/state`)).json()) as { requests: number };
      // Prefixed: the server's own JSON log lines share stdout.
      const result = { first, second, simRequests: state.requests };
      console.log(`UPSTREAM_PROBE ${JSON.stringify(result)}`);
    } finally {
      await handle.close();
    }
  } finally {
    sim.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
