// The raw insert ceiling of figure 5: the rows the push path stores for the ingest's ops,
// inserted into the same database by the bench itself — no HTTP, no validation, no scoring
// rules, no match state, cursors or feed head — in the same batches (one device's push of
// 100 ops = one INSERT statement, its own transaction) and with the same concurrency the
// server has towards its database (PostgreSQL: a pool of 10 connections shared by the 20
// devices; PGlite: its one session). The target table is a copy of match_events with every
// index, unique key and check (`LIKE … INCLUDING ALL`) and its foreign key to matches, so a
// row costs what it costs the server. The ceiling is measured right before and right after
// the push path (load on a shared machine moves); the figure takes their mean.
import pg from 'pg';
import { TOURNAMENT } from './databases.mjs';
import { pgliteCreateOptions } from '../../scripts/prepare-database.mjs';

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
const SETUP = [
  `DROP TABLE IF EXISTS ${TABLE}`,
  `CREATE TABLE ${TABLE} (LIKE match_events INCLUDING ALL)`,
  `ALTER TABLE ${TABLE} ADD FOREIGN KEY (match_id) REFERENCES matches (id)`,
];

/** Connections of the PostgreSQL ceiling: the server's pool size (open-database.ts). */
export const CEILING_PG_CONNECTIONS = 10;

/**
 * The rows match_events gets for the devices' ops (figures/ingest.mjs planIngest): per
 * device its warm-up batch and its timed batches of `batch` rows, in the order sent. Every op
 * of the ingest is applied, so each becomes one row at the next position of its match.
 */
export function ceilingBatches(devices, batch) {
  const positions = new Map();
  let feedPosition = 0;
  const rowOf = (op) => {
    const position = (positions.get(op.matchId) ?? 0) + 1;
    positions.set(op.matchId, position);
    feedPosition += 1;
    return {
      match_id: op.matchId,
      tournament_id: TOURNAMENT,
      position,
      op_id: op.opId,
      client_id: op.clientId,
      seq: op.seq,
      type: op.type,
      payload: op.payload,
      client_time: op.clientTime,
      feed_position: feedPosition,
      server_time: new Date().toISOString(),
    };
  };
  return devices.map(({ warmupOps, timedOps }) => {
    const timed = timedOps.map(rowOf);
    const batches = [];
    for (let i = 0; i < timed.length; i += batch) batches.push(timed.slice(i, i + batch));
    return { warmup: warmupOps.map(rowOf), batches };
  });
}

/** Runs every device's batches in order, all devices at once, through `insert(json)`. */
async function insertAll(devices, pick, insert) {
  await Promise.all(
    devices.map(async (device) => {
      for (const rows of pick(device)) await insert(JSON.stringify(rows));
    }),
  );
}

/** A fresh ceiling table, an untimed warm-up, then the timed batches; rows per second. */
async function timeCeiling(devices, query) {
  for (const statement of SETUP) await query(statement);
  const insert = (json) => query(INSERT, [json]);
  await insertAll(devices, (d) => [d.warmup], insert);
  const rows = devices.reduce((n, d) => n + d.batches.reduce((k, b) => k + b.length, 0), 0);
  const startedAt = performance.now();
  await insertAll(devices, (d) => d.batches, insert);
  const seconds = (performance.now() - startedAt) / 1000;
  await query(`DROP TABLE ${TABLE}`);
  return { rowsPerSecond: rows / seconds, rows, seconds };
}

/** The ceiling on PostgreSQL at `url` (the ingest server may be running, idle). */
export async function postgresCeiling(url, devices) {
  const pool = new pg.Pool({ connectionString: url, max: CEILING_PG_CONNECTIONS });
  try {
    const result = await timeCeiling(devices, (text, params) => pool.query(text, params));
    return { ...result, connections: CEILING_PG_CONNECTIONS };
  } finally {
    await pool.end();
  }
}

/** The ceiling on the PGlite directory `dataDir`, opened here (no server may hold it). */
export async function pgliteCeiling(dataDir, devices) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(pgliteCreateOptions(PGlite, dataDir));
  try {
    const result = await timeCeiling(devices, (text, params) => db.query(text, params));
    return { ...result, connections: 1 };
  } finally {
    await db.close();
  }
}

/** Before and after, and their mean (what the figure compares with). */
export function combineCeilings(before, after) {
  return {
    rowsPerSecond: (before.rowsPerSecond + after.rowsPerSecond) / 2,
    rows: after.rows,
    connections: after.connections,
    before,
    after,
  };
}
