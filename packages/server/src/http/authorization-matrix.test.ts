import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { apiErrorSchema, API, DEFAULT_SYNC_SETTINGS, ROLES, type Role } from '@courtsync/protocol';
import { SCORE_API } from '@courtsync/protocol/scores';
import {
  apiRequest,
  cookieHeader,
  createTestMatch,
  DEMO,
  describeEachDatabase,
  signIn,
  TestClient,
  TestClock,
  testApi,
  testMonitoring,
  type TestSession,
} from '@courtsync/server/test-support';
import { DEMO_TOURNAMENT_ID } from '../db/seed';
import { alerts, syncErrors } from '../db/schema-monitoring';
import type { Database } from '../db/types';
import { enqueueTrigger } from '../monitoring/manual-trigger';
import { issueAccessToken } from '../services/auth/access-token';
import { signingKey } from '../services/auth/signing-key';
import type { ApiHandlers } from './api-handlers';
import { ROUTE_POLICIES, type RouteName } from './route-policy';

/** Who calls: a role's demo user, nobody, or a user whose token is broken in some way. */
type Caller = Role | 'anonymous' | 'tampered' | 'expired' | 'revoked';
const EMAIL: Record<Role, string> = {
  admin: DEMO.admin,
  scorekeeper: DEMO.scorer1,
  coach: DEMO.coach,
  media: DEMO.media,
  spectator: DEMO.fan,
};

interface Setup {
  api: ApiHandlers;
  /** Headers of the caller (cookie / Authorization). */
  headers: Record<string, string>;
  /** The caller's session (absent for the anonymous and broken tokens). */
  session?: TestSession;
  /** An admin's session, to arrange state (claims, review entries) before the call. */
  admin: TestSession;
  scorer1: TestSession;
  scorer2: TestSession;
  freshMatch(): Promise<string>;
  db: Database;
}

const E = DEMO_TOURNAMENT_ID;

/** Claims `matchId` as `who` (201/200) through the API. */
async function claimAs(s: Setup, who: TestSession, matchId: string) {
  const r = await s.api.claimMatch(
    apiRequest('POST', API.claim(E, matchId), undefined, { cookie: who.cookie }),
    E,
    matchId,
  );
  expect([200, 201]).toContain(r.status);
}

/** A pending review entry: scorer2 pushes a rally to a match scorer1 holds. */
async function reviewEntry(s: Setup): Promise<string> {
  const matchId = await s.freshMatch();
  await claimAs(s, s.scorer1, matchId);
  const op = new TestClient().rally(matchId, 'A');
  const r = await s.api.push(
    apiRequest('POST', API.push, { ops: [op] }, { cookie: s.scorer2.cookie }),
  );
  expect(r.status).toBe(200);
  // The holder goes away so an admin's accept applies cleanly.
  return op.opId;
}

/** An open alert of its own (the acknowledge route needs one per call). */
async function openAlert(db: Database): Promise<number> {
  const [row] = await db
    .insert(alerts)
    .values({
      ruleId: 'tournaments-consecutive-failures',
      subject: randomUUID(),
      severity: 'HIGH',
      status: 'OPEN',
      message: 'x',
      threshold: 3,
      openedAt: new Date(),
    })
    .returning({ id: alerts.id });
  return row!.id;
}

/** A logged sync error of its own (the resolve route needs one per call). */
async function loggedError(db: Database): Promise<number> {
  const [row] = await db
    .insert(syncErrors)
    .values({
      job: 'schedules',
      errorType: 'API',
      severity: 'HIGH',
      message: 'HTTP 503',
      recoverySuggestion: 'Retry later',
      occurredAt: new Date(),
    })
    .returning({ id: syncErrors.id });
  return row!.id;
}

const BG = '/api/v1/sync/background';
const device = () => ({ clientId: randomUUID() });
const M = '/api/v1/sync/monitoring';
const A = '/api/v1/sync/admin';

/**
 * One request per declared route that a caller the route admits gets a 2xx for: state is
 * arranged first where the route needs it (a claim to release, an entry to review …).
 */
