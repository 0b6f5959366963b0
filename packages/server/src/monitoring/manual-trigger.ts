import type {
  ManualTriggerBody,
  ManualTriggerResponse,
  TriggerAudit,
  TriggerPriority,
} from '@courtsync/protocol';
import { desc, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { queryRows } from '../db/raw-rows';
import { manualTriggers } from '../db/schema';
import type { Database } from '../db/types';

type Row = typeof manualTriggers.$inferSelect;

/** Queue order: higher runs first. */
export const PRIORITY_RANK: Record<TriggerPriority, number> = {
  EMERGENCY: 3,
  HIGH: 2,
  NORMAL: 1,
  LOW: 0,
};

/** Queues a manual run; the row is also its audit entry (who, why, when). */
export async function enqueueTrigger(
  db: Database,
  body: ManualTriggerBody,
  requestedBy: string,
  at: Date,
): Promise<Row> {
  const [row] = await db
    .insert(manualTriggers)
    .values({
      id: ulid(at.getTime()),
      job: body.entity_type,
      tournamentNo: body.tournament_no ?? null,
      priority: body.priority,
      priorityRank: PRIORITY_RANK[body.priority],
      reason: body.reason,
      requestedBy,
      requestedAt: at,
    })
    .returning();
  if (!row) throw new Error('manual trigger not inserted');
  return row;
}

/**
 * Takes the next queued run (EMERGENCY first, then the oldest) and marks it RUNNING. One
 * statement with SKIP LOCKED: two instances draining the queue never take the same row.
 */
export async function claimNextTrigger(db: Database, at: Date): Promise<Row | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update ${manualTriggers} set status = 'RUNNING', started_at = ${at.toISOString()}::timestamptz, progress = 0
        where id = (select id from ${manualTriggers} where status = 'QUEUED'
                    order by priority_rank desc, requested_at, id limit 1 for update skip locked)
        returning id`,
  );
  const id = rows[0]?.id;
  return id ? getTrigger(db, id) : null;
}

/** Records progress of a running trigger (0–100). */
export async function setTriggerProgress(
  db: Database,
  id: string,
  percent: number,
  message: string | null,
): Promise<void> {
  await db
    .update(manualTriggers)
    .set({ progress: Math.max(0, Math.min(99, Math.round(percent))), progressMessage: message })
    .where(eq(manualTriggers.id, id));
}

/** Closes a trigger with its outcome (the audit's "outcome, records"). */
export async function finishTrigger(
  db: Database,
  id: string,
  result: Pick<Row, 'outcome' | 'recordsProcessed' | 'executionId' | 'error'> & { at: Date },
): Promise<void> {
  await db
    .update(manualTriggers)
    .set({
      status: result.outcome === 'FAILED' || result.outcome === null ? 'FAILED' : 'SUCCEEDED',
      progress: 100,
      finishedAt: result.at,
      outcome: result.outcome,
      recordsProcessed: result.recordsProcessed,
      executionId: result.executionId,
      error: result.error,
    })
    .where(eq(manualTriggers.id, id));
}

/** One trigger, or null. */
export async function getTrigger(db: Database, id: string): Promise<Row | null> {
  const [row] = await db.select().from(manualTriggers).where(eq(manualTriggers.id, id));
  return row ?? null;
}

/** The audit log, newest first. */
export function listTriggers(db: Database, limit = 100): Promise<Row[]> {
  return db
    .select()
    .from(manualTriggers)
    .orderBy(desc(manualTriggers.requestedAt), desc(manualTriggers.id))
    .limit(limit);
}

/** Answer of the trigger endpoint and its progress poll. */
export function toTriggerResponse(row: Row): ManualTriggerResponse {
  return { sync_job_id: row.id, status: row.status, progress: row.progress };
}

/** The wire shape of an audit row. */
export function toTriggerAudit(row: Row): TriggerAudit {
  return {
    id: row.id,
    job: row.job,
    tournamentNo: row.tournamentNo,
    priority: row.priority,
    reason: row.reason,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    status: row.status,
    progress: row.progress,
    progressMessage: row.progressMessage,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    outcome: row.outcome,
    recordsProcessed: row.recordsProcessed,
    error: row.error,
  };
}
