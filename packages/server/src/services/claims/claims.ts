import {
  DEFAULT_CLAIM_MS,
  MAX_CLAIM_MS,
  type ClaimView,
  type SessionUser,
} from '@courtsync/protocol';
import { and, asc, eq, gt } from 'drizzle-orm';
import { matchClaims, matches, tournaments, users } from '../../db/schema';
import type { Database, Transaction } from '../../db/types';
import { HttpError } from '../../http/responses';
import { literalList, timeLiteral } from '../push/sql-text';

type Db = Database | Transaction;

const claimColumns = {
  eventId: matchClaims.tournamentId,
  matchId: matchClaims.matchId,
  userId: matchClaims.userId,
  userName: users.name,
  claimedAt: matchClaims.claimedAt,
  expiresAt: matchClaims.expiresAt,
};

function toView(row: {
  eventId: string;
  matchId: string;
  userId: string;
  userName: string;
  claimedAt: Date;
  expiresAt: Date;
}): ClaimView {
  return { ...row, claimedAt: row.claimedAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}

/** The claim in force on a match (an expired row counts as none). */
export async function activeClaim(
  db: Db,
  matchId: string,
  now = new Date(),
): Promise<ClaimView | null> {
  const [row] = await db
    .select(claimColumns)
    .from(matchClaims)
    .innerJoin(users, eq(users.id, matchClaims.userId))
    .where(and(eq(matchClaims.matchId, matchId), gt(matchClaims.expiresAt, now)));
  return row ? toView(row) : null;
}

/** The claims in force in an event, by match id; 404 when there is no such event. */
export async function listClaims(
  db: Database,
  eventId: string,
  now = new Date(),
): Promise<ClaimView[]> {
  const [event] = await db
    .select({ id: tournaments.id })
    .from(tournaments)
    .where(eq(tournaments.id, eventId));
  if (!event) throw new HttpError(404, 'NOT_FOUND', `No event with id "${eventId}"`);
  const rows = await db
    .select(claimColumns)
    .from(matchClaims)
    .innerJoin(users, eq(users.id, matchClaims.userId))
    .where(and(eq(matchClaims.tournamentId, eventId), gt(matchClaims.expiresAt, now)))
    .orderBy(asc(matchClaims.matchId));
  return rows.map(toView);
}

/** Whether the match exists in that event. */
export async function matchInEvent(db: Db, eventId: string, matchId: string): Promise<boolean> {
  const [match] = await db
    .select({ id: matches.id })
    .from(matches)
    .where(and(eq(matches.id, matchId), eq(matches.tournamentId, eventId)));
  return Boolean(match);
}

/**
 * The statement reading the holder (user id) of each match's claim in force, for the push's
 * claim check; read its rows with `claimHoldersOf`.
 */
export function claimHoldersSql(matchIds: readonly string[], now = new Date()): string {
  return `select match_id, user_id from match_claims
    where match_id in (${literalList(matchIds)}) and expires_at > ${timeLiteral(now)}`;
}

/** Holder of each match's claim, from the rows of `claimHoldersSql`. */
export function claimHoldersOf(rows: readonly Record<string, unknown>[]): Map<string, string> {
  return new Map(rows.map((r) => [String(r.match_id), String(r.user_id)]));
}

/**
 * Locks the match row (as a push does) so a claim change and a push of that match never
 * interleave; 404 unless the match exists in that event.
 */
async function lockMatch(tx: Transaction, eventId: string, matchId: string): Promise<void> {
  const [match] = await tx
    .select({ tournamentId: matches.tournamentId })
    .from(matches)
    .where(eq(matches.id, matchId))
    .for('no key update');
  if (!match || match.tournamentId !== eventId) {
    throw new HttpError(404, 'NOT_FOUND', `No match "${matchId}" in event "${eventId}"`);
  }
}

/** The expiry asked for, checked: in the future and at most 24 h away; default 3 h. */
export function claimExpiry(expiresAt: string | undefined, now = new Date()): Date {
  if (!expiresAt) return new Date(now.getTime() + DEFAULT_CLAIM_MS);
  const at = new Date(expiresAt);
  const ms = at.getTime() - now.getTime();
  if (ms <= 0 || ms > MAX_CLAIM_MS) {
    throw new HttpError(400, 'VALIDATION_FAILED', 'expiresAt must be in the next 24 hours', [
      { path: ['expiresAt'], message: 'must be after now and at most 24 h ahead' },
    ]);
  }
  return at;
}

async function writeClaim(
  tx: Transaction,
  eventId: string,
  matchId: string,
  userId: string,
  expiresAt: Date,
  now: Date,
) {
  await tx
    .insert(matchClaims)
    .values({ matchId, tournamentId: eventId, userId, claimedAt: now, expiresAt })
    .onConflictDoUpdate({
      target: matchClaims.matchId,
      set: { userId, tournamentId: eventId, claimedAt: now, expiresAt },
    });
  const claim = await activeClaim(tx, matchId, now);
  if (!claim) throw new Error('claim vanished after writing it');
  return claim;
}

/**
 * Claims a match for `user` (F4): free or expired → theirs (created); already theirs → its
 * expiry renewed; someone else's → 409 CLAIM_HELD naming the holder.
 */
export async function claimMatch(
  db: Database,
  eventId: string,
  matchId: string,
  user: SessionUser,
  expiresAt: string | undefined,
  now = new Date(),
): Promise<{ claim: ClaimView; created: boolean }> {
  const until = claimExpiry(expiresAt, now);
  return db.transaction(async (tx) => {
    await lockMatch(tx, eventId, matchId);
    const current = await activeClaim(tx, matchId, now);
    if (current && current.userId !== user.id) {
      throw new HttpError(409, 'CLAIM_HELD', `${current.userName} is scoring this match`, {
        claim: current,
      });
    }
    const claim = await writeClaim(tx, eventId, matchId, user.id, until, now);
    return { claim, created: !current };
  });
}

/** Releases a match's claim: its holder or an admin; 404 when none is in force. */
export async function releaseClaim(
  db: Database,
  eventId: string,
  matchId: string,
  user: SessionUser,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockMatch(tx, eventId, matchId);
    const current = await activeClaim(tx, matchId, now);
    if (!current) throw new HttpError(404, 'NOT_FOUND', 'Nobody holds this match');
    if (current.userId !== user.id && user.role !== 'admin') {
      throw new HttpError(403, 'CLAIM_NOT_HELD', `${current.userName} holds this match, not you`);
    }
    await tx.delete(matchClaims).where(eq(matchClaims.matchId, matchId));
  });
}

/**
 * An admin gives a match's claim to another scorekeeper (or admin), whoever held it: from
 * then on the former holder's score ops are refused CLAIM_NOT_HELD.
 */
export async function handoverClaim(
  db: Database,
  eventId: string,
  matchId: string,
  toUserId: string,
  expiresAt: string | undefined,
  now = new Date(),
): Promise<ClaimView> {
  const until = claimExpiry(expiresAt, now);
  return db.transaction(async (tx) => {
    await lockMatch(tx, eventId, matchId);
    const [target] = await tx.select().from(users).where(eq(users.id, toUserId));
    if (!target || target.disabled) {
      throw new HttpError(404, 'NOT_FOUND', `No active user with id "${toUserId}"`);
    }
    if (target.role !== 'scorekeeper' && target.role !== 'admin') {
      throw new HttpError(400, 'VALIDATION_FAILED', `A ${target.role} cannot score a match`, [
        { path: ['userId'], message: 'must be a scorekeeper or an admin' },
      ]);
    }
    return writeClaim(tx, eventId, matchId, toUserId, until, now);
  });
}
