import {
  entityIdSchema,
  MAX_PUSH_BYTES,
  pushEnvelopeSchema,
  pushResponseSchema,
} from '@courtsync/protocol';
import type { PushResponse } from '@courtsync/protocol';
import { sql } from 'drizzle-orm';
import { databaseDriver } from '../db/open-database';
import type { Database, DatabaseDriver } from '../db/types';
import { logger as defaultLogger } from '../logger';
import type { Logger } from '../logger';
import { getMatchEvents, getMatchView } from '../services/match-views';
import { applyReadOps } from '../services/push/apply-push';
import { PushValidationError, readOps, toIssues } from '../services/push/validate-ops';
import { listTournaments } from '../services/tournaments';
import { readJsonBody } from './read-body';
import { emptyResponse, errorResponse, HttpError, jsonResponse } from './responses';
import { withRequest } from './with-request';

/** Options of `createApiHandlers`. */
export interface ApiHandlerOptions {
  /** Where request and error logs go; default the process logger. */
  logger?: Logger;
}

/** The API's route handlers as plain `Request → Response` functions (no Next.js types). */
export interface ApiHandlers {
  /** POST /api/v1/sync/push: applies a batch of ops exactly once (F10). */
  push(request: Request): Promise<Response>;
  /** GET /api/v1/matches/:id — the match's MatchView. */
  getMatch(request: Request, id: string): Promise<Response>;
  /** GET /api/v1/matches/:id/events — the match's applied event log. */
  getMatchEvents(request: Request, id: string): Promise<Response>;
  /** GET /api/v1/tournaments — every tournament with its matches. */
  listTournaments(request: Request): Promise<Response>;
  /** GET|HEAD /api/v1/sync/connectivity-test — 204, for the client's reachability probe. */
  connectivityTest(request: Request): Promise<Response>;
  /** GET /api/health — 200 with the database driver, 503 when the database fails. */
  health(request: Request): Promise<Response>;
}

/** Driver of a database not opened through openDatabase: PGlite's client has `waitReady`. */
function driverOf(db: Database): DatabaseDriver {
  const known = databaseDriver(db);
  if (known) return known;
  const client = (db as { $client?: unknown }).$client;
  return client && typeof client === 'object' && 'waitReady' in client ? 'pglite' : 'pg';
}

function parseId(id: string): string {
  const parsed = entityIdSchema.safeParse(id);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'VALIDATION_FAILED',
      'Invalid match id',
      toIssues(parsed.error, ['id']),
    );
  }
  return parsed.data;
}

/** Builds the handlers over a lazily opened database (`getDb` is called per request). */
export function createApiHandlers(
  getDb: () => Promise<Database>,
  options: ApiHandlerOptions = {},
): ApiHandlers {
  const log = options.logger ?? defaultLogger;

  return {
    push: (request) =>
      withRequest(request, 'push', log, async (ctx) => {
        const body = await readJsonBody(request, MAX_PUSH_BYTES);
        const envelope = pushEnvelopeSchema.safeParse(body);
        if (!envelope.success) {
          throw new HttpError(
            400,
            'VALIDATION_FAILED',
            'Invalid push body',
            toIssues(envelope.error),
          );
        }
        let read;
        try {
          read = readOps(envelope.data.ops);
        } catch (error) {
          // Without opId/clientId/seq an op cannot be answered, so the whole push is refused.
          if (!(error instanceof PushValidationError)) throw error;
          throw new HttpError(400, 'VALIDATION_FAILED', error.message, error.issues);
        }
        const results = await applyReadOps(await getDb(), read);
        const counts: Record<string, number> = { applied: 0, duplicate: 0, rejected: 0 };
        for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
        Object.assign(ctx.fields, { ops: results.length, ...counts });
        // Validating our own answer: a schema drift is a server bug, better a 500 than a lie.
        const response: PushResponse = pushResponseSchema.parse({
          results,
          serverTime: new Date().toISOString(),
        });
        return jsonResponse(200, response);
      }),

    getMatch: (request, id) =>
      withRequest(request, 'getMatch', log, async () => {
        const matchId = parseId(id);
        const view = await getMatchView(await getDb(), matchId);
        if (!view) return errorResponse(404, 'NOT_FOUND', `No match with id "${matchId}"`);
        return jsonResponse(200, view);
      }),

    getMatchEvents: (request, id) =>
      withRequest(request, 'getMatchEvents', log, async () => {
        const matchId = parseId(id);
        const events = await getMatchEvents(await getDb(), matchId);
        if (!events) return errorResponse(404, 'NOT_FOUND', `No match with id "${matchId}"`);
        return jsonResponse(200, events);
      }),

    listTournaments: (request) =>
      withRequest(request, 'listTournaments', log, async () =>
        jsonResponse(200, await listTournaments(await getDb())),
      ),

    connectivityTest: (request) =>
      withRequest(request, 'connectivityTest', log, async () => emptyResponse(204)),

    health: (request) =>
      withRequest(request, 'health', log, async (ctx) => {
        try {
          const db = await getDb();
          await db.execute(sql`select 1`);
          return jsonResponse(200, { status: 'ok', db: driverOf(db) });
        } catch (error) {
          ctx.log.error('health check failed', { error });
          return errorResponse(503, 'INTERNAL', 'Database unavailable');
        }
      }),
  };
}
