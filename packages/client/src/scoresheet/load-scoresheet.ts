import type { CourtSyncDb } from '../courtsync-db';
import { loadEffectiveActions } from '../match-log';
import { buildScoresheet, type Scoresheet } from './build-scoresheet';

/**
 * The scoresheet of a match from what this device holds: its confirmed log and this device's
 * unconfirmed ops on top (as the scorekeeper's screen shows it). Undefined when the match is
 * not on the device.
 */
export async function loadScoresheet(
  db: CourtSyncDb,
  matchId: string,
): Promise<Scoresheet | undefined> {
  return db.transaction('r', [db.matches, db.confirmed, db.acked, db.outbox], async () => {
    const match = await db.matches.get(matchId);
    if (!match) return undefined;
    const actions = await loadEffectiveActions(db, matchId);
    return buildScoresheet(match, actions);
  });
}