const SAMPLES: Record<RouteName, (s: Setup) => Promise<Response>> = {
  push: async (s) => {
    const matchId = await s.freshMatch();
    if (s.session?.user.role === 'scorekeeper') await claimAs(s, s.session, matchId);
    const ops = [new TestClient().rally(matchId, 'A')];
    return s.api.push(apiRequest('POST', API.push, { ops }, s.headers));
  },
  pull: (s) => s.api.pull(apiRequest('GET', `${API.pull}?cursor=0`, undefined, s.headers)),
  stream: async (s) => {
    const response = await s.api.stream(apiRequest('GET', API.stream, undefined, s.headers));
    await response.body?.cancel();
    return response;
  },
  connectivityTest: (s) =>
    s.api.connectivityTest(apiRequest('HEAD', API.connectivityTest, undefined, s.headers)),
  getMatch: (s) =>
    s.api.getMatch(
      apiRequest('GET', API.match('demo-beach-1'), undefined, s.headers),
      'demo-beach-1',
    ),
  getMatchEvents: (s) =>
    s.api.getMatchEvents(
      apiRequest('GET', API.matchEvents('demo-beach-1'), undefined, s.headers),
      'demo-beach-1',
    ),
  listTournaments: (s) =>
    s.api.listTournaments(apiRequest('GET', API.tournaments, undefined, s.headers)),
  health: (s) => s.api.health(apiRequest('GET', API.health, undefined, s.headers)),
  login: (s) =>
    s.api.login(
      apiRequest('POST', API.login, { email: DEMO.fan, password: 'courtsync-demo' }, s.headers),
    ),
  refresh: async (s) => {
    const fresh = await signIn(s.api, s.session?.user.email ?? DEMO.fan);
    const cookie = [s.headers.cookie, `cs_refresh=${fresh.refreshToken}`]
      .filter(Boolean)
      .join('; ');
    return s.api.refresh(apiRequest('POST', API.refresh, undefined, { ...s.headers, cookie }));
  },
  // A sign-in of its own: logging out the caller's session would end it for later cells.
  logout: async (s) => {
    if (!s.session) return s.api.logout(apiRequest('POST', API.logout, undefined, s.headers));
    const own = await signIn(s.api, s.session.user.email);
    return s.api.logout(apiRequest('POST', API.logout, undefined, { cookie: own.cookie }));
  },
  session: (s) => s.api.session(apiRequest('GET', API.session, undefined, s.headers)),
  listUsers: (s) => s.api.listUsers(apiRequest('GET', API.users, undefined, s.headers)),
  createUser: (s) =>
    s.api.createUser(
      apiRequest(
        'POST',
        API.users,
        {
          email: `u${Math.random().toString(36).slice(2)}@x.test`,
          name: 'New',
          role: 'media',
          password: 'long-enough',
        },
        s.headers,
      ),
    ),
  updateUser: (s) =>
    s.api.updateUser(
      apiRequest('PATCH', API.user('u-media'), { name: 'Mia Media' }, s.headers),
      'u-media',
    ),
  listClaims: (s) => s.api.listClaims(apiRequest('GET', API.claims(E), undefined, s.headers), E),
  getClaim: (s) =>
    s.api.getClaim(
      apiRequest('GET', API.claim(E, 'demo-beach-1'), undefined, s.headers),
      E,
      'demo-beach-1',
    ),
  claimMatch: async (s) => {
    const m = await s.freshMatch();
    return s.api.claimMatch(apiRequest('POST', API.claim(E, m), {}, s.headers), E, m);
  },
  releaseClaim: async (s) => {
    const m = await s.freshMatch();
    await claimAs(s, s.session?.user.role === 'scorekeeper' ? s.session : s.scorer1, m);
    return s.api.releaseClaim(apiRequest('DELETE', API.claim(E, m), undefined, s.headers), E, m);
  },
  handoverClaim: async (s) => {
    const m = await s.freshMatch();
    await claimAs(s, s.scorer1, m);
    const body = { userId: s.scorer2.user.id };
    return s.api.handoverClaim(apiRequest('POST', API.handover(E, m), body, s.headers), E, m);
  },
  getCoveragePlan: (s) =>
    s.api.getCoveragePlan(apiRequest('GET', API.coveragePlans(E), undefined, s.headers), E),
  putCoveragePlan: (s) =>
    s.api.putCoveragePlan(
      apiRequest('PUT', API.coveragePlans(E), { selectedMatches: ['demo-beach-1'] }, s.headers),
      E,
    ),
  deleteCoveragePlan: (s) =>
    s.api.deleteCoveragePlan(apiRequest('DELETE', API.coveragePlans(E), undefined, s.headers), E),
  listReview: (s) => s.api.listReview(apiRequest('GET', API.review, undefined, s.headers)),
  acceptReview: async (s) => {
    const opId = await reviewEntry(s);
    return s.api.acceptReview(
      apiRequest('POST', API.reviewAccept(opId), undefined, s.headers),
      opId,
    );
  },
  dismissReview: async (s) => {
    const opId = await reviewEntry(s);
    return s.api.dismissReview(
      apiRequest('POST', API.reviewDismiss(opId), undefined, s.headers),
      opId,
    );
  },
  listScores: (s) =>
    s.api.listScores(apiRequest('GET', SCORE_API.list(E), undefined, s.headers), E),
  getScore: (s) =>
    s.api.getScore(
      apiRequest('GET', SCORE_API.match(E, 'demo-beach-1'), undefined, s.headers),
      E,
      'demo-beach-1',
    ),
  getScoreHistory: (s) =>
    s.api.getScoreHistory(
      apiRequest('GET', SCORE_API.history(E, 'demo-beach-1'), undefined, s.headers),
      E,
      'demo-beach-1',
    ),
  // A scorekeeper corrects only a match they hold: they claim it first.
  postScoreCorrection: async (s) => {
    const matchId = await s.freshMatch();
    if (s.session?.user.role === 'scorekeeper') await claimAs(s, s.session, matchId);
    const body = { matchId, sets: [{ a: 2, b: 0 }] };
    return s.api.postScoreCorrection(apiRequest('POST', SCORE_API.list(E), body, s.headers), E);
  },
  backgroundStatus: (s) =>
    s.api.backgroundStatus(
      apiRequest('GET', `${BG}/status?clientId=${randomUUID()}`, undefined, s.headers),
    ),
  backgroundStart: (s) =>
    s.api.backgroundStart(apiRequest('POST', `${BG}/start`, device(), s.headers)),
  backgroundSettings: (s) =>
    s.api.backgroundSettings(
      apiRequest(
        'PUT',
        `${BG}/settings`,
        { ...device(), settings: DEFAULT_SYNC_SETTINGS },
        s.headers,
      ),
    ),
  backgroundPause: (s) =>
    s.api.backgroundPause(apiRequest('POST', `${BG}/pause`, device(), s.headers)),
  backgroundResume: (s) =>
    s.api.backgroundResume(apiRequest('POST', `${BG}/resume`, device(), s.headers)),
  backgroundMetrics: (s) =>
    s.api.backgroundMetrics(
      apiRequest('GET', `${BG}/metrics?clientId=${randomUUID()}`, undefined, s.headers),
    ),
  backgroundReport: (s) => {
    const report = {
      id: randomUUID(),
      at: new Date().toISOString(),
      items: 1,
      bytes: 100,
      durationMs: 20,
      failures: 0,
      waitMs: 0,
    };
    const body = { ...device(), reports: [report] };
    return s.api.backgroundReport(apiRequest('POST', `${BG}/metrics`, body, s.headers));
  },
  metrics: (s) => s.api.metrics(apiRequest('GET', '/api/metrics', undefined, s.headers)),
  healthOverview: (s) =>
    s.api.healthOverview(apiRequest('GET', `${M}/health-overview`, undefined, s.headers)),
  performanceHistory: (s) =>
    s.api.performanceHistory(
      apiRequest('GET', `${M}/performance-history?period=24h`, undefined, s.headers),
    ),
  tournamentSync: (s) =>
    s.api.tournamentSync(apiRequest('GET', `${M}/tournaments`, undefined, s.headers)),
  listAlerts: (s) => s.api.listAlerts(apiRequest('GET', `${M}/alerts`, undefined, s.headers)),
  acknowledgeAlert: async (s) => {
    const id = String(await openAlert(s.db));
    const body = { note: 'on it' };
    return s.api.acknowledgeAlert(
      apiRequest('POST', `${M}/alerts/${id}/acknowledge`, body, s.headers),
      id,
    );
  },
  listSyncErrors: (s) =>
    s.api.listSyncErrors(apiRequest('GET', `${M}/errors`, undefined, s.headers)),
  resolveSyncError: async (s) => {
    const id = String(await loggedError(s.db));
    const body = { notes: 'provider back' };
    return s.api.resolveSyncError(
      apiRequest('POST', `${M}/errors/${id}/resolve`, body, s.headers),
      id,
    );
  },
  manualTrigger: (s) =>
    s.api.manualTrigger(
      apiRequest(
        'POST',
        `${A}/manual-trigger`,
        { entity_type: 'tournaments', priority: 'LOW', reason: 'matrix check' },
        s.headers,
      ),
    ),
  manualTriggerStatus: async (s) => {
    const body = { entity_type: 'schedules', priority: 'LOW' as const, reason: 'matrix check' };
    const row = await enqueueTrigger(s.db, body, 'test', new Date());
    return s.api.manualTriggerStatus(
      apiRequest('GET', `${A}/manual-trigger/${row.id}`, undefined, s.headers),
      row.id,
    );
  },
  auditLog: (s) => s.api.auditLog(apiRequest('GET', `${A}/audit-log`, undefined, s.headers)),
  listAlertRules: (s) =>
    s.api.listAlertRules(apiRequest('GET', `${A}/alert-rules`, undefined, s.headers)),
  updateAlertRule: (s) =>
    s.api.updateAlertRule(
      apiRequest('PUT', `${A}/alert-rules/overall-success-rate`, { threshold: 95 }, s.headers),
      'overall-success-rate',
    ),
  pauseJob: (s) =>
    s.api.pauseJob(
      apiRequest('POST', `${A}/jobs/live-results/pause`, undefined, s.headers),
      'live-results',
    ),
  resumeJob: (s) =>
    s.api.resumeJob(
      apiRequest('POST', `${A}/jobs/live-results/resume`, undefined, s.headers),
      'live-results',
    ),
};

