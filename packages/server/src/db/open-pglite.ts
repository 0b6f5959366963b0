import { mkdirSync, rmSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { logger } from '../logger';
import { closeLiveHub } from '../services/feed/hub-registry';
import { migratePgliteDatabase } from './migrate';
import {
  copyTemplateInto,
  readSchemaStamp,
  templateKey,
  writeSchemaStamp,
} from './pglite-template';
import * as schema from './schema';
import { seedDemoData } from './seed';
import type { BootReport, DatabaseHandle, PgliteFactory } from './types';

/** What `openPglite` needs: how to start PGlite, where, and what to migrate and seed. */
export interface PgliteOpen {
  create: PgliteFactory;
  /** Undefined: in memory. */
  dataDir: string | undefined;
  /** Root of prepared templates, or false. */
  template: string | false;
  migrationsFolder: string;
  seed: boolean;
}

/** Milliseconds since `started`, rounded. */
const since = (started: number) => Math.round(performance.now() - started);

/** Starts PGlite in `dataDir`, filled from the template first when it is new. */
async function startPglite(options: PgliteOpen, key: string, boot: BootReport): Promise<PGlite> {
  const { create, dataDir, template } = options;
  if (!dataDir) return create(undefined);
  const outcome = await copyTemplateInto(dataDir, { key, root: template });
  boot.template = outcome.template;
  if (outcome.template === 'copied') boot.copyMs = outcome.ms;
  if (outcome.template === 'none') boot.templateReason = outcome.reason;
  // PGlite.create does not create parent directories (notes/database.md pitfall 6).
  mkdirSync(dataDir, { recursive: true });
  if (outcome.template !== 'copied') return create(dataDir);
  try {
    return await create(dataDir);
  } catch (error) {
    // A template PGlite cannot open (another engine build): start over with initdb.
    logger.warn('prepared database template failed to open; running initdb', { error });
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    boot.template = 'none';
    boot.templateReason = 'template failed to open';
    return create(dataDir);
  }
}

/**
 * Opens PGlite in `dataDir` (from the prepared template when the directory is new) or in
 * memory, migrates it unless its schema stamp says it is current, and seeds the demo data
 * unless the stamp says that happened already.
 */
export async function openPglite(options: PgliteOpen): Promise<DatabaseHandle> {
  const boot: BootReport = { openMs: 0, migrateMs: 0, seedMs: 0 };
  const key = templateKey(options.migrationsFolder);
  let started = performance.now();
  const client = await startPglite(options, key, boot);
  boot.openMs = since(started) - (boot.copyMs ?? 0);
  const db = drizzlePglite({ client, schema });
  const { dataDir } = options;
  try {
    const stamp = dataDir ? readSchemaStamp(dataDir) : undefined;
    const current = stamp?.key === key;
    started = performance.now();
    if (!current) await migratePgliteDatabase(db, options.migrationsFolder);
    boot.migrations = current ? 'current' : 'checked';
    boot.migrateMs = since(started);
    started = performance.now();
    // Seeded once per directory: a restart does not replay the seed's (idempotent) inserts.
    const seedNow = options.seed && !(current && stamp.seeded);
    if (seedNow) await seedDemoData(db);
    boot.seed = seedNow ? 'now' : options.seed ? 'before' : 'off';
    boot.seedMs = since(started);
    // A seed without the demo users (SEED_DEMO_USERS=off) is not recorded: a later start with
    // them on still adds them, as every start did before the stamp.
    const seededAll = seedNow && process.env.SEED_DEMO_USERS !== 'off';
    if (dataDir && (!current || seedNow)) {
      writeSchemaStamp(dataDir, { key, seeded: seededAll || (stamp?.seeded ?? false) });
    }
  } catch (error) {
    await client.close();
    throw error;
  }
  const close = async () => {
    await closeLiveHub(db);
    await client.close();
  };
  return { db, driver: 'pglite', close, boot };
}
