import {
  MAX_PUSH_BYTES,
  pullQuerySchema,
  pullResponseSchema,
  pushEnvelopeSchema,
  pushResponseSchema,
} from '@courtsync/protocol';
import type { PullResponse, PushResponse } from '@courtsync/protocol';
import { missingFeedTarget, readFeed } from '../services/feed/read-feed';
import type { Principal } from '../services/auth/identify';
import type { WriteAccess } from '../services/claims/write-access';
import { applyReadOps, type PushOptions } from '../services/push/apply-push';
import { PushValidationError, readOps, toIssues } from '../services/push/validate-ops';
import type { HandlerDeps } from './handler-deps';
import { parseQuery } from './handler-deps';
import { readJsonBody } from './read-body';
import { emptyResponse, errorResponse, HttpError, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handlers of /api/v1/sync/* except the stream (see stream-handler.ts). */
export interface SyncHandlers {
  /** POST /api/v1/sync/push: applies a batch of ops exactly once (F10). */
  push(request: Request): Promise<Response>;
  /** GET /api/v1/sync/pull: the change feed after a cursor, one match/tournament or all. */
  pull(request: Request): Promise<Response>;
  /** GET|HEAD /api/v1/sync/connectivity-test — 204, for the client's reachability probe. */
  connectivityTest(request: Request): Promise<Response>;
}

/**
 * What the caller may write: admins any match; scorekeepers the matches they hold; the
 * anonymous (let in by AUTH_MODE=open only) matches nobody holds.
 */
function pushOptions(principal: Principal): PushOptions {
  if (principal.kind === 'anonymous') return { access: { kind: 'unclaimed' } };
  const { user } = principal;
  const access: WriteAccess =
    user.role === 'admin' ? { kind: 'any' } : { kind: 'holder', userId: user.id };
  return { access, userId: user.id };
}

/** Builds the push, pull and connectivity-test handlers. */
export function createSyncHandlers(deps: HandlerDeps): SyncHandlers {
  const { getDb } = deps;
  return {
    push: (request) =>
      withRoute(request, 'push', deps, async (ctx) => {
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
        const results = await applyReadOps(await getDb(), read, pushOptions(ctx.principal));
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

    pull: (request) =>
      withRoute(request, 'pull', deps, async (ctx) => {
        const query = parseQuery(request, pullQuerySchema);
        const db = await getDb();
        const missing = await missingFeedTarget(db, query);
        if (missing) return errorResponse(404, 'NOT_FOUND', missing);
        const page: PullResponse = pullResponseSchema.parse(await readFeed(db, query));
        Object.assign(ctx.fields, { events: page.events.length, cursor: page.cursor });
        return jsonResponse(200, page);
      }),

    connectivityTest: (request) =>
      withRoute(request, 'connectivityTest', deps, async () => emptyResponse(204)),
  };
}
