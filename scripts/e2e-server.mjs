// Starts the built app for the end-to-end tests on a fresh database: a fresh PostgreSQL
// database when E2E_DATABASE_URL is given (the tests then also read it directly), else a
// fresh embedded PGlite directory.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { bin, runStep } from './run-step.mjs';

// Sign-in is on (the default, as with `npm start`); the specs sign in as demo users. Reads are
// limited per user / client address, and the specs drive phones far faster than people do
// (dozens of pulls a minute per phone, all as one scorekeeper, and the test runner polling as
// one anonymous client): reads get a larger bucket here. The limits themselves are tested in
// packages/server and test/integration.
const env = {
  RATE_LIMIT_READ: '3000/min',
  ...process.env,
  NEXT_MANUAL_SIG_HANDLE: '1',
};
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
