import type { Database } from '../db/types';
import { activeClaim } from '../services/claims/claims';
import { HttpError } from './responses';
import type { RouteContext } from './with-route';

/** Who a correction is for: the event (tournament) and the match it changes. */
export interface CorrectionTarget {
  eventId: string;
  matchId: string;
}

/**
 * THE check that the caller may correct a score (F41): an admin, or the scorekeeper holding
 * the match's claim (F4). `withRoute` has already refused the anonymous (401) and the other
 * roles (403); a scorekeeper without the claim gets 403 CLAIM_NOT_HELD and nothing changes.
 */
export async function authorizeCorrection(
  db: Database,
  ctx: RouteContext,
  target: CorrectionTarget,
): Promise<void> {
  const { principal } = ctx;
  if (principal.kind !== 'user') {
    throw new HttpError(401, 'AUTH_REQUIRED', 'Sign in to correct a score');
  }
  if (principal.user.role === 'admin') return;
  const claim = await activeClaim(db, target.matchId);
  if (claim?.userId !== principal.user.id) {
    const why = claim ? 'another scorekeeper holds this match' : 'claim the match first';
    throw new HttpError(403, 'CLAIM_NOT_HELD', `You may not correct this score: ${why}`);
  }
}
