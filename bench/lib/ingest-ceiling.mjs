// The raw insert ceiling of figure 5: the rows the push path just stored, inserted again into
// the same database by the bench itself — no HTTP, no validation, no scoring rules, no match
// state, cursors or feed head — in the same batches (one device's push of 100 ops = one
// INSERT statement, its own transaction) and with the same concurrency the server has
// towards its database (PostgreSQL: a pool of 10 connections shared by the 20 devices;
// PGlite: its one session). The target table is a copy of match_events with every index,
// unique key and check (`LIKE … INCLUDING ALL`), so each row costs what it costs the server.
// Untimed warm-up first (the devices' warm-up pushes), like the ingest itself.
import pg from 'pg';

const COLUMNS = [
  'match_id text',
  'tournament_id text',
  'position int',
  'op_id text',
  'client_id text',
  'seq int',
  'type text',
  'payload jsonb',
  'client_time timestamptz',
  'feed_position bigint',
  'server_time timestamptz',
];
const NAMES = COLUMNS.map((c) => c.split(' ')[0]).join(', ');
const TABLE = 'bench_ceiling_events';
const INSERT = `INSERT INTO ${TABLE} (${NAMES})
  SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.join(', ')})`;

/** Connections of the PostgreSQL ceiling: the server's pool size (open-database.ts). */
export const CEILING_PG_CONNECTIONS = 10;

/**
 * The stored ingest rows as the devices sent them: per device, its warm-up batch and its timed
 * batches of `batch` rows in seq order. `query(text)` resolves with `{ rows }`.
 */
export async function readIngestBatches(query, batch) {
  const { rows } = await query(
    `SELECT ${NAMES} FROM match_events WHERE match_id LIKE 'ingest-%' ORDER BY client_id, seq`,
  );
  const byClient = new Map();
  for (const row of rows) {
    const device = byClient.get(row.client_id) ?? { warmup: [], timed: [] };
    byClient.set(row.client_id, device);
    // Values as JSON can carry them (bigint and timestamps as text).
    const plain = {
      ...row,
      feed_position: String(row.feed_position),
      client_time: new Date(row.client_time).toISOString(),
      server_time: new Date(row.server_time).toISOString(),
    };
    (row.match_id.endsWith('-warm') ? device.warmup : device.timed).push(plain);
  }
  return [...byClient.values()].map(({ warmup, timed }) => {
    const batches = [];
    for (let i = 0; i < timed.length; i += batch) batches.push(timed.slice(i, i + batch));
    return { warmup, batches };
  });
}

/** Runs every device's batches in order, all devices at once, through `insert(rows)`. */
async function insertAll(devices, pick, insert) {
  await Promise.all(
    devices.map(async (device) => {
      for (const rows of pick(device)) await insert(JSON.stringify(rows));
    }),
  );
}

/** Times the timed batches after an untimed warm-up; returns rows per second and more. */
async function timeCeiling(devices, insert) {
  await insertAll(devices, (d) => (d.warmup.length > 0 ? [d.warmup] : []), insert);
  const rows = devices.reduce((n, d) => n + d.batches.reduce((k, b) => k + b.length, 0), 0);
  const startedAt = performance.now();
  await insertAll(devices, (d) => d.batches, insert);
  const seconds = (performance.now() - startedAt) / 1000;
  return { rowsPerSecond: rows / seconds, rows, seconds };
}

/** The ceiling on PostgreSQL at `url` (the ingest server may still be running). */
export async function postgresCeiling(url, devices) {
  const pool = new pg.Pool({ connectionString: url, max: CEILING_PG_CONNECTIONS });
  try {
    await pool.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await pool.query(`CREATE TABLE ${TABLE} (LIKE match_events INCLUDING ALL)`);
    const result = await timeCeiling(devices, (json) => pool.query(INSERT, [json]));
    await pool.query(`DROP TABLE ${TABLE}`);
    return { ...result, connections: CEILING_PG_CONNECTIONS };
  } finally {
    await pool.end();
  }
}

/** The ceiling on the PGlite directory `dataDir`, opened here (no server may hold it). */
export async function pgliteCeiling(dataDir, devices) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir });
  try {
    await db.query(`CREATE TABLE ${TABLE} (LIKE match_events INCLUDING ALL)`);
    const result = await timeCeiling(devices, (json) => db.query(INSERT, [json]));
    await db.query(`DROP TABLE ${TABLE}`);
    return { ...result, connections: 1 };
  } finally {
    await db.close();
  }
}
