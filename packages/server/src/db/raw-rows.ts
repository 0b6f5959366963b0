import type { SQL } from 'drizzle-orm';
import type { Database, Transaction } from './types';

/**
 * Rows of a raw query. `execute` is typed per driver, but both results (pg's QueryResult,
 * PGlite's Results) carry `rows` as objects keyed by column name. Values come straight from
 * the driver: only use it for columns whose JS type is the same on both (text, int, jsonb).
 */
export async function queryRows<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
