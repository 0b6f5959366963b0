import type { OpResult, ReviewOp } from '@courtsync/protocol';
import type { Database } from '../../db/types';
import { HttpError } from '../../http/responses';
import { applyReadOps } from '../push/apply-push';
import { listReview, lockReview, opOfReview, resolveReview } from './review';

async function pendingEntry(db: Database, opId: string) {
  const row = await db.transaction((tx) => lockReview(tx, opId));
  if (!row) throw new HttpError(404, 'NOT_FOUND', `No op ${opId} in the review list`);
  if (row.status !== 'pending') {
    throw new HttpError(409, 'CONFLICT', `Op ${opId} was already ${row.status}`);
  }
  return row;
}

async function viewOf(db: Database, opId: string, matchId: string): Promise<ReviewOp> {
  const view = (await listReview(db, { match: matchId })).find((r) => r.op.opId === opId);
  if (!view) throw new Error(`review row ${opId} vanished`);
  return view;
}

/**
 * An admin accepts a reviewed op into its match: it is pushed as an admin's (no claim
 * needed, appended now even behind its device's later ops), exactly once — accepting twice,
 * or the device sending it again later, changes nothing more. When the rules refuse it now
 * (the match finished, nothing to undo), 409 CONFLICT and the entry stays pending.
 */
export async function acceptReview(
  db: Database,
  opId: string,
  adminId: string,
): Promise<{ review: ReviewOp; result: OpResult }> {
  const row = await pendingEntry(db, opId);
  const [result] = await applyReadOps(db, [{ valid: true, op: opOfReview(row) }], {
    access: { kind: 'any' },
    userId: adminId,
    acceptOutOfOrder: true,
  });
  if (!result) throw new Error('no result for the accepted op');
  if (result.status === 'rejected') {
    throw new HttpError(409, 'CONFLICT', `The match refuses this op now: ${result.message}`, {
      result,
    });
  }
  await resolveReview(db, opId, 'accepted', adminId);
  return { review: await viewOf(db, opId, row.matchId), result };
}

/** An admin dismisses a reviewed op: it stays out of the match, recorded as dismissed. */
export async function dismissReview(
  db: Database,
  opId: string,
  adminId: string,
): Promise<ReviewOp> {
  const row = await pendingEntry(db, opId);
  await resolveReview(db, opId, 'dismissed', adminId);
  return viewOf(db, opId, row.matchId);
}
