import type { Op, ReviewOp, ReviewStatus } from '@courtsync/protocol';
import { and, desc, eq, sql } from 'drizzle-orm';
import { reviewOps, users } from '../../db/schema';
import type { Database, Transaction } from '../../db/types';
import { jsonLiteral, literalList } from '../push/sql-text';

/** A refused op on its way into the review list. */
export interface ReviewEntry {
  op: Op;
  tournamentId: string;
  userId: string | undefined;
  code: string;
  message: string;
}

/**
 * The statement keeping refused ops for an admin (F4, F18), run inside the push transaction;
 * a copy seen before keeps its first row and status. Undefined when there is nothing to keep.
 */
export function keepForReviewSql(entries: readonly ReviewEntry[]): string | undefined {
  if (entries.length === 0) return undefined;
  const rows = jsonLiteral(
    entries.map(({ op, tournamentId, userId, code, message }) => ({
      op_id: op.opId,
      match_id: op.matchId,
      tournament_id: tournamentId,
      client_id: op.clientId,
      seq: op.seq,
      type: op.type,
      payload: op.payload,
      client_time: op.clientTime,
      user_id: userId ?? null,
      code,
      message,
    })),
  );
  const list =
    'op_id, match_id, tournament_id, client_id, seq, type, payload, client_time, user_id, code, message';
  return `insert into review_ops (${list}) select ${list}
    from jsonb_to_recordset(${rows}) as r(op_id text, match_id text, tournament_id text,
      client_id text, seq int, type text, payload jsonb, client_time timestamptz, user_id text,
      code text, message text)
    on conflict (op_id) do nothing`;
}

/**
 * The statement reading which ops of `matchIds` wait on the review list: a push that applies
 * one of them takes it off the list (write-push.ts); most pushes apply none.
 */
export function pendingReviewSql(matchIds: readonly string[]): string {
  return `select op_id from review_ops
    where match_id in (${literalList(matchIds)}) and status = 'pending'`;
}

type Row = typeof reviewOps.$inferSelect & { userName: string | null };

/** The op a review row holds, as it was pushed. */
export function opOfReview(row: typeof reviewOps.$inferSelect): Op {
  const { opId, clientId, seq, matchId, type, payload } = row;
  return {
    opId,
    clientId,
    seq,
    matchId,
    type,
    payload,
    clientTime: row.clientTime.toISOString(),
  } as Op;
}

function toView(row: Row): ReviewOp {
  return {
    op: opOfReview(row),
    eventId: row.tournamentId,
    userId: row.userId,
    userName: row.userName,
    code: row.code,
    message: row.message,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

/** The review list, newest first (at most 500), by status and/or match. */
export async function listReview(
  db: Database,
  filter: { status?: ReviewStatus; match?: string },
): Promise<ReviewOp[]> {
  const where = [];
  if (filter.status) where.push(eq(reviewOps.status, filter.status));
  if (filter.match) where.push(eq(reviewOps.matchId, filter.match));
  const rows = await db
    .select({ ...getColumns(), userName: users.name })
    .from(reviewOps)
    .leftJoin(users, eq(users.id, reviewOps.userId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(reviewOps.receivedAt), desc(reviewOps.seq))
    .limit(500);
  return rows.map(toView);
}

function getColumns() {
  const r = reviewOps;
  return {
    opId: r.opId,
    matchId: r.matchId,
    tournamentId: r.tournamentId,
    clientId: r.clientId,
    seq: r.seq,
    type: r.type,
    payload: r.payload,
    clientTime: r.clientTime,
    userId: r.userId,
    code: r.code,
    message: r.message,
    status: r.status,
    receivedAt: r.receivedAt,
    resolvedAt: r.resolvedAt,
    resolvedBy: r.resolvedBy,
  };
}

/** One review row, locked for a decision; undefined when there is none. */
export async function lockReview(tx: Transaction, opId: string) {
  const [row] = await tx.select().from(reviewOps).where(eq(reviewOps.opId, opId)).for('update');
  return row;
}

/** Records an admin's decision on a review row. */
export async function resolveReview(
  db: Database | Transaction,
  opId: string,
  status: Exclude<ReviewStatus, 'pending'>,
  adminId: string,
): Promise<void> {
  await db
    .update(reviewOps)
    .set({ status, resolvedAt: sql`now()`, resolvedBy: adminId })
    .where(eq(reviewOps.opId, opId));
}
