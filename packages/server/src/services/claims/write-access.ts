import type { Op, OpResult } from '@courtsync/protocol';
import { rejected } from '../push/results';

/**
 * Which matches a push may write (F4). `any`: admins, official corrections, and the service
 * called directly; `holder`: a scorekeeper, only the matches whose claim they hold;
 * `unclaimed`: anonymous pushes with AUTH_MODE=open, only matches nobody holds.
 */
export type WriteAccess =
  { kind: 'any' } | { kind: 'holder'; userId: string } | { kind: 'unclaimed' };

/** Whether `access` may write a match whose claim is held by `holder` (undefined: free). */
export function mayWrite(access: WriteAccess, holder: string | undefined): boolean {
  if (access.kind === 'any') return true;
  if (access.kind === 'holder') return holder === access.userId;
  return holder === undefined;
}

/** The CLAIM_NOT_HELD refusal of `op` (it goes to the review list). */
export function claimNotHeld(
  op: Op,
  holder: string | undefined,
): OpResult & { status: 'rejected' } {
  const why = holder
    ? `match ${op.matchId} is claimed by another user`
    : `nobody holds match ${op.matchId}: claim it first`;
  return rejected(op, 'CLAIM_NOT_HELD', `Not applied: ${why}; kept for an admin to review`);
}
