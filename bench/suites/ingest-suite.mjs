// Figure 5 on both engines, each on its own fresh server: PostgreSQL (when reachable), PGlite.
import path from 'node:path';
import pg from 'pg';
import { attempt } from '../lib/attempt.mjs';
import { PG_ADMIN_URL, withPg, withPglite } from '../lib/databases.mjs';
import { pgliteCeiling, postgresCeiling, readIngestBatches } from '../lib/ingest-ceiling.mjs';
import { notMeasured } from '../lib/figure.mjs';
import { withEmptyState } from '../lib/match-plan.mjs';
import { seededRandom } from '../lib/op-scripts.mjs';
import { RESULTS_DIR } from '../lib/paths.mjs';
import { startSeededServer } from '../lib/seeded-server.mjs';
import { log, selected, SETTINGS } from '../lib/settings.mjs';
import { INGEST, ingestFigure, ingestMatchList, measureIngest } from '../figures/ingest.mjs';

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

/** One engine's ingest figure on its own fresh server, stopped right after. */
async function ingestOn({ engine, id, minimum, lib, cleanup }) {
  const label = engine === 'pg' ? 'PostgreSQL' : 'PGlite';
  log(`5 ingest on ${label}: starting a fresh server`);
  const server = await startSeededServer({
    engine,
    port: SETTINGS.port + 2,
    matches: withEmptyState(lib, ingestMatchList()),
    logFile: path.join(RESULTS_DIR, `server-ingest-${engine}.log`),
  });
  const stop = cleanup.add(`${label} ingest server`, server.stop);
  try {
    const raw = await measureIngest({ lib, url: server.url, random: seededRandom(5) });
    log(`5 ingest on ${label}: ${Math.round(raw.opsPerSecond)} ops/s; now its insert ceiling`);
    let ceiling;
    if (engine === 'pg') {
      const batches = await withPg(server.databaseUrl, (q) => readIngestBatches(q, INGEST.batch));
      ceiling = await postgresCeiling(server.databaseUrl, batches);
    } else {
      // PGlite admits one process: the server stops, the bench opens the same directory.
      await server.halt();
      const batches = await withPglite(server.dataDir, (q) => readIngestBatches(q, INGEST.batch));
      ceiling = await pgliteCeiling(server.dataDir, batches);
    }
    if (ceiling.rows !== raw.applied)
      throw new Error(
        `ceiling inserted ${ceiling.rows} rows, the push path applied ${raw.applied}`,
      );
    log(`5 ingest on ${label}: ceiling ${Math.round(ceiling.rowsPerSecond)} rows/s`);
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
