import type { ProviderName } from '../provider';

/** Provider numbers become part of our ids: keep the characters entity ids allow. */
const safe = (no: string) => no.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 48);

/** Our tournament id for a provider's tournament number (stable: the upsert key's twin). */
export function tournamentIdFor(provider: ProviderName, no: string): string {
  return `${provider}-${safe(no)}`;
}

/** Our match id for a provider's match number. */
export function matchIdFor(provider: ProviderName, no: string): string {
  return `${provider}-m-${safe(no)}`;
}
