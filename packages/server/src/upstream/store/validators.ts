import { like, sql } from 'drizzle-orm';
import { upstreamCache } from '../../db/schema';
import type { Database } from '../../db/types';
import type { Validator, ValidatorLookup } from '../provider';
import type { WriteCounter } from './write-counter';

type Held = { etag?: string | null; contentHash?: string | null };

/** ETags and content hashes held from earlier runs, loaded once per run by key prefix. */
export class ValidatorCache implements ValidatorLookup {
  private constructor(private readonly held: Map<string, Held>) {}

  /** Every validator whose key starts with `prefix` (e.g. `vis:`). */
  static async load(db: Database, prefix: string): Promise<ValidatorCache> {
    const rows = await db
      .select({
        key: upstreamCache.key,
        etag: upstreamCache.etag,
        contentHash: upstreamCache.contentHash,
      })
      .from(upstreamCache)
      .where(like(upstreamCache.key, `${prefix}%`));
    return new ValidatorCache(new Map(rows.map((r) => [r.key, r])));
  }

  /** The validator held for `key`. */
  get(key: string): Held | undefined {
    return this.held.get(key);
  }

  /** Saves validators of answers whose data is now stored (one statement). */
  async save(db: Database, validators: Validator[], writes: WriteCounter): Promise<void> {
    const rows = validators.filter((v) => v.key && v.hash);
    if (rows.length === 0) return;
    await db
      .insert(upstreamCache)
      .values(rows.map((v) => ({ key: v.key, etag: v.etag ?? null, contentHash: v.hash })))
      .onConflictDoUpdate({
        target: upstreamCache.key,
        set: {
          etag: sql`excluded.etag`,
          contentHash: sql`excluded.content_hash`,
          updatedAt: sql`now()`,
        },
      });
    for (const v of rows) this.held.set(v.key, { etag: v.etag, contentHash: v.hash });
    writes.add(rows.length);
  }
}
