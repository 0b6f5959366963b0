import type { CourtSyncDb } from './courtsync-db';

/** The meta key of the planned match ids. */
export const COVERAGE_PLAN_KEY = 'coveragePlan';

/**
 * THE SEAM for coverage plans (F5, built with sign-in in issue #11): the match ids the user
 * follows, as the "match in my coverage plan" priority rule reads them. Empty until plans
 * exist; #11 calls `setPlannedMatchIds` when a plan is loaded or changed (then rescore).
 */
export async function readPlannedMatchIds(db: CourtSyncDb): Promise<Set<string>> {
  return plannedFrom((await db.meta.get(COVERAGE_PLAN_KEY))?.value);
}

/** The planned ids from a stored meta value (anything unexpected reads as no plan). */
export function plannedFrom(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
}

/** Stores the planned match ids (call `rescoreOutbox` afterwards so queued ops follow). */
export async function setPlannedMatchIds(db: CourtSyncDb, ids: Iterable<string>): Promise<void> {
  await db.meta.put({ key: COVERAGE_PLAN_KEY, value: [...new Set(ids)] });
}
