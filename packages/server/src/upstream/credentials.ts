import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { upstreamCredentials } from '../db/schema';
import type { Database } from '../db/types';
import { SyncError } from './errors';
import type { ProviderName } from './provider';

/** Consecutive auth failures after which a credential is deactivated (F29). */
export const MAX_AUTH_FAILURES = 3;

/** Hash identifying a username + password, so new credentials start active again. */
export function credentialFingerprint(username: string, password: string): string {
  return createHash('sha256').update(`${username}\u0000${password}`).digest('base64url');
}

/**
 * A provider credential's health, shared by every instance through `upstream_credentials`.
 * Calls go through `call`: an AUTH failure counts (atomically, in the database), a success
 * resets the count, and once deactivated no call is made until the credentials change.
 */
export class CredentialGuard {
  private constructor(
    private readonly db: Database,
    readonly provider: ProviderName,
    private active: boolean,
    private failures: number,
  ) {}

  /** Failures already counted: calls sharing one login see the same error once. */
  private readonly counted = new WeakSet<Error>();

  /** Loads (or creates) the row of `provider`; a new fingerprint reactivates it. */
  static async load(
    db: Database,
    provider: ProviderName,
    fingerprint: string,
  ): Promise<CredentialGuard> {
    const [row] = await db
      .insert(upstreamCredentials)
      .values({ provider, fingerprint })
      .onConflictDoUpdate({
        target: upstreamCredentials.provider,
        set: {
          active: sql`case when ${upstreamCredentials.fingerprint} = excluded.fingerprint then ${upstreamCredentials.active} else true end`,
          consecutiveFailures: sql`case when ${upstreamCredentials.fingerprint} = excluded.fingerprint then ${upstreamCredentials.consecutiveFailures} else 0 end`,
          fingerprint: sql`excluded.fingerprint`,
        },
      })
      .returning();
    return new CredentialGuard(db, provider, row?.active ?? true, row?.consecutiveFailures ?? 0);
  }

  /** Whether calls may be made. */
  get isActive(): boolean {
    return this.active;
  }

  /** Runs a provider call under the guard. */
  async call<T>(work: () => Promise<T>): Promise<T> {
    if (!this.active) {
      throw new SyncError(
        'AUTH',
        `${this.provider} credential deactivated after ${MAX_AUTH_FAILURES} consecutive auth failures; set new credentials to resume`,
      );
    }
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (error instanceof SyncError && error.category === 'AUTH' && !this.counted.has(error)) {
        this.counted.add(error);
        await this.recordFailure(error.message);
      }
      throw error;
    }
    if (this.failures > 0) await this.reset();
    return result;
  }

  private async recordFailure(message: string): Promise<void> {
    const [row] = await this.db
      .update(upstreamCredentials)
      .set({
        consecutiveFailures: sql`${upstreamCredentials.consecutiveFailures} + 1`,
        active: sql`${upstreamCredentials.consecutiveFailures} + 1 < ${MAX_AUTH_FAILURES}`,
        deactivatedAt: sql`case when ${upstreamCredentials.consecutiveFailures} + 1 >= ${MAX_AUTH_FAILURES} then coalesce(${upstreamCredentials.deactivatedAt}, now()) end`,
        lastError: message.slice(0, 500),
        lastFailureAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(upstreamCredentials.provider, this.provider))
      .returning();
    this.failures = row?.consecutiveFailures ?? this.failures + 1;
    this.active = row?.active ?? this.failures < MAX_AUTH_FAILURES;
  }

  private async reset(): Promise<void> {
    this.failures = 0;
    await this.db
      .update(upstreamCredentials)
      .set({ consecutiveFailures: 0, updatedAt: sql`now()` })
      .where(eq(upstreamCredentials.provider, this.provider));
  }
}
