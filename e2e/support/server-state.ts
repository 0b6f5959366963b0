import { expect, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import {
  API,
  matchEventsResponseSchema,
  matchViewSchema,
  type MatchEvent,
  type MatchView,
} from '@courtsync/protocol';

/** The server's view of a match, read over its API (not through the browser). */
export async function serverMatch(request: APIRequestContext, id: string): Promise<MatchView> {
  const response = await request.get(API.match(id));
  expect(response.status()).toBe(200);
  return matchViewSchema.parse(await response.json());
}

/** The server's event log of a match, read over its API. */
export async function serverEvents(request: APIRequestContext, id: string): Promise<MatchEvent[]> {
  const response = await request.get(API.matchEvents(id));
  expect(response.status()).toBe(200);
  return matchEventsResponseSchema.parse(await response.json()).events;
}

/** Waits until the server's log of a match holds `count` events. */
export async function waitForServerEvents(
  request: APIRequestContext,
  id: string,
  count: number,
  timeoutMs = 30_000,
): Promise<MatchEvent[]> {
  let events: MatchEvent[] = [];
  await expect
    .poll(async () => (events = await serverEvents(request, id)).length, { timeout: timeoutMs })
    .toBeGreaterThanOrEqual(count);
  return events;
}

/**
 * Rows of match_events straight from PostgreSQL when the e2e server runs on it
 * (E2E_DATABASE_URL); undefined on embedded PGlite, which only its own process may open.
 */
export async function databaseEventRows(
  matchId: string,
): Promise<Array<{ op_id: string; client_id: string; seq: number }> | undefined> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT op_id, client_id, seq FROM match_events WHERE match_id = $1 ORDER BY position',
      [matchId],
    );
    return rows;
  } finally {
    await client.end();
  }
}
