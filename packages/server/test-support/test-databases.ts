import { randomBytes } from 'node:crypto';
import vm from 'node:vm';
import { Client } from 'pg';
import { openDatabase } from '../src/db/open-database';
import { pgliteOptions } from '../src/db/pglite-options';
import type { Database, DatabaseDriver, DatabaseHandle, PgliteFactory } from '../src/db/types';

/** A database a test file runs against, fresh for that file. */
export interface TestDatabase {
  db: Database;
  handle: DatabaseHandle;
  /** PostgreSQL only: the url of the fresh database (for a second connection). */
  url?: string;
}

/** One engine the suites run on. */
export interface TestTarget {
  driver: DatabaseDriver;
  /** Opens a fresh, migrated, seeded database. */
  open(): Promise<TestDatabase>;
  /** Closes it and, on PostgreSQL, drops it. */
  dispose(test: TestDatabase): Promise<void>;
}

type PgliteModule = typeof import('@electric-sql/pglite');

/**
 * PGlite loaded by Node's own loader instead of Jest's: PGlite imports its wasm and `fs`
 * with dynamic `import()`, which Jest's VM sandbox only allows with --experimental-vm-modules.
 * (Node prints an ExperimentalWarning for USE_MAIN_CONTEXT_DEFAULT_LOADER once per worker.)
 */
function loadPgliteOutsideSandbox(): Promise<PgliteModule> {
  const importer = vm.runInThisContext('(specifier) => import(specifier)', {
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }) as (specifier: string) => Promise<PgliteModule>;
  return importer('@electric-sql/pglite');
}

/** A PgliteFactory over the PGlite loaded outside the sandbox. */
export const createTestPglite: PgliteFactory = async (dataDir) => {
  const { PGlite } = await loadPgliteOutsideSandbox();
  return PGlite.create(pgliteOptions(dataDir, PGlite.defaultStartParams));
};

const pglite: TestTarget = {
  driver: 'pglite',
  async open() {
    const handle = await openDatabase({ memory: true, createPglite: createTestPglite });
    return { db: handle.db, handle };
  },
  dispose: (test) => test.handle.close(),
};

/**
 * Drops a test database. pg's `Pool.end()` resolves before its sockets are closed, so wait
 * for the sessions to go away first: FORCE would kill them and their pools would log errors.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let i = 0; i < 50; i += 1) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database per test file, created and dropped through `adminUrl`. */
function postgres(adminUrl: string): TestTarget {
  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    driver: 'pg',
    async open() {
      const name = `courtsync_t_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ url: url.toString() });
      return { db: handle.db, handle, url: url.toString() };
    },
    async dispose(test) {
      await test.handle.close();
      const name = test.url ? new URL(test.url).pathname.slice(1) : undefined;
      if (name) await dropDatabase(adminUrl, name);
    },
  };
}

/** PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const testTargets: TestTarget[] = [
  pglite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];

/**
 * `describe.each` over every test target: `body` gets a getter for the file's database
 * (opened in beforeAll, disposed in afterAll) and the target's driver.
 */
export function describeEachDatabase(
  title: string,
  body: (get: () => TestDatabase, driver: DatabaseDriver) => void,
): void {
  // The project-level testTimeout is not applied by Jest; PGlite's initdb alone takes ~3 s.
  jest.setTimeout(30_000);
  describe.each(testTargets.map((t) => [t.driver, t] as const))(
    `${title} [%s]`,
    (_driver, target) => {
      let test: TestDatabase | undefined;
      beforeAll(async () => {
        test = await target.open();
      });
      afterAll(async () => {
        if (test) await target.dispose(test);
      });
      body(() => {
        if (!test) throw new Error('test database not open (beforeAll failed?)');
        return test;
      }, target.driver);
    },
  );
}