/** What the declaration says `caller` gets from `route`. */
function expected(route: RouteName, caller: Caller): '2xx' | 401 | 403 {
  const { access } = ROUTE_POLICIES[route];
  if (access === 'public') return '2xx';
  if (!(ROLES as readonly string[]).includes(caller)) return 401;
  return (access as readonly string[]).includes(caller) ? '2xx' : 403;
}

const CALLERS: Caller[] = [...ROLES, 'anonymous', 'tampered', 'expired', 'revoked'];
const ROUTES = Object.keys(ROUTE_POLICIES) as RouteName[];

describeEachDatabase('authorisation matrix: every route × every caller', (get) => {
  let base: Omit<Setup, 'headers' | 'session'>;
  const sessions = new Map<Caller, { headers: Record<string, string>; session?: TestSession }>();

  beforeAll(async () => {
    const { db } = get();
    const monitoring = testMonitoring(db, new TestClock());
    const { api } = testApi(db, {
      auth: { mode: 'required' },
      rateLimits: { store: 'off' },
      monitoring,
    });
    const [admin, scorer1, scorer2] = await Promise.all([
      signIn(api, DEMO.admin),
      signIn(api, DEMO.scorer1),
      signIn(api, DEMO.scorer2),
    ]);
    base = { api, admin, scorer1, scorer2, db, freshMatch: () => createTestMatch(db) };
    for (const role of ROLES) {
      const session = await signIn(api, EMAIL[role]);
      sessions.set(role, { session, headers: { cookie: session.cookie } });
    }
    sessions.set('anonymous', { headers: {} });
    // A real token of a coach with one signature character changed.
    const coach = await signIn(api, DEMO.coach);
    const sig = coach.accessToken.slice(-6);
    const flipped = sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    sessions.set('tampered', {
      headers: { authorization: `Bearer ${coach.accessToken.slice(0, -6)}${flipped}` },
    });
    // An admin's token that expired a minute ago (signed with the server's key).
    const expired = await issueAccessToken(
      await signingKey(db),
      { userId: admin.user.id, role: 'admin', sessionId: 'x' },
      60,
      new Date(Date.now() - 120_000),
    );
    sessions.set('expired', { headers: { cookie: cookieHeader(expired.token) } });
    // An admin whose refresh token was used twice: the session, and its access token, end.
    const victim = await signIn(api, DEMO.admin);
    const cookie = cookieHeader(undefined, victim.refreshToken);
    expect((await api.refresh(apiRequest('POST', API.refresh, undefined, { cookie }))).status).toBe(
      200,
    );
    const reused = await api.refresh(apiRequest('POST', API.refresh, undefined, { cookie }));
    expect(reused.status).toBe(401);
    expect(apiErrorSchema.parse(await reused.json()).error.code).toBe('TOKEN_INVALID');
    sessions.set('revoked', { headers: { cookie: cookieHeader(victim.accessToken) } });
  });

  const cells = ROUTES.flatMap((route) => CALLERS.map((caller) => [route, caller] as const));
  it.each(cells)('%s as %s answers as declared', async (route, caller) => {
    const who = sessions.get(caller);
    if (!who) throw new Error(`no caller ${caller}`);
    const response = await SAMPLES[route]({ ...base, ...who });
    const want = expected(route, caller);
    // The stream's body was cancelled by its sample (it never ends by itself).
    const streaming = route === 'stream' && response.status === 200;
    const body = streaming ? '' : await response.text();
    if (want === '2xx') {
      if (response.status < 200 || response.status >= 300) {
        throw new Error(`${route} as ${caller}: ${response.status} ${body.slice(0, 300)}`);
      }
      return;
    }
    expect(response.status).toBe(want);
    const { error } = apiErrorSchema.parse(JSON.parse(body));
    const code =
      want === 403
        ? 'FORBIDDEN'
        : caller === 'expired'
          ? 'TOKEN_EXPIRED'
          : caller === 'anonymous'
            ? 'AUTH_REQUIRED'
            : 'TOKEN_INVALID';
    expect(error.code).toBe(code);
  });
});

