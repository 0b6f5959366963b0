import { eq } from 'drizzle-orm';
import { syncExecutions, syncTournamentResults } from '../../db/schema';
import type { Database } from '../../db/types';

/** An execution row as stored. */
export type ExecutionRow = typeof syncExecutions.$inferSelect;
/** A per-tournament result row to insert. */
export type TournamentResultInsert = typeof syncTournamentResults.$inferInsert;

/** Inserts the `running` row of a run and returns its id. */
export async function startExecution(
  db: Database,
  row: Pick<
    ExecutionRow,
    'jobName' | 'provider' | 'trigger' | 'scheduledFor' | 'instanceId' | 'startedAt'
  >,
): Promise<number> {
  const [inserted] = await db
    .insert(syncExecutions)
    .values({ ...row, status: 'running' })
    .returning({ id: syncExecutions.id });
  if (!inserted) throw new Error('execution row not inserted');
  return inserted.id;
}

/** Completes a run's row and inserts its per-tournament results (one transaction). */
export async function finishExecution(
  db: Database,
  id: number,
  fields: Partial<ExecutionRow>,
  results: TournamentResultInsert[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(syncExecutions).set(fields).where(eq(syncExecutions.id, id));
    if (results.length > 0) await tx.insert(syncTournamentResults).values(results);
  });
}
