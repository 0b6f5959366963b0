import {
  scoreCorrectionRequestSchema,
  scoreCorrectionResponseSchema,
  type ScoreCorrectionResponse,
} from '@courtsync/protocol/scores';
import { recordCorrection } from '../services/scores/record-correction';
import { toIssues } from '../services/push/validate-ops';
import type { HandlerDeps } from './handler-deps';
import { parseEntityId } from './handler-deps';
import { authorizeCorrection } from './official-auth';
import { readJsonBody } from './read-body';
import { errorResponse, HttpError, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** A correction body is a few sets: anything near this is not one. */
const MAX_CORRECTION_BYTES = 16 * 1024;

/** The POST of the score APIs (F41). */
export interface CorrectionHandler {
  /** POST /api/v1/events/:eventId/scores — an official's set-by-set correction. */
  postScoreCorrection(request: Request, eventId: string): Promise<Response>;
}

/** Builds the correction handler. */
export function createCorrectionHandler(deps: HandlerDeps): CorrectionHandler {
  return {
    postScoreCorrection: (request, rawEventId) =>
      withRoute(request, 'postScoreCorrection', deps, async (ctx) => {
        const eventId = parseEntityId(rawEventId, 'event');
        const parsed = scoreCorrectionRequestSchema.safeParse(
          await readJsonBody(request, MAX_CORRECTION_BYTES),
        );
        if (!parsed.success) {
          throw new HttpError(
            400,
            'VALIDATION_FAILED',
            'Invalid correction',
            toIssues(parsed.error),
          );
        }
        const body = parsed.data;
        const db = await deps.getDb();
        await authorizeCorrection(db, ctx, { eventId, matchId: body.matchId });
        Object.assign(ctx.fields, { matchId: body.matchId, reason: body.reason });
        const outcome = await recordCorrection(db, eventId, body);
        if (!outcome) {
          return errorResponse(
            404,
            'NOT_FOUND',
            `No match "${body.matchId}" in event "${eventId}"`,
          );
        }
        const { result, score } = outcome;
        ctx.fields.result = result.status === 'rejected' ? result.code : result.status;
        if (result.status === 'rejected') {
          // The rules (or the op id's earlier use) refuse this correction: the caller's input.
          const path = result.code.endsWith('_REUSED') ? ['opId'] : ['sets'];
          throw new HttpError(400, 'VALIDATION_FAILED', result.message, [
            { path, message: result.message, code: result.code },
          ]);
        }
        const answer: ScoreCorrectionResponse = scoreCorrectionResponseSchema.parse({
          opId: result.opId,
          status: result.status,
          score,
        });
        return jsonResponse(result.status === 'applied' ? 201 : 200, answer);
      }),
  };
}
