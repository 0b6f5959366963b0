// A running app server on a fresh database that holds the bench's matches.
import { createServer } from 'node:net';
import { startAppServer } from './app-server.mjs';
import {
  freshPgDatabase,
  freshPgliteDir,
  insertMatches,
  withPg,
  withPglite,
} from './databases.mjs';

/** Fails early when `port` is taken: the health check must not reach somebody else's server. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use (set BENCH_PORT)`)));
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

/**
 * Starts `next start` on a fresh PGlite directory or PostgreSQL database with `matches`
 * inserted. The server creates, migrates and seeds the database itself; PGlite admits one
 * process only, so there the server is started once, stopped for the insert, and restarted.
 * `beforeStart(dataDir)` (PGlite only) runs on the directory between the two starts.
 * Returns { url, pid, engine, databaseUrl | dataDir, halt, stop } — halt stops the server
 * only (the database stays for a look at what it stored), stop also deletes the database.
 */
export async function startSeededServer({ engine, port, matches, logFile, beforeStart }) {
  await assertPortFree(port);
  if (engine === 'pg') {
    const database = await freshPgDatabase();
    try {
      const env = { DATABASE_URL: database.url };
      const server = await startAppServer({ port, env, logFile });
      try {
        await withPg(database.url, (query) => insertMatches(query, matches));
      } catch (error) {
        await server.stop();
        throw error;
      }
      return {
        url: server.url,
        pid: server.pid,
        engine,
        databaseUrl: database.url,
        halt: server.stop,
        stop: () => server.stop().finally(database.drop),
      };
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  const dir = freshPgliteDir();
  try {
    const env = { DATA_DIR: dir.dataDir, DATABASE_URL: '' };
    const first = await startAppServer({ port, env, logFile: `${logFile}.init` });
    await first.stop();
    await withPglite(dir.dataDir, (query) => insertMatches(query, matches));
    await beforeStart?.(dir.dataDir);
    const server = await startAppServer({ port, env, logFile });
    return {
      url: server.url,
      pid: server.pid,
      engine,
      dataDir: dir.dataDir,
      halt: server.stop,
      stop: () => server.stop().finally(dir.remove),
    };
  } catch (error) {
    dir.remove();
    throw error;
  }
}
