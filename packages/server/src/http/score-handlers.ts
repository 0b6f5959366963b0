import {
  historyQuerySchema,
  historyResponseSchema,
  matchScoreSchema,
  scoreListQuerySchema,
  scoreListResponseSchema,
} from '@courtsync/protocol/scores';
import { readHistory } from '../services/scores/read-history';
import { getScore, listScores } from '../services/scores/read-scores';
import { createCorrectionHandler } from './correction-handler';
import type { HandlerDeps } from './handler-deps';
import { parseEntityId, parseQuery } from './handler-deps';
import { errorResponse, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handlers of /api/v1/events/:eventId/scores… (F41); an event is a tournament. */
export interface ScoreHandlers {
  /** GET /api/v1/events/:eventId/scores?teamId&division — the event's match scores. */
  listScores(request: Request, eventId: string): Promise<Response>;
  /** GET /api/v1/events/:eventId/scores/:matchId — one match's score. */
  getScore(request: Request, eventId: string, matchId: string): Promise<Response>;
  /** GET /api/v1/events/:eventId/scores/:matchId/history?limit&offset — a page of its log. */
  getScoreHistory(request: Request, eventId: string, matchId: string): Promise<Response>;
  /** POST /api/v1/events/:eventId/scores — an official's set-by-set correction. */
  postScoreCorrection(request: Request, eventId: string): Promise<Response>;
}

const noMatch = (eventId: string, matchId: string) =>
  errorResponse(404, 'NOT_FOUND', `No match "${matchId}" in event "${eventId}"`);

/** Builds the score API handlers. */
export function createScoreHandlers(deps: HandlerDeps): ScoreHandlers {
  const { getDb } = deps;
  return {
    listScores: (request, rawEventId) =>
      withRoute(request, 'listScores', deps, async (ctx) => {
        const eventId = parseEntityId(rawEventId, 'event');
        const filter = parseQuery(request, scoreListQuerySchema);
        const scores = await listScores(await getDb(), eventId, filter);
        if (!scores) return errorResponse(404, 'NOT_FOUND', `No event with id "${eventId}"`);
        ctx.fields.matches = scores.length;
        return jsonResponse(200, scoreListResponseSchema.parse({ eventId, scores }));
      }),

    getScore: (request, rawEventId, rawMatchId) =>
      withRoute(request, 'getScore', deps, async () => {
        const eventId = parseEntityId(rawEventId, 'event');
        const matchId = parseEntityId(rawMatchId);
        const score = await getScore(await getDb(), eventId, matchId);
        if (!score) return noMatch(eventId, matchId);
        return jsonResponse(200, matchScoreSchema.parse(score));
      }),

    getScoreHistory: (request, rawEventId, rawMatchId) =>
      withRoute(request, 'getScoreHistory', deps, async (ctx) => {
        const eventId = parseEntityId(rawEventId, 'event');
        const matchId = parseEntityId(rawMatchId);
        const query = parseQuery(request, historyQuerySchema);
        const page = await readHistory(await getDb(), eventId, matchId, query);
        if (!page) return noMatch(eventId, matchId);
        ctx.fields.events = page.events.length;
        return jsonResponse(200, historyResponseSchema.parse(page));
      }),

    ...createCorrectionHandler(deps),
  };
}
