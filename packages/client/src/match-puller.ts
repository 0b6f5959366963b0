import type { CourtSyncDb } from './courtsync-db';
import { pullMatch, type PullOptions } from './pull';

/** Pulls a match, at most one pull in flight per match; returns when it is current. */
export type MatchPuller = (matchId: string) => Promise<void>;

/**
 * A puller that coalesces pokes: a poke for a match being pulled runs ONE more pull after
 * the current one (the feed may have moved meanwhile), however many pokes came. Errors are
 * swallowed: the next poke, open or reconnect pulls again from the stored cursor.
 */
export function createMatchPuller(
  db: CourtSyncDb,
  fetchFn: typeof fetch,
  options: PullOptions = {},
): MatchPuller {
  const inFlight = new Map<string, Promise<void>>();
  const again = new Set<string>();
  return (matchId) => {
    const running = inFlight.get(matchId);
    if (running) {
      again.add(matchId);
      return running;
    }
    const run = (async () => {
      do {
        again.delete(matchId);
        try {
          await pullMatch(db, matchId, fetchFn, options);
        } catch {
          // Offline or the server is busy: the stored cursor is where the next pull starts.
        }
      } while (again.has(matchId));
    })().finally(() => inFlight.delete(matchId));
    inFlight.set(matchId, run);
    return run;
  };
}
