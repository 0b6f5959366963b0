import { ScoringError, type MatchState } from '@courtsync/scoring';
import { EffectiveLog, type Op } from '@courtsync/protocol';
import type { CourtSyncDb, OutboxEntry } from './courtsync-db';
import { identityFrom, IDENTITY_KEYS } from './client-identity';
import { loadEffectiveParts } from './match-log';
import { ClientError } from './client-error';
import { scoreOp } from './priority-rules';
import { isLive, readScoringInputs, scoreNewOp } from './priority-scoring';

/** The op of one type without its delivery identity (the outbox assigns it). */
type InputOf<T extends Op['type']> = {
  matchId: string;
  type: T;
  payload: Extract<Op, { type: T }>['payload'];
};

/** What a tap asks for: the op without its delivery identity (the outbox assigns it). */
export type OpInput =
  | InputOf<'rally'>
  /** Without a target, the undo takes back what this screen shows as the last action. */
  | { matchId: string; type: 'undo'; payload?: { target?: string } }
  | InputOf<'timeout'>
  | InputOf<'substitution'>
  | InputOf<'sanction'>
  | InputOf<'first-server'>
  | InputOf<'correction'>;

/** How to record: `opId` when the screen already showed the action under that id (TapSession). */
export interface RecordOptions {
  opId?: string;
}

/** The op as written and the match state it leads to. */
export interface RecordResult {
  op: Op;
  state: MatchState;
}

/**
 * Applies what a tap asks for to `log` as the action `opId` and returns the payload it is
 * stored with: an undo names its target (the last action in effect unless given), anything
 * else a copy of the caller's payload. Throws ScoringError, `log` unchanged, when the rules
 * refuse it or there is nothing to undo. The screen (TapSession) and the store (`record`)
 * both check a tap this way.
 */
export function applyInput(log: EffectiveLog, input: OpInput, opId: string): Op['payload'] {
  let payload: Op['payload'];
  if (input.type === 'undo') {
    const target = input.payload?.target ?? log.lastActionId;
    if (target === undefined)
      throw new ScoringError('NOTHING_TO_UNDO', 'Nothing to undo: no action is in effect');
    payload = { target };
  } else {
    // A copy: the stored op must not share objects with the caller's state.
    payload = structuredClone(input.payload);
  }
  const outcome = log.apply({ opId, type: input.type, payload });
  if (outcome.kind === 'duplicate')
    throw new ScoringError('NOTHING_TO_UNDO', 'Nothing to undo: that action is already undone');
  return payload;
}

/**
 * Records one scorekeeper action: in ONE IndexedDB transaction it checks the action against
 * the match as this screen shows it (confirmed log + this device's unconfirmed ops), appends
 * the op to the outbox and stores the new state. An undo names the action it takes back, so
 * it never takes back another device's rally that arrives meanwhile. Nothing is written when
 * the action is refused (ScoringError).
 */
export async function record(
  db: CourtSyncDb,
  input: OpInput,
  options: RecordOptions = {},
): Promise<RecordResult> {
  return db.transaction(
    'rw',
    [db.outbox, db.confirmed, db.acked, db.matches, db.meta],
    async () => {
      // Every read in one round (the tap waits for each round trip): the match, its log, the
      // priority rules and plan, and this device's id and op counter.
      const [match, { actions, outbox }, { rules, planned }, identityRows] = await Promise.all([
        db.matches.get(input.matchId),
        loadEffectiveParts(db, input.matchId),
        readScoringInputs(db),
        db.meta.bulkGet([...IDENTITY_KEYS]),
      ]);
      if (!match)
        throw new ClientError('UNKNOWN_MATCH', `Match ${input.matchId} is not on this device`);
      const log = EffectiveLog.of(match.format, actions);
      const wasLive = isLive(log.state);
      const opId = options.opId ?? crypto.randomUUID();
      // Validate before taking a seq: a refused tap must not consume one.
      const payload = applyInput(log, input, opId);
      const identity = identityFrom(identityRows);
      const op = {
        opId,
        clientId: identity.clientId,
        seq: identity.seq,
        matchId: input.matchId,
        type: input.type,
        payload,
        clientTime: new Date().toISOString(),
      } as Op;
      const queuedAt = Date.now();
      const ownScore = scoreOp(
        {
          type: op.type,
          matchId: op.matchId,
          priority: 'normal',
          // The point that ends a match is still a live match's point.
          matchLive: wasLive || isLive(log.state),
          inCoveragePlan: planned.has(op.matchId),
          ageMs: 0,
        },
        rules,
      );
      const entry: OutboxEntry = {
        ...op,
        status: 'pending',
        attempts: 0,
        priority: 'normal',
        queuedAt,
        ...scoreNewOp(ownScore, outbox[outbox.length - 1]),
      };
      // The writes in one round too: IndexedDB applies them in order, all or none.
      await Promise.all([
        db.outbox.add(entry),
        db.meta.bulkPut(identity.writes),
        db.matches.update(match.id, { state: log.state }),
      ]);
      return { op, state: log.state };
    },
  );
}
