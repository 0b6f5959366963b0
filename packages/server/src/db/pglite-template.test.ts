import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { count, eq, sql } from 'drizzle-orm';
import { createTestPglite, TestClient } from '@courtsync/server/test-support';
import { DEMO_USERS } from '../services/auth/demo-users';
import { applyPush } from '../services/push/apply-push';
import { resolveMigrationsDir } from './migrate';
import { databaseClient, openDatabase } from './open-database';
import { copyTemplateInto, templateKey } from './pglite-template';
import { queryRows } from './raw-rows';
import { matches, tournaments, users } from './schema';
import type { Database } from './types';
import { DEMO_TOURNAMENT_ID } from './seed';

const run = promisify(execFile);
const script = path.join(process.cwd(), 'scripts/prepare-database.mjs');

/** Runs the build step for `migrationsFolder` into `root`, as `npm start` runs it. */
async function prepare(root: string, migrationsFolder: string): Promise<string> {
  const env = { ...process.env, PGLITE_TEMPLATE_DIR: root, MIGRATIONS_DIR: migrationsFolder };
  const { stdout } = await run(process.execPath, [script], { env });
  return stdout;
}

describe('prepared PGlite data directory (build step + server)', () => {
  jest.setTimeout(120_000);
  const base = mkdtempSync(path.join(tmpdir(), 'courtsync-template-'));
  const root = path.join(base, 'templates');
  const migrations = path.join(base, 'drizzle');
  cpSync(resolveMigrationsDir(), migrations, { recursive: true });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  beforeAll(async () => {
    expect(await prepare(root, migrations)).toMatch(/Prepared the embedded database/);
  });

  it('is found under the key the server computes, and kept when current', async () => {
    expect(readdirSync(root)).toEqual([templateKey(migrations)]);
    expect(await prepare(root, migrations)).toMatch(/template is current/);
  });

  it('fills a fresh data directory: migrated, seeded on open, and it keeps data', async () => {
    const dataDir = path.join(base, 'fresh', 'pglite');
    const open = () =>
      openDatabase({
        dataDir,
        migrationsDir: migrations,
        template: root,
        createPglite: createTestPglite,
      });
    const first = await open();
    try {
      expect(first.boot).toMatchObject({ template: 'copied', migrations: 'current', seed: 'now' });
      expect(databaseClient(first.db)?.driver).toBe('pglite');
      const [demo] = await first.db
        .select()
        .from(tournaments)
        .where(eq(tournaments.id, DEMO_TOURNAMENT_ID));
      expect(demo?.name).toBe('CourtSync Demo Open');
      const applied = await queryRows<{ n: number }>(
        first.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]?.n).toBe(readdirSync(migrations).filter((f) => f.endsWith('.sql')).length);
      await applyPush(first.db, new TestClient().rallies('demo-beach-1', 4));
    } finally {
      await first.close();
    }
    // The template itself is untouched by what the copy went through.
    const second = await open();
    try {
      expect(second.boot).toMatchObject({
        template: 'existing',
        migrations: 'current',
        seed: 'before',
      });
      const [row] = await second.db.select().from(matches).where(eq(matches.id, 'demo-beach-1'));
      expect(row?.eventCount).toBe(4);
    } finally {
      await second.close();
    }
    const third = await openDatabase({
      dataDir: path.join(base, 'other', 'pglite'),
      migrationsDir: migrations,
      template: root,
      createPglite: createTestPglite,
    });
    try {
      expect(third.boot.template).toBe('copied');
      const [row] = await third.db.select().from(matches).where(eq(matches.id, 'demo-beach-1'));
      expect(row?.eventCount).toBe(0);
    } finally {
      await third.close();
    }
  });

  /** The migrations folder plus one later migration, as drizzle-kit would write it. */
  function laterMigrations(): string {
    const changed = path.join(base, 'drizzle-changed');
    if (existsSync(changed)) return changed;
    cpSync(migrations, changed, { recursive: true });
    // A later migration the template does not have (journal entry included, as drizzle-kit writes).
    writeFileSync(
      path.join(changed, '9999_later.sql'),
      'CREATE TABLE later_table (id int primary key);\n',
    );
    const journalFile = path.join(changed, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const last = journal.entries.at(-1);
    if (!last) throw new Error('empty journal');
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_later' });
    writeFileSync(journalFile, JSON.stringify(journal));
    return changed;
  }

  it('is not used once the migrations change: the server runs initdb and migrates', async () => {
    const changed = laterMigrations();
    expect(templateKey(changed)).not.toBe(templateKey(migrations));

    const handle = await openDatabase({
      dataDir: path.join(base, 'changed', 'pglite'),
      migrationsDir: changed,
      template: root,
      createPglite: createTestPglite,
    });
    try {
      expect(handle.boot).toMatchObject({ template: 'none', migrations: 'checked' });
      expect(handle.boot.templateReason).toMatch(/no current template/);
      const [{ n } = { n: -1 }] = await handle.db.select({ n: count() }).from(tournaments);
      expect(n).toBe(1);
      await handle.db.execute(sql`select * from later_table`);
    } finally {
      await handle.close();
    }
  });

  it('migrates an existing directory again when the migrations changed since', async () => {
    const dataDir = path.join(base, 'upgraded', 'pglite');
    const open = (migrationsDir: string) =>
      openDatabase({ dataDir, migrationsDir, template: root, createPglite: createTestPglite });
    const before = await open(migrations);
    await before.close();
    const after = await open(laterMigrations());
    try {
      expect(after.boot).toMatchObject({ template: 'existing', migrations: 'checked' });
      await after.db.execute(sql`select * from later_table`);
    } finally {
      await after.close();
    }
    const again = await open(laterMigrations());
    expect(again.boot).toMatchObject({ template: 'existing', migrations: 'current' });
    await again.close();
  });

  it('seeds the demo users on a later start when the first seed left them out', async () => {
    const dataDir = path.join(base, 'users-later', 'pglite');
    const open = () =>
      openDatabase({
        dataDir,
        migrationsDir: migrations,
        template: root,
        createPglite: createTestPglite,
      });
    const userCount = async (db: Database) => {
      const [{ n } = { n: -1 }] = await db.select({ n: count() }).from(users);
      return n;
    };
    process.env.SEED_DEMO_USERS = 'off';
    try {
      const first = await open();
      expect(first.boot.seed).toBe('now');
      expect(await userCount(first.db)).toBe(0);
      await first.close();
    } finally {
      delete process.env.SEED_DEMO_USERS;
    }
    const second = await open();
    expect(second.boot.seed).toBe('now');
    expect(await userCount(second.db)).toBe(DEMO_USERS.length);
    await second.close();
    const third = await open();
    expect(third.boot.seed).toBe('before');
    await third.close();
  });

  it('never copies over a directory that holds anything', async () => {
    const dataDir = path.join(base, 'busy');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');
    const outcome = await copyTemplateInto(dataDir, { key: templateKey(migrations), root });
    expect(outcome).toEqual({ template: 'none', reason: 'data directory is not empty' });
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
    expect(existsSync(`${dataDir}.copy-${process.pid}`)).toBe(false);
  });
});
