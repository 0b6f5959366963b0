import Dexie, { type EntityTable, type Table } from 'dexie';
import type { MatchFormat, MatchState } from '@courtsync/scoring';
import type { FeedEvent, FlushReport, Op, RejectCode, TournamentView } from '@courtsync/protocol';
import { LEVEL_BASE, type PriorityLevel } from './priority-rules';

/** Why an op left the pending queue without being applied. */
export interface OpFailure {
  code: RejectCode | string;
  message: string;
}

/**
 * An op waiting in the outbox (pending) or set aside after a refusal (failed). The opId is
 * what identifies it; seq is this device's counter (the server's exactly-once key and the
 * op's order within its match).
 */
export type OutboxEntry = Op & {
  status: 'pending' | 'failed';
  /** Sends that did not get the op applied (retried, refused); shown in the queue. */
  attempts: number;
  lastError?: OpFailure;
  /** The level the op was queued with or moved to (F11). */
  priority: PriorityLevel;
  /** The op's own score: its level plus the rules that held when it was last scored. */
  ownScore: number;
  /**
   * The score it is sent by: never below a later op of its match and never above an earlier
   * one, so sending by score keeps every match's order (see priority-scoring.ts).
   */
  score: number;
  /** -score: the index `[status+rank+seq]` reads the highest score first, then by seq. */
  rank: number;
  /** When the op was queued (ms since the epoch): age rules, average wait. */
  queuedAt: number;
};

/**
 * An op the server acknowledged (applied or duplicate) that no pull has brought back yet. It
 * stays in effect on the screen until the pull confirms it, so the score never steps back
 * between the ack and the pull.
 */
export interface AckedOp {
  opId: string;
  matchId: string;
  seq: number;
  type: Op['type'];
  payload: Op['payload'];
}

/**
 * One event of a match's server-confirmed log, as the pull brought it. The times feed the
 * scoresheet (F6); events stored before they were kept have none.
 */
export type ConfirmedEvent = Pick<
  FeedEvent,
  'matchId' | 'matchPosition' | 'position' | 'opId' | 'clientId' | 'type' | 'payload'
> &
  Partial<Pick<FeedEvent, 'clientTime' | 'serverTime'>>;

/** What the device knows of a match without the network. */
export interface LocalMatch {
  id: string;
  tournamentId: string;
  format: MatchFormat;
  teamA: string;
  teamB: string;
  court: string;
  scheduledAt: string;
  /** What the screen shows: the confirmed log with this device's unconfirmed ops on top. */
  state: MatchState;
  /**
   * Feed position up to which the confirmed log is complete (the pull cursor). Absent reads
   * as 0: a match put on the device without its log yet.
   */
  cursor?: number;
  /** When the first complete pull finished (so an empty confirmed log is really empty). */
  importedAt?: number;
}

/** A server listing as last fetched, kept so the app can start offline (F2). */
export interface StoredListing {
  key: 'tournaments';
  /** In the server's order. */
  tournaments: TournamentView[];
  /** When the server answered (ms since the epoch). */
  fetchedAt: number;
}

/** A key/value row: client id, seq counter, sync block. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The device's IndexedDB database: outbox, confirmed logs, matches, listings, identity. */
export class CourtSyncDb extends Dexie {
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  confirmed!: Table<ConfirmedEvent, [string, number]>;
  acked!: EntityTable<AckedOp, 'opId'>;
  matches!: EntityTable<LocalMatch, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  listings!: EntityTable<StoredListing, 'key'>;
  reports!: EntityTable<FlushReport, 'id'>;

  constructor(name = 'courtsync') {
    super(name);
    this.version(1).stores({
      // seq is per-device increasing: it is the push order and the exactly-once key.
      outbox: 'seq, &opId, matchId, status, [status+seq]',
      events: '++id, [matchId+id], &opId',
      matches: 'id, tournamentId',
      meta: 'key',
    });
    // Version 2 adds the saved listings; the stores of version 1 are kept as they are.
    this.version(2).stores({ listings: 'key' });
    // Version 3 (pull/rebase, F42): each match keeps the server-confirmed log and a cursor
    // instead of one mixed local log; ops acked but not yet pulled wait in `acked`.
    this.version(3)
      .stores({
        events: null,
        confirmed: '[matchId+matchPosition], &opId, matchId',
        acked: 'opId, matchId',
        outbox: 'seq, &opId, matchId, status, [status+seq], [matchId+seq]',
      })
      .upgrade(async (tx) => {
        // The old mixed log is gone, so every match must be pulled again from position 0.
        // Its stored state stays on screen until that pull rebases it.
        await tx
          .table<LocalMatch, string>('matches')
          .toCollection()
          .modify((match) => {
            delete match.importedAt;
            delete match.cursor;
          });
        await tx
          .table<OutboxEntry & { createdAt?: number }, number>('outbox')
          .toCollection()
          .modify((entry) => {
            delete entry.createdAt;
          });
      });
    // Version 4 (F11, F24): ops are sent by priority score (each match's order kept) and
    // flush reports wait in `reports` until the server has them.
    this.version(4)
      .stores({
        outbox: 'seq, &opId, matchId, status, [status+seq], [matchId+seq], [status+rank+seq]',
        reports: 'id',
      })
      .upgrade(async (tx) => {
        // Ops queued before priorities exist are normal; the next rescore applies the rules.
        const base = LEVEL_BASE.normal;
        await tx
          .table<OutboxEntry, number>('outbox')
          .toCollection()
          .modify((entry) => {
            entry.priority = 'normal';
            entry.ownScore = entry.score = base;
            entry.rank = -base;
            entry.queuedAt = Date.parse(entry.clientTime) || Date.now();
          });
      });
  }
}

/** Opens the app's database (one handle per JS context, shared by callers). */
export function openCourtSyncDb(name = 'courtsync'): CourtSyncDb {
  const store = globalThis as { __courtsyncDb?: Map<string, CourtSyncDb> };
  store.__courtsyncDb ??= new Map();
  let db = store.__courtsyncDb.get(name);
  if (!db) {
    db = new CourtSyncDb(name);
    store.__courtsyncDb.set(name, db);
  }
  return db;
}
