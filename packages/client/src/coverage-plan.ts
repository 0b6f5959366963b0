import type { CourtSyncDb } from './courtsync-db';

/** The meta key of the planned match ids. */
export const COVERAGE_PLAN_KEY = 'coveragePlan';

/**
 * The match ids of every coverage plan on the device (F5) in one meta row, as the "match in
 * my coverage plan" priority rule reads them; `coverage-plans.ts` writes it with each plan.
 */

/** The planned ids from a stored meta value (anything unexpected reads as no plan). */
export function plannedFrom(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
}

/** Stores the planned match ids (call `rescoreOutbox` afterwards so queued ops follow). */
export async function setPlannedMatchIds(db: CourtSyncDb, ids: Iterable<string>): Promise<void> {
  await db.meta.put({ key: COVERAGE_PLAN_KEY, value: [...new Set(ids)] });
}
