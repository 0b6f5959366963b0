// Starts the built app for the end-to-end tests on a fresh database: a fresh PostgreSQL
// database when E2E_DATABASE_URL is given (the tests then also read it directly), else a
// fresh embedded PGlite directory.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { bin, runStep } from './run-step.mjs';

const env = { ...process.env, NEXT_MANUAL_SIG_HANDLE: '1' };
const e2eUrl = process.env.E2E_DATABASE_URL;
if (e2eUrl) {
  const name = new URL(e2eUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  env.DATABASE_URL = e2eUrl;
} else {
  rmSync('.e2e-data', { recursive: true, force: true });
  env.DATA_DIR = '.e2e-data/pglite';
  delete env.DATABASE_URL;
}
process.exit(await runStep(bin('next'), ['start', '-p', process.env.E2E_PORT ?? '3100'], { env }));
