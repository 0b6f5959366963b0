import type { PoolClient } from 'pg';
import { sql } from 'drizzle-orm';
import { databaseClient } from '../../db/open-database';
import { queryRows } from '../../db/raw-rows';
import type { Database } from '../../db/types';

/** One result row, keyed by column name (values as the driver parsed them). */
export type Row = Record<string, unknown>;

/** The push transaction's connection. */
export interface PushSession {
  /**
   * Runs complete statements (values written in with sql-text.ts) in order, in ONE round
   * trip where the driver allows; resolves with the rows of each, in the same order.
   */
  run(statements: readonly string[]): Promise<Row[][]>;
}

/** What a push transaction's body hands back: its value and the statements that end it. */
export interface PushEnd<T> {
  value: T;
  /** Run last, right before COMMIT (on PostgreSQL in the same round trip as COMMIT). */
  last: string[];
}

type Body<T> = (session: PushSession) => Promise<PushEnd<T>>;

/**
 * Runs `body` in one transaction; a throw rolls it back. On PostgreSQL the first statements
 * travel with BEGIN and the `last` ones with COMMIT: the feed_head row lock the last statement
 * takes (write-push.ts) is then released by the database itself, without waiting for this
 * process to read the answer and send COMMIT — on a busy event loop that wait serialized
 * every push (issue #14). PGlite (one session) runs in its own exclusive transaction.
 */
export async function inPushTransaction<T>(db: Database, body: Body<T>): Promise<T> {
  const raw = databaseClient(db);
  if (raw?.driver === 'pg') return onPoolClient(await raw.pool.connect(), body);
  if (raw?.driver === 'pglite') {
    return raw.pglite.transaction(async (tx) => {
      const session: PushSession = {
        run: async (statements) => (await tx.exec(statements.join(';\n'))).map((r) => r.rows),
      };
      return finish(session, await body(session));
    });
  }
  // A database not opened by openDatabase (no raw client known): one statement at a time.
  return db.transaction(async (tx) => {
    const session: PushSession = {
      run: async (statements) => {
        const rows: Row[][] = [];
        for (const statement of statements) rows.push(await queryRows<Row>(tx, sql.raw(statement)));
        return rows;
      },
    };
    return finish(session, await body(session));
  });
}

/** Runs the `last` statements of a transaction that commits on its own. */
async function finish<T>(session: PushSession, end: PushEnd<T>): Promise<T> {
  if (end.last.length > 0) await session.run(end.last);
  return end.value;
}

/** The rows of each statement of a simple-protocol query (pg answers one result bare). */
async function simpleQuery(client: PoolClient, statements: readonly string[]): Promise<Row[][]> {
  const result: unknown = await client.query(statements.join(';\n'));
  const results = (Array.isArray(result) ? result : [result]) as { rows: Row[] }[];
  if (results.length !== statements.length) {
    throw new Error(`expected ${statements.length} results, got ${results.length}`);
  }
  return results.map((r) => r.rows);
}

async function onPoolClient<T>(client: PoolClient, body: Body<T>): Promise<T> {
  let begun = false;
  let broken: Error | undefined;
  // The pool only listens for errors of idle clients: a connection that dies while this
  // push holds it would otherwise emit an unhandled 'error' and take the process down.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  const run = async (statements: readonly string[]): Promise<Row[][]> => {
    if (begun) return simpleQuery(client, statements);
    begun = true;
    return (await simpleQuery(client, ['begin', ...statements])).slice(1);
  };
  try {
    const { value, last } = await body({ run });
    // COMMIT in the same round trip; a statement that fails skips it (the catch rolls back).
    if (begun || last.length > 0) await run([...last, 'commit']);
    return value;
  } catch (error) {
    if (begun && !broken) {
      // After a failed COMMIT there is no transaction left: ROLLBACK then only warns.
      await client.query('rollback').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
    }
    throw error;
  } finally {
    client.removeListener('error', onError);
    // A connection that failed or could not roll back is dropped, not handed to the next push.
    client.release(broken);
  }
}
