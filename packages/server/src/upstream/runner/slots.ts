import { and, eq, lt } from 'drizzle-orm';
import { syncJobSlots } from '../../db/schema';
import type { Database } from '../../db/types';

/** Claimed ticks older than this are deleted (they can no longer fire). */
const KEEP_MS = 2 * 86_400_000;

/**
 * Claims the cron tick `slot` of `job` for this instance. Exactly one instance gets true for
 * a tick, however far apart their timers fire: the lock alone would let a late instance run
 * the tick again once the first run is over (F30).
 */
export async function claimSlot(
  db: Database,
  job: string,
  slot: Date,
  instanceId: string,
): Promise<boolean> {
  const claimed = await db
    .insert(syncJobSlots)
    .values({ jobName: job, slot, instanceId })
    .onConflictDoNothing()
    .returning({ jobName: syncJobSlots.jobName });
  if (claimed.length === 0) return false;
  await db
    .delete(syncJobSlots)
    .where(
      and(eq(syncJobSlots.jobName, job), lt(syncJobSlots.slot, new Date(slot.getTime() - KEEP_MS))),
    );
  return true;
}
