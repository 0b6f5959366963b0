// Figure 9's measurement, run by tsx in its own process (the server's TypeScript as it is):
// the simulator with 100 running tournaments × 50 matches at 50 ms per call, a fresh PGlite
// directory, then the tournaments + schedules jobs twice. Prints one JSON line on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SimClock, startUpstreamSim } from '../../packages/upstream-sim/src/index';
import { openDatabase } from '../../packages/server/src/db/open-database';
import { createUpstreamSync } from '../../packages/server/src/upstream/sync-service';
import type { RunOutcome } from '../../packages/server/src/upstream/runner/job-types';

const port = Number(process.env.UPSTREAM_PROBE_PORT ?? 0);

function summary(outcome: RunOutcome) {
  if (!outcome.ran) throw new Error(`${outcome.job} did not run: ${outcome.reason}`);
  if (outcome.status !== 'success') throw new Error(`${outcome.job}: ${outcome.errorMessage}`);
  return {
    ms: outcome.durationMs,
    calls: outcome.upstreamCalls,
    writes: outcome.writes,
    records: outcome.records,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtsync-bench-upstream-'));
  // Frozen clock: the rerun sees exactly the data of the first run (the "unchanged" case).
  const sim = await startUpstreamSim({
    port,
    clock: new SimClock({ frozen: true }),
    latencyMs: 50,
    season: { tournaments: 100, matchesPerTournament: 50, allRunning: true },
  });
  const handle = await openDatabase({
    dataDir: path.join(dir, 'pglite'),
    migrationsDir: path.resolve('packages/server/drizzle'),
  });
  try {
    const sync = createUpstreamSync(handle.db, {
      vis: { url: sim.visUrl, credentials: { username: 'courtsync', password: 'vis-secret' } },
      catchUp: false,
    });
    const run = async () => {
      const started = performance.now();
      const tournaments = summary(await sync.runner.run('tournaments'));
      const schedules = summary(await sync.runner.run('schedules'));
      const wallMs = performance.now() - started;
      return {
        wallMs,
        calls: tournaments.calls + schedules.calls,
        writes: tournaments.writes + schedules.writes,
        matches: schedules.records,
        tournaments: tournaments.records,
        jobs: { tournaments, schedules },
      };
    };
    const first = await run();
    const second = await run();
    // Prefixed: the server's own JSON log lines may share stdout.
    console.log(
      `UPSTREAM_PROBE ${JSON.stringify({ first, second, simRequests: sim.requests.entries.length })}`,
    );
  } finally {
    await handle.close();
    await sim.close();
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
