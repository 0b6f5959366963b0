// Figure 5 on both engines, each on its own fresh server: PostgreSQL (when reachable), PGlite.
import path from 'node:path';
import pg from 'pg';
import { attempt } from '../lib/attempt.mjs';
import { PG_ADMIN_URL } from '../lib/databases.mjs';
import {
  ceilingBatches,
  combineCeilings,
  pgliteCeiling,
  postgresCeiling,
} from '../lib/ingest-ceiling.mjs';
import { notMeasured } from '../lib/figure.mjs';
import { withEmptyState } from '../lib/match-plan.mjs';
import { seededRandom } from '../lib/op-scripts.mjs';
import { RESULTS_DIR } from '../lib/paths.mjs';
import { startSeededServer } from '../lib/seeded-server.mjs';
import { log, selected, SETTINGS } from '../lib/settings.mjs';
import {
  INGEST,
  ingestFigure,
  ingestMatchList,
  measureIngest,
  planIngest,
} from '../figures/ingest.mjs';

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One engine's ingest figure on its own fresh server, with the insert ceiling before and after. */
async function ingestOn({ engine, id, minimum, lib, cleanup }) {
  const label = engine === 'pg' ? 'PostgreSQL' : 'PGlite';
  const devices = planIngest(lib, seededRandom(5));
  const rows = ceilingBatches(devices, INGEST.batch);
  const ceilingLog = (when, c) =>
    log(`5 ingest on ${label}: ceiling ${when} ${Math.round(c.rowsPerSecond)} rows/s`);
  log(`5 ingest on ${label}: starting a fresh server`);
  let before;
  const server = await startSeededServer({
    engine,
    port: SETTINGS.port + 2,
    matches: withEmptyState(lib, ingestMatchList()),
    logFile: path.join(RESULTS_DIR, `server-ingest-${engine}.log`),
    // PGlite admits one process: its ceiling runs while no server holds the directory.
    beforeStart: async (dataDir) => {
      before = await pgliteCeiling(dataDir, rows);
    },
  });
  const stop = cleanup.add(`${label} ingest server`, server.stop);
  try {
    if (engine === 'pg') before = await postgresCeiling(server.databaseUrl, rows);
    ceilingLog('before', before);
    const raw = await measureIngest({ url: server.url, devices });
    log(`5 ingest on ${label}: ${Math.round(raw.opsPerSecond)} ops/s`);
    let after;
    if (engine === 'pg') after = await postgresCeiling(server.databaseUrl, rows);
    else {
      await server.halt();
      after = await pgliteCeiling(server.dataDir, rows);
    }
    ceilingLog('after', after);
    const ceiling = combineCeilings(before, after);
    if (ceiling.rows !== raw.applied)
      throw new Error(
        `ceiling inserted ${ceiling.rows} rows, the push path applied ${raw.applied}`,
      );
    return [ingestFigure({ id, engine: label, minimum, raw, ceiling })];
  } finally {
    await stop();
  }
}

/** Adds figures 5a (PostgreSQL, n/a when no server is reachable) and 5b (PGlite). */
export async function runIngestSuite({ lib, cleanup, figures }) {
  if (!selected('5a')) {
    // Not measured in this run (BENCH_ONLY).
  } else if (await postgresReachable()) {
    await attempt(figures, [{ id: '5a', name: 'server ingest, PostgreSQL' }], () =>
      ingestOn({ engine: 'pg', id: '5a', minimum: 5000, lib, cleanup }),
    );
  } else {
    figures.push(
      notMeasured({
        id: '5a',
        name: 'server ingest, PostgreSQL',
        note: `n/a (PostgreSQL not reachable at ${new URL(PG_ADMIN_URL).host})`,
        target: { text: '≥ 5,000 ops/s', met: true },
      }),
    );
  }
  if (selected('5b')) {
    await attempt(figures, [{ id: '5b', name: 'server ingest, PGlite' }], () =>
      ingestOn({ engine: 'pglite', id: '5b', minimum: 1000, lib, cleanup }),
    );
  }
}
