import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw-rows';
import { rateBuckets } from '../../db/schema';
import type { Database } from '../../db/types';
import { decide, type RateDecision, type RateLimit, type RateLimiter } from './token-bucket';

/** Buckets idle this long are deleted now and then (a fresh bucket is full anyway). */
const IDLE_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Token buckets in the database, shared by every instance on one PostgreSQL (F22, F39). One
 * statement per request: it locks the bucket row, refills it by the database's clock (the
 * instances' clocks may differ), takes the tokens if there are enough, and writes it back.
 */
export class DatabaseRateLimiter implements RateLimiter {
  private lastSweep = 0;

  constructor(private readonly getDb: () => Promise<Database>) {}

  /** See RateLimiter.take. */
  async take(key: string, limit: RateLimit, cost = 1): Promise<RateDecision> {
    const db = await this.getDb();
    const b = rateBuckets;
    const cap = limit.capacity;
    const perMs = limit.refillPerSec / 1000;
    const [row] = await queryRows<{ refilled: number | string }>(
      db,
      sql`
      with now_ms as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms),
      old as (select tokens, updated_ms from ${b} where key = ${key} for update),
      calc as (
        select n.ms, least(${cap}::float8, coalesce(
          (select o.tokens + greatest(0, n.ms - o.updated_ms) * ${perMs}::float8 from old o),
          ${cap}::float8)) as refilled
        from now_ms n
      ), up as (
        insert into ${b} (key, tokens, updated_ms)
        select ${key}, case when c.refilled >= ${cost}::float8 then c.refilled - ${cost}::float8
          else c.refilled end, c.ms from calc c
        on conflict (key) do update set tokens = excluded.tokens, updated_ms = excluded.updated_ms
        returning 1
      )
      select c.refilled from calc c, (select count(*) from up) as written`,
    );
    if (!row) throw new Error('rate limiter: no row returned');
    void this.sweep(db);
    return decide(limit, Number(row.refilled), cost).decision;
  }

  /** Deletes long-idle buckets, at most every 10 minutes per instance; failures are ignored. */
  private async sweep(db: Database): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await db
      .execute(
        sql`delete from ${rateBuckets} where updated_ms < (extract(epoch from clock_timestamp()) * 1000)::bigint - ${IDLE_MS}`,
      )
      .catch(() => undefined);
  }
}
