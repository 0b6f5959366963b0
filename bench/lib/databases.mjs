// Fresh databases for one bench run: a PGlite directory or a PostgreSQL database, and the
// bench's matches written straight into them (the API has no "create match" route).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgliteCreateOptions } from '../../scripts/prepare-database.mjs';

/** The PostgreSQL admin URL: BENCH_DATABASE_URL, TEST_DATABASE_URL, else the machine's server. */
export const PG_ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://root@127.0.0.1:5432/test';

/** A new empty PGlite data directory (the server creates and migrates it on start). */
export function freshPgliteDir() {
  const base = mkdtempSync(path.join(tmpdir(), 'courtsync-bench-'));
  return {
    dataDir: path.join(base, 'pglite'),
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Creates a new database on the PostgreSQL server; `drop()` removes it again. */
export async function freshPgDatabase(adminUrl = PG_ADMIN_URL) {
  const name = `courtsync_bench_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl, text) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs `work(query)` on PostgreSQL (a second connection is fine there). */
export async function withPg(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work((text, params) => client.query(text, params));
  } finally {
    await client.end();
  }
}

/** Runs `work(query)` on a PGlite directory; only while no server has it open (single process). */
export async function withPglite(dataDir, work) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(pgliteCreateOptions(PGlite, dataDir));
  try {
    return await work((text, params) => db.query(text, params));
  } finally {
    await db.close();
  }
}

/** The tournament every bench match belongs to. */
export const TOURNAMENT = 'bench-open';

/**
 * Inserts the bench tournament and `matches` ({id, format, state}) as scheduled matches with
 * the empty state the scoring package derives, the way the demo seed does.
 */
export async function insertMatches(query, matches) {
  await query(
    `INSERT INTO tournaments (id, name, location, starts_on, ends_on)
     VALUES ($1, 'Bench Open', 'Benchmark Hall', current_date, current_date)
     ON CONFLICT (id) DO NOTHING`,
    [TOURNAMENT],
  );
  for (let i = 0; i < matches.length; i += 500) {
    const chunk = matches.slice(i, i + 500);
    const values = chunk.map((_, k) => `($${k * 3 + 1}, $${k * 3 + 2}, $${k * 3 + 3}::jsonb)`);
    await query(
      `INSERT INTO matches (id, tournament_id, format, team_a, team_b, court, scheduled_at, state)
       SELECT v.id, '${TOURNAMENT}', v.format, 'Team A', 'Team B', 'Bench court', now(), v.state
       FROM (VALUES ${values.join(', ')}) AS v(id, format, state)`,
      chunk.flatMap((m) => [m.id, m.format, JSON.stringify(m.state)]),
    );
  }
}
