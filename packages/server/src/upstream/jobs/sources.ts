import type { Database } from '../../db/types';
import { CredentialGuard } from '../credentials';
import type { PrestoAdapter } from '../presto/presto-adapter';
import type { ProviderName } from '../provider';
import type { VisAdapter } from '../vis/vis-adapter';

/** A configured provider: its adapter and its credential's fingerprint. */
export interface Source<A> {
  adapter: A;
  fingerprint: string;
}

/** The providers the jobs sync from (a job exists only for configured ones). */
export interface SyncSources {
  vis?: Source<VisAdapter>;
  presto?: Source<PrestoAdapter>;
}

/** The credential guard of a provider, loaded for one run. */
export function guardFor(
  db: Database,
  provider: ProviderName,
  source: Source<unknown>,
): Promise<CredentialGuard> {
  return CredentialGuard.load(db, provider, source.fingerprint);
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? [];
    group.push(item);
    groups.set(k, group);
  }
  return [...groups];
}
