import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { tournamentListResponseSchema } from '@courtsync/protocol';
import { replay } from '@courtsync/scoring';
import { count, eq, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { applyPush } from '../services/push/apply-push';
import { listTournaments } from '../services/tournaments';
import {
  createTestMatch,
  dbFingerprint,
  TestClient,
  createTestPglite,
  describeEachDatabase,
  dropDatabase,
} from '@courtsync/server/test-support';
import { queryRows } from './raw-rows';
import { resolveMigrationsDir } from './migrate';
import { databaseClient, openDatabase } from './open-database';
import { matches, tournaments } from './schema';
import { DEMO_TOURNAMENT_ID, seedDemoData } from './seed';
import { closeDatabase, getDatabase } from './singleton';

describeEachDatabase('database', (get) => {
  it('is migrated and seeded with the demo tournament', async () => {
    const { db } = get();
    const [demo] = await db
      .select()
      .from(tournaments)
      .where(eq(tournaments.id, DEMO_TOURNAMENT_ID));
    expect(demo?.name).toBe('CourtSync Demo Open');
    expect(demo && demo.startsOn <= demo.endsOn).toBe(true);
    const rows = await db
      .select()
      .from(matches)
      .where(eq(matches.tournamentId, DEMO_TOURNAMENT_ID));
    const demoRows = rows.filter((m) => m.id.startsWith('demo-'));
    expect(demoRows.map((m) => [m.id, m.format]).sort()).toEqual([
      ['demo-beach-1', 'beach'],
      ['demo-beach-2', 'beach'],
      ['demo-beach-3', 'beach'],
      ['demo-indoor-1', 'indoor'],
      ['demo-indoor-2', 'indoor'],
    ]);
    for (const m of demoRows) {
      expect(m.state).toEqual(replay(m.format, []));
      expect(m.teamA).not.toBe(m.teamB);
    }
  });

  it('has the default alert rules, memory above 1 GB (0007; 512 MB fired at rest)', async () => {
    const { db } = get();
    const rows = await queryRows<{ threshold: number; name: string }>(
      db,
      sql`select threshold, name from alert_rules where id = 'memory'`,
    );
    expect(rows).toEqual([{ threshold: 1024, name: 'Server memory above 1 GB' }]);
  });

  it('seeds idempotently and never overwrites existing rows', async () => {
    const { db } = get();
    const client = new TestClient();
    await applyPush(db, [client.rally('demo-beach-2', 'A')]);
    const before = await dbFingerprint(db);
    await seedDemoData(db, new Date('2030-06-01T00:00:00Z'));
    await seedDemoData(db);
    expect(await dbFingerprint(db)).toBe(before);
  });

  it('lists tournaments with their matches in the protocol shape', async () => {
    const { db } = get();
    await createTestMatch(db);
    const list = tournamentListResponseSchema.parse(await listTournaments(db));
    const demo = list.tournaments.find((t) => t.id === DEMO_TOURNAMENT_ID);
    expect(demo?.matches.length).toBeGreaterThanOrEqual(6);
    const times = demo?.matches.map((m) => m.scheduledAt) ?? [];
    expect([...times].sort()).toEqual(times);
  });

  it('has the unique keys exactly-once relies on', async () => {
    const { db } = get();
    const rows = await queryRows<{ conname: string }>(
      db,
      sql`select conname from pg_constraint where conrelid = 'match_events'::regclass and contype = 'u'`,
    );
    expect(rows.map((r) => r.conname).sort()).toEqual([
      'match_events_client_seq_key',
      'match_events_feed_position_key',
      'match_events_match_position_key',
      'match_events_op_id_key',
    ]);
  });
});

describe('PGlite in a data directory', () => {
  jest.setTimeout(30_000);
  const root = mkdtempSync(path.join(tmpdir(), 'courtsync-pglite-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates missing parent directories and keeps data across reopen', async () => {
    const dataDir = path.join(root, 'nested', 'deeper', 'pglite');
    const first = await openDatabase({ dataDir, createPglite: createTestPglite });
    expect(first.driver).toBe('pglite');
    // The upstream jobs' advisory locks need the instance behind the drizzle object.
    expect(databaseClient(first.db)?.driver).toBe('pglite');
    const client = new TestClient();
    await applyPush(first.db, client.rallies('demo-indoor-1', 3));
    await first.close();

    const second = await openDatabase({ dataDir, createPglite: createTestPglite });
    try {
      const [row] = await second.db.select().from(matches).where(eq(matches.id, 'demo-indoor-1'));
      expect(row?.eventCount).toBe(3);
      expect(row?.status).toBe('live');
      const [{ n } = { n: -1 }] = await second.db.select({ n: count() }).from(tournaments);
      expect(n).toBe(1);
    } finally {
      await second.close();
    }
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;
// Several instances need a PostgreSQL server (PGlite is one process); CI sets TEST_DATABASE_URL.
const describePg = adminUrl ? describe : describe.skip;

describePg('PostgreSQL start-up', () => {
  jest.setTimeout(30_000);
  const name = `courtsync_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl ?? 'postgres://unused');
  url.pathname = `/${name}`;
  const admin = async (query: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(query);
    } finally {
      await c.end();
    }
  };
  beforeAll(() => admin(`CREATE DATABASE ${name}`));
  afterAll(async () => {
    await closeDatabase();
    await dropDatabase(adminUrl ?? '', name);
  });

  it('lets several instances start at once: one migration, one seed', async () => {
    const handles = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ url: url.toString(), poolMax: 2 })),
    );
    try {
      const db = handles[0]?.db;
      if (!db) throw new Error('no handle');
      const migrations = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      // Every migration of the journal applied exactly once.
      const journal = JSON.parse(
        readFileSync(path.join(resolveMigrationsDir(), 'meta/_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      expect(migrations[0]?.n).toBe(journal.entries.length);
      const [{ n } = { n: -1 }] = await db.select({ n: count() }).from(matches);
      expect(n).toBe(5);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });

  it('getDatabase() opens DATABASE_URL once, shared through globalThis', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url.toString();
    try {
      const [a, b] = await Promise.all([getDatabase(), getDatabase()]);
      expect(a).toBe(b);
      expect(a.driver).toBe('pg');
      await closeDatabase();
      const c = await getDatabase();
      expect(c).not.toBe(a);
      await closeDatabase({ final: true });
      await expect(getDatabase()).rejects.toThrow(/closed/);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      // Undo the final close for any later suite in this worker.
      const key = Symbol.for('courtsync.server.database');
      delete (globalThis as Record<symbol, unknown>)[key];
    }
  });
});
