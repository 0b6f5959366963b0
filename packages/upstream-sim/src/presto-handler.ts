import { z } from 'zod';
import type { PrestoTokens } from './presto-tokens';
import { json } from './responses';
import type { SimResponse } from './responses';
import type { SimSeason } from './season';
import type { SimEvent } from './season-data';

/** The Presto-style routes the simulator serves, by the name faults and logs use. */
export type PrestoRoute =
  | { endpoint: 'auth.token' }
  | { endpoint: 'auth.refresh' }
  | { endpoint: 'team.events'; key: string }
  | { endpoint: 'event.stats'; key: string };

/** Which Presto route a method + path is, or undefined (404). */
export function prestoRoute(method: string, path: string): PrestoRoute | undefined {
  if (method === 'POST' && path === '/auth/token') return { endpoint: 'auth.token' };
  if (method === 'POST' && path === '/auth/token/refresh') return { endpoint: 'auth.refresh' };
  if (method !== 'GET') return undefined;
  const team = /^\/teams\/([\w-]+)\/events$/.exec(path);
  if (team?.[1]) return { endpoint: 'team.events', key: team[1] };
  const stats = /^\/events\/([\w-]+)\/stats$/.exec(path);
  if (stats?.[1]) return { endpoint: 'event.stats', key: stats[1] };
  return undefined;
}

const loginSchema = z.object({ username: z.string(), password: z.string() });
const refreshSchema = z.object({ refreshToken: z.string().min(1) });

const STATUS = { Scheduled: 'scheduled', Running: 'in_progress', Finished: 'final' } as const;

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

const unauthorized = (message: string) => json(401, { error: { code: 'UNAUTHORIZED', message } });

function eventJson(season: SimSeason, e: SimEvent) {
  const snap = season.eventSnapshot(e);
  return {
    eventId: e.eventId,
    teamId: e.teamId,
    startDateTime: new Date(e.start).toISOString(),
    location: e.location,
    homeTeam: { name: e.home },
    awayTeam: { name: e.away },
    status: STATUS[snap.status],
    version: snap.version,
  };
}

/** Everything the Presto-style handler needs. */
export interface PrestoContext {
  season: SimSeason;
  tokens: PrestoTokens;
  credentials: { username: string; password: string };
}

/** Answers one Presto-style request (auth is checked here; faults were applied before). */
export function answerPresto(
  ctx: PrestoContext,
  route: PrestoRoute,
  body: string,
  authorization: string | undefined,
): SimResponse {
  if (route.endpoint === 'auth.token') {
    const login = loginSchema.safeParse(parseJson(body));
    if (!login.success)
      return json(400, {
        error: { code: 'BAD_REQUEST', message: 'username and password required' },
      });
    const { username, password } = ctx.credentials;
    if (login.data.username !== username || login.data.password !== password) {
      return unauthorized('invalid username or password');
    }
    return json(200, ctx.tokens.issue());
  }
  if (route.endpoint === 'auth.refresh') {
    const request = refreshSchema.safeParse(parseJson(body));
    if (!request.success)
      return json(400, { error: { code: 'BAD_REQUEST', message: 'refreshToken required' } });
    const pair = ctx.tokens.refresh(request.data.refreshToken);
    return pair ? json(200, pair) : unauthorized('refresh token invalid or expired');
  }
  if (!ctx.tokens.valid(authorization)) return unauthorized('missing, invalid or expired token');
  if (route.endpoint === 'team.events') {
    const team = ctx.season.teams.get(route.key);
    if (!team) return json(404, { error: { code: 'NOT_FOUND', message: `no team ${route.key}` } });
    const events = team.eventIds.flatMap((id) => {
      const e = ctx.season.events.get(id);
      return e ? [eventJson(ctx.season, e)] : [];
    });
    return json(200, {
      team: { teamId: team.teamId, name: team.name, season: team.season },
      data: events,
    });
  }
  const e = ctx.season.events.get(route.key);
  if (!e) return json(404, { error: { code: 'NOT_FOUND', message: `no event ${route.key}` } });
  const snap = ctx.season.eventSnapshot(e);
  return json(200, {
    eventId: e.eventId,
    status: STATUS[snap.status],
    periods: snap.score.sets.map((s, i) => ({ period: i + 1, home: s.a, away: s.b })),
    homeSetsWon: snap.score.setsWon.a,
    awaySetsWon: snap.score.setsWon.b,
    version: snap.version,
  });
}