/** Every `app/api/**\/route.ts` and the methods it exports, as `METHOD /path/:param`. */
function appRoutes(): string[] {
  const root = path.join(__dirname, '../../../../app/api');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const rel = path.relative(path.join(root, '..'), path.dirname(full));
        const route =
          '/' +
          rel
            .split(path.sep)
            .map((p) => p.replace(/^\[(.+)\]$/, ':$1'))
            .join('/');
        const source = readFileSync(full, 'utf8');
        for (const m of source.matchAll(
          /export (?:async )?function (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g,
        )) {
          found.push(`${m[1]} ${route}`);
        }
      }
    }
  };
  walk(root);
  return found.sort();
}

describe('the declaration covers the app', () => {
  it('declares exactly the routes and methods app/api serves', () => {
    const declared = Object.values(ROUTE_POLICIES)
      .flatMap((p) => p.methods.map((m) => `${m} ${p.path}`))
      .sort();
    expect(appRoutes()).toEqual(declared);
  });
});

describe('the declaration says who may write (F4, F5, F21)', () => {
  const allowed = (role: Role) =>
    ROUTES.filter((r) => {
      const { access } = ROUTE_POLICIES[r];
      return access !== 'public' && (access as readonly string[]).includes(role);
    }).sort();

  it('gives each role exactly its routes beyond the public ones', () => {
    const claimsRead = ['getClaim', 'listClaims'];
    const coverage = ['deleteCoveragePlan', 'getCoveragePlan', 'putCoveragePlan'];
    // Every signed-in user's device may steer and report its own background sync.
    const device = ROUTES.filter((r) => r.startsWith('background'));
    expect(device).toHaveLength(7);
    const monitoring = [
      'acknowledgeAlert',
      'auditLog',
      'healthOverview',
      'listAlertRules',
      'listAlerts',
      'listSyncErrors',
      'manualTrigger',
      'manualTriggerStatus',
      'metrics',
      'pauseJob',
      'performanceHistory',
      'resolveSyncError',
      'resumeJob',
      'tournamentSync',
      'updateAlertRule',
    ];
    expect(allowed('spectator')).toEqual([...device].sort());
    expect(allowed('coach')).toEqual([...claimsRead, ...coverage, ...device].sort());
    expect(allowed('media')).toEqual([...claimsRead, ...coverage, ...device].sort());
    expect(allowed('scorekeeper')).toEqual(
      [
        'claimMatch',
        'postScoreCorrection',
        'push',
        'releaseClaim',
        ...claimsRead,
        ...device,
      ].sort(),
    );
    expect(allowed('admin')).toEqual(
      [
        'acceptReview',
        'claimMatch',
        'createUser',
        'dismissReview',
        'handoverClaim',
        'listReview',
        'listUsers',
        'postScoreCorrection',
        'push',
        'releaseClaim',
        'updateUser',
        ...claimsRead,
        ...device,
        ...monitoring,
      ].sort(),
    );
  });

  it('lets only reads and sign-in be public, and only the push and device sync open to the anonymous in open mode', () => {
    const publicRoutes = ROUTES.filter((r) => ROUTE_POLICIES[r].access === 'public').sort();
    expect(publicRoutes).toEqual(
      [
        'connectivityTest',
        'getMatch',
        'getMatchEvents',
        'getScore',
        'getScoreHistory',
        'health',
        'listScores',
        'listTournaments',
        'login',
        'logout',
        'pull',
        'refresh',
        'session',
        'stream',
      ].sort(),
    );
    for (const r of publicRoutes) {
      const methods: readonly string[] = ROUTE_POLICIES[r].methods;
      const signIn = ['login', 'logout', 'refresh'].includes(r);
      expect(signIn || methods.every((m) => m === 'GET' || m === 'HEAD')).toBe(true);
    }
    const openToAnonymous = ROUTES.filter((r) => 'anonymousWhenOpen' in ROUTE_POLICIES[r]);
    expect(openToAnonymous.sort()).toEqual(
      ['push', ...ROUTES.filter((r) => r.startsWith('background'))].sort(),
    );
    expect(ROUTES.filter((r) => 'scrapeToken' in ROUTE_POLICIES[r])).toEqual(['metrics']);
    expect(ROUTES.filter((r) => ROUTE_POLICIES[r].rate === 'none')).toEqual(['health']);
  });
});
