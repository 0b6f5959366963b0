import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { pushResponseSchema } from '@courtsync/protocol';
import type { Op, OpResult, PushResponse } from '@courtsync/protocol';
import { replay } from '@courtsync/scoring';
import type { MatchFormat, ScoringEvent, Team } from '@courtsync/scoring';
import { asc, eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import { DEMO_TOURNAMENT_ID } from '../src/db/seed';
import { matches, matchEvents, pushCursors } from '../src/db/schema';
import type { Database } from '../src/db/types';
import { createApiHandlers } from '../src/http/api-handlers';
import type { ApiHandlerOptions, ApiHandlers } from '../src/http/api-handlers';
import { createLogger } from '../src/logger';
import type { Logger } from '../src/logger';

let matchCounter = 0;

/** Inserts a fresh scheduled match in the demo tournament and returns its id. */
export async function createTestMatch(
  db: Database,
  format: MatchFormat = 'beach',
): Promise<string> {
  matchCounter += 1;
  const id = `t-${format}-${matchCounter}-${ulid().slice(-6).toLowerCase()}`;
  await db.insert(matches).values({
    id,
    tournamentId: DEMO_TOURNAMENT_ID,
    format,
    teamA: 'Team A',
    teamB: 'Team B',
    court: 'Test court',
    scheduledAt: new Date('2026-01-01T10:00:00Z'),
    state: replay(format, []),
  });
  return id;
}

/** A scorekeeping device: a clientId and its increasing seq. Ids are UUIDs (cheap to make). */
export class TestClient {
  readonly clientId = randomUUID();
  private seq = 0;

  /** The next rally op for `matchId`. */
  rally(matchId: string, winner: Team): Op {
    this.seq += 1;
    return { ...this.base(matchId), type: 'rally', payload: { winner } };
  }

  /** The next undo op for `matchId`: of `target` (an opId), else positional (old clients). */
  undo(matchId: string, target?: string): Op {
    this.seq += 1;
    return { ...this.base(matchId), type: 'undo', payload: target ? { target } : {} };
  }

  /** The next op of any other type (timeout, substitution, sanction, ...) for `matchId`. */
  action<T extends Exclude<Op['type'], 'rally' | 'undo'>>(
    matchId: string,
    type: T,
    payload: Extract<Op, { type: T }>['payload'],
  ): Op {
    this.seq += 1;
    return { ...this.base(matchId), type, payload } as Op;
  }

  /** `n` rallies for `matchId`, winners from `pattern` cycled. */
  rallies(matchId: string, n: number, pattern: Team[] = ['A']): Op[] {
    return Array.from({ length: n }, (_, i) =>
      this.rally(matchId, pattern[i % pattern.length] ?? 'A'),
    );
  }

  private base(matchId: string) {
    return {
      opId: randomUUID(),
      clientId: this.clientId,
      seq: this.seq,
      matchId,
      clientTime: new Date().toISOString(),
    };
  }
}

/** A POST to the push route; `gzip` compresses the body and sets Content-Encoding. */
export function pushRequest(
  body: unknown,
  init: { headers?: Record<string, string>; gzip?: boolean; raw?: string } = {},
): Request {
  const text = init.raw ?? JSON.stringify(body);
  const payload = init.gzip ? gzipSync(text) : text;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.gzip) headers['content-encoding'] = 'gzip';
  return new Request('http://localhost/api/v1/sync/push', {
    method: 'POST',
    headers,
    body: payload,
  });
}

/** A GET to `path` on the API. */
export function getRequest(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, { headers });
}

/** Statuses of push results, for compact assertions. */
export function statuses(results: OpResult[]): string[] {
  return results.map((r) => (r.status === 'rejected' ? `rejected:${r.code}` : r.status));
}

/** Everything stored about a match: its row and its event log in position order. */
export async function snapshotMatch(db: Database, matchId: string) {
  const [row] = await db.select().from(matches).where(eq(matches.id, matchId));
  const events = await db
    .select()
    .from(matchEvents)
    .where(eq(matchEvents.matchId, matchId))
    .orderBy(asc(matchEvents.position));
  return { row, events };
}

/** The scoring events of a stored log, for `replay`. */
export function scoringEventsOf(
  events: { type: string; payload: Record<string, unknown> }[],
): ScoringEvent[] {
  // An undo's target is the log's business (EffectiveLog); the replayer takes back the last.
  return events.map((e) =>
    e.type === 'undo' ? { type: 'undo' } : ({ ...e.payload, type: e.type } as ScoringEvent),
  );
}

/** Everything a failed request must leave untouched: all matches, events and cursors. */
export async function dbFingerprint(db: Database): Promise<string> {
  const [matchRows, eventRows, cursorRows] = await Promise.all([
    db.select().from(matches).orderBy(asc(matches.id)),
    db.select().from(matchEvents).orderBy(asc(matchEvents.id)),
    db.select().from(pushCursors).orderBy(asc(pushCursors.clientId)),
  ]);
  return JSON.stringify({ matchRows, eventRows, cursorRows });
}

/** Log lines captured from a handler's logger, parsed. */
export interface CapturedLogs {
  logger: Logger;
  entries: Record<string, unknown>[];
}

/** A debug-level logger that keeps its entries in memory instead of printing them. */
export function captureLogs(): CapturedLogs {
  const entries: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    write: (line) => entries.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, entries };
}

/**
 * Handler options of the suites written before sign-in (F21): anonymous pushes let in
 * (AUTH_MODE=open, unclaimed matches only) and no rate limits. Suites of auth, claims and
 * limits pass their own options.
 */
export const OPEN_API: ApiHandlerOptions = { auth: { mode: 'open' }, rateLimits: { store: 'off' } };

/** The API handlers over a test database, logging into memory (OPEN_API unless told). */
export function testApi(
  db: Database,
  options: Omit<ApiHandlerOptions, 'logger'> = {},
): { api: ApiHandlers; logs: CapturedLogs } {
  const logs = captureLogs();
  const all = { ...OPEN_API, ...options, logger: logs.logger };
  return { api: createApiHandlers(async () => db, all), logs };
}

/** POSTs `ops` through the push handler and returns status and parsed body. */
export async function push(api: ApiHandlers, ops: unknown[]): Promise<PushResponse> {
  const response = await api.push(pushRequest({ ops }));
  const body: unknown = await response.json();
  if (response.status !== 200)
    throw new Error(`push failed ${response.status}: ${JSON.stringify(body)}`);
  return pushResponseSchema.parse(body);
}

/** Each op id of `matchId`'s log with how many times it is stored. */
export async function storedCounts(db: Database, matchId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ opId: matchEvents.opId })
    .from(matchEvents)
    .where(eq(matchEvents.matchId, matchId));
  const counts = new Map<string, number>();
  for (const { opId } of rows) counts.set(opId, (counts.get(opId) ?? 0) + 1);
  return counts;
}
