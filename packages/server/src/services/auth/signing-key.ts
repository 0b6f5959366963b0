import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { authKeys } from '../../db/schema';
import type { Database } from '../../db/types';

const keys = new WeakMap<Database, Promise<Uint8Array>>();

/**
 * The HMAC key access tokens are signed and checked with: AUTH_SECRET when set, else a random
 * 256-bit key created once in the database (first instance wins; the others read it), so a
 * fresh demo is secure without configuration and every instance accepts every other's tokens.
 */
export function signingKey(db: Database, secret?: string): Promise<Uint8Array> {
  if (secret) return Promise.resolve(new TextEncoder().encode(secret));
  let key = keys.get(db);
  if (!key) {
    key = loadOrCreate(db);
    keys.set(db, key);
    // A failed read (database down) must not stick: the next request tries again.
    key.catch(() => keys.delete(db));
  }
  return key;
}

async function loadOrCreate(db: Database): Promise<Uint8Array> {
  await db
    .insert(authKeys)
    .values({ id: 1, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: authKeys.id });
  const [row] = await db
    .select({ secret: authKeys.secret })
    .from(authKeys)
    .where(eq(authKeys.id, 1));
  if (!row) throw new Error('auth_keys row missing after insert');
  return Buffer.from(row.secret, 'base64url');
}
