import Dexie, { type EntityTable } from 'dexie';
import type { MatchFormat, MatchState } from '@courtsync/scoring';
import type { Op, RejectCode, TournamentView } from '@courtsync/protocol';

/** Why an op left the pending queue without being applied. */
export interface OpFailure {
  code: RejectCode | string;
  message: string;
}

/** An op waiting in the outbox (pending) or set aside after a refusal (failed). */
export type OutboxEntry = Op & {
  status: 'pending' | 'failed';
  attempts: number;
  lastError?: OpFailure;
  createdAt: number;
};

/** One event of a match's local log, the input of the locally derived state. */
export interface LocalEvent {
  id?: number;
  matchId: string;
  opId: string;
  type: Op['type'];
  payload: Op['payload'];
  /** 'local' for taps on this device, 'server' for events imported from the server's log. */
  source: 'local' | 'server';
}

/** What the device knows of a match without the network. */
export interface LocalMatch {
  id: string;
  tournamentId: string;
  format: MatchFormat;
  teamA: string;
  teamB: string;
  court: string;
  scheduledAt: string;
  state: MatchState;
  /** Whether the server's event log has been imported (so an empty local log is really empty). */
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

interface MetaRow {
  key: string;
  value: string | number;
}

/** The device's IndexedDB database: outbox, local event logs, cached matches and listings, identity. */
export class CourtSyncDb extends Dexie {
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  events!: EntityTable<LocalEvent, 'id'>;
  matches!: EntityTable<LocalMatch, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  listings!: EntityTable<StoredListing, 'key'>;

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
