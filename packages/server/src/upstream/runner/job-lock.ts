import type { PGlite } from '@electric-sql/pglite';
import { databaseClient } from '../../db/open-database';
import type { Database } from '../../db/types';
import { logger } from '../../logger';

/** A held job lock. */
export interface JobLock {
  release(): Promise<void>;
}

/** First key of the two-key advisory locks of sync jobs (the second is the job's hash). */
const LOCK_NAMESPACE = 727_100_002;

/** FNV-1a of the job name as a signed 32-bit int (advisory lock keys are int4). */
export function jobLockKey(job: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < job.length; i += 1) {
    hash ^= job.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

const HELD = Symbol.for('courtsync.server.pgliteJobLocks');
/** PGlite is one session, where advisory locks are re-entrant: also hold them per process. */
const pgliteHeld: WeakMap<PGlite, Set<string>> = ((
  globalThis as typeof globalThis & { [HELD]?: WeakMap<PGlite, Set<string>> }
)[HELD] ??= new WeakMap());

/**
 * Takes the advisory lock of `job` without waiting; undefined when another run holds it.
 * PostgreSQL: a session lock on a checked-out connection, held for the run (notes/database.md
 * pitfall 4: lock and unlock must use one connection) and freed by the server if this process
 * dies. PGlite: the same SQL lock, plus a per-instance set because its single session would
 * grant the lock twice to two app objects sharing it.
 */
export async function tryJobLock(db: Database, job: string): Promise<JobLock | undefined> {
  const raw = databaseClient(db);
  if (!raw) throw new Error('job locks need a database opened by openDatabase');
  const keys = [LOCK_NAMESPACE, jobLockKey(job)];
  if (raw.driver === 'pg') {
    const client = await raw.pool.connect();
    const onError = (error: Error) => logger.warn('job lock connection failed', { job, error });
    client.on('error', onError);
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        'select pg_try_advisory_lock($1, $2) as ok',
        keys,
      );
      if (rows[0]?.ok) {
        return {
          release: async () => {
            try {
              await client.query('select pg_advisory_unlock($1, $2)', keys);
            } finally {
              client.off('error', onError);
              client.release();
            }
          },
        };
      }
    } catch (error) {
      client.off('error', onError);
      client.release();
      throw error;
    }
    client.off('error', onError);
    client.release();
    return undefined;
  }
  const held = pgliteHeld.get(raw.pglite) ?? new Set<string>();
  pgliteHeld.set(raw.pglite, held);
  if (held.has(job)) return undefined;
  held.add(job);
  try {
    await raw.pglite.query('select pg_try_advisory_lock($1, $2)', keys);
  } catch (error) {
    held.delete(job);
    throw error;
  }
  return {
    release: async () => {
      held.delete(job);
      await raw.pglite.query('select pg_advisory_unlock($1, $2)', keys).catch(() => undefined);
    },
  };
}
