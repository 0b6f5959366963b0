import { API, EffectiveLog, type FeedEvent, type Op, type OpResult } from '@courtsync/protocol';
import { ScoringError, type MatchFormat } from '@courtsync/scoring';

/** A push the fake server received, as the test inspects it. */
export interface SeenPush {
  ops: Op[];
  status: number;
}

/** The fake server as tests drive it. */
export interface FakeSyncServer {
  feed: FeedEvent[];
  pushes: SeenPush[];
  pulls: number;
  gate: ((ops: Op[]) => Response | undefined) | undefined;
  apply(ops: Op[]): OpResult[];
  state(matchId: string): EffectiveLog['state'];
  fetch: typeof fetch;
}

/**
 * An in-memory stand-in for the sync API (push, pull, connectivity test) behind a `fetch`, for
 * unit tests of the client. It follows the server's rules: dedupe by opId, targeted undo,
 * a refused op holds the later ops of its match in the same push (HELD). `gate` can answer a
 * push instead of the server (a 400, a 401, a 503 …).
 */
export function fakeSyncServer(formats: Record<string, MatchFormat>): FakeSyncServer {
  let position = 0;
  const feed: FeedEvent[] = [];
  const logs = new Map<string, EffectiveLog>();
  const seen = new Set<string>();
  const pushes: SeenPush[] = [];
  const server: FakeSyncServer = {
    feed,
    pushes,
    pulls: 0,
    /** Answers a push before the server does (return undefined to let it through). */
    gate: undefined,
    /** Appends ops as another device's push would. */
    apply(ops: Op[]): OpResult[] {
      const refusedMatches = new Set<string>();
      return ops.map((op): OpResult => {
        const { opId, seq } = op;
        if (seen.has(opId)) return { opId, seq, status: 'duplicate' };
        if (refusedMatches.has(op.matchId))
          return { opId, seq, status: 'rejected', code: 'HELD', message: 'held' };
        const format = formats[op.matchId];
        if (!format) {
          refusedMatches.add(op.matchId);
          return { opId, seq, status: 'rejected', code: 'UNKNOWN_MATCH', message: 'no match' };
        }
        const log = logs.get(op.matchId) ?? new EffectiveLog(format);
        logs.set(op.matchId, log);
        try {
          log.apply(op);
        } catch (error) {
          if (!(error instanceof ScoringError)) throw error;
          refusedMatches.add(op.matchId);
          return { opId, seq, status: 'rejected', code: 'NOTHING_TO_UNDO', message: error.message };
        }
        seen.add(opId);
        position += 1;
        const matchPosition = feed.filter((e) => e.matchId === op.matchId).length + 1;
        const now = new Date().toISOString();
        feed.push({ ...op, position, tournamentId: 't1', matchPosition, serverTime: now });
        return { opId, seq, status: 'applied', version: matchPosition };
      });
    },
    /** The server's state of a match. */
    state(matchId: string) {
      return (logs.get(matchId) ?? new EffectiveLog(formats[matchId] ?? 'beach')).state;
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://courtsync.test');
      if (url.pathname === API.connectivityTest) return new Response(null, { status: 204 });
      if (url.pathname === API.pull) {
        server.pulls += 1;
        const match = url.searchParams.get('match');
        const cursor = Number(url.searchParams.get('cursor') ?? 0);
        const events = feed.filter((e) => e.position > cursor && e.matchId === match);
        return Response.json({ events, cursor: position, hasMore: false });
      }
      if (url.pathname !== API.push) return new Response('', { status: 404 });
      const ops = (JSON.parse(String(init?.body)) as { ops: Op[] }).ops;
      const gated: Response | undefined = server.gate?.(ops);
      pushes.push({ ops, status: gated?.status ?? 200 });
      if (gated) return gated;
      const results = server.apply(ops);
      return Response.json({ results, serverTime: new Date().toISOString() });
    }) as typeof fetch,
  };
  return server;
}

/** An API error response. */
export function apiError(status: number, code: string, headers: Record<string, string> = {}) {
  return Response.json({ error: { code, message: `${code} (test)` } }, { status, headers });
}
