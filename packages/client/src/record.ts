import type { MatchState } from '@courtsync/scoring';
import type { Op } from '@courtsync/protocol';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { ensureClientId, nextSeq } from './client-identity';
import { loadLocalEvents, replayerFor, toScoringEvent } from './local-match';
import { ClientError } from './client-error';

/** What a tap asks for: the op without its delivery identity (the outbox assigns it). */
export type OpInput =
  | { matchId: string; type: 'rally'; payload: { winner: 'A' | 'B' } }
  | { matchId: string; type: 'undo'; payload?: Record<string, never> };

/** The op as written and the match state it leads to. */
export interface RecordResult {
  op: Op;
  state: MatchState;
}

/**
 * Records one scorekeeper action: in ONE IndexedDB transaction it checks the action against
 * the local match state, appends the op to the outbox and to the match's local event log and
 * stores the new state. Nothing is written when the action is refused (ScoringError).
 */
export async function record(db: CourtSyncDb, input: OpInput): Promise<RecordResult> {
  return db.transaction('rw', [db.outbox, db.events, db.matches, db.meta], async () => {
    const match = await db.matches.get(input.matchId);
    if (!match)
      throw new ClientError('UNKNOWN_MATCH', `Match ${input.matchId} is not on this device`);
    const replayer = replayerFor(match.format, await loadLocalEvents(db, input.matchId));
    const payload: Op['payload'] = input.type === 'rally' ? { winner: input.payload.winner } : {};
    const state = replayer.apply(toScoringEvent({ type: input.type, payload }));

    const op = {
      opId: crypto.randomUUID(),
      clientId: await ensureClientId(db),
      seq: await nextSeq(db),
      matchId: input.matchId,
      type: input.type,
      payload,
      clientTime: new Date().toISOString(),
    } as Op;
    const entry: OutboxEntry = { ...op, status: 'pending', attempts: 0, createdAt: Date.now() };
    await db.outbox.add(entry);
    await db.events.add({
      matchId: op.matchId,
      opId: op.opId,
      type: op.type,
      payload: op.payload,
      source: 'local',
    });
    await db.matches.update(match.id, { state });
    return { op, state };
  });
}
