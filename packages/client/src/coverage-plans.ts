import { DEVICE_API, coveragePlanSchema } from '@courtsync/protocol';
import { liveQuery, type Observable } from 'dexie';
import { setPlannedMatchIds } from './coverage-plan';
import type { CourtSyncDb } from './courtsync-db';

const PREFIX = 'coverage:';

/**
 * Keeps an event's plan, and the union of every plan where the priority rules read it (one
 * meta read on the tap path, see readScoringInputs).
 */
async function store(db: CourtSyncDb, eventId: string, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: `${PREFIX}${eventId}`, value: [...ids] });
    await setPlannedMatchIds(db, await readPlannedMatchIds(db));
  });
}

/**
 * Fetches the signed-in user's coverage plan of an event (F5) and keeps it on the device;
 * undefined when the user may not have one (not a coach or media) or the network fails.
 */
export async function refreshCoveragePlan(
  db: CourtSyncDb,
  eventId: string,
  fetchFn: typeof fetch = fetch,
): Promise<string[] | undefined> {
  try {
    const response = await fetchFn(DEVICE_API.coveragePlans(eventId), {
      credentials: 'same-origin',
    });
    if (!response.ok) return undefined;
    const plan = coveragePlanSchema.parse(await response.json());
    await store(db, eventId, plan.selectedMatches);
    return plan.selectedMatches;
  } catch {
    return undefined;
  }
}

/** Replaces the plan on the server, then on the device; false when the server refused it. */
export async function saveCoveragePlan(
  db: CourtSyncDb,
  eventId: string,
  selectedMatches: readonly string[],
  fetchFn: typeof fetch = fetch,
): Promise<boolean> {
  const response = await fetchFn(DEVICE_API.coveragePlans(eventId), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ selectedMatches }),
    credentials: 'same-origin',
  }).catch(() => undefined);
  if (!response?.ok) return false;
  await store(db, eventId, coveragePlanSchema.parse(await response.json()).selectedMatches);
  return true;
}

/** Every match in a coverage plan kept on this device (for lists and priority rules, F11). */
export async function readPlannedMatchIds(db: CourtSyncDb): Promise<Set<string>> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return new Set(rows.flatMap((r) => (Array.isArray(r.value) ? (r.value as string[]) : [])));
}

/** Live view of readPlannedMatchIds. */
export function observePlannedMatchIds(db: CourtSyncDb): Observable<Set<string>> {
  return liveQuery(() => readPlannedMatchIds(db));
}

/** Planned matches first, each group in its given order. */
export function plannedFirst<T extends { id: string }>(
  items: readonly T[],
  planned: ReadonlySet<string>,
): T[] {
  return [...items.filter((m) => planned.has(m.id)), ...items.filter((m) => !planned.has(m.id))];
}
