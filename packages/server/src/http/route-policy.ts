import type { Role } from '@courtsync/protocol';
import type { RateClass } from '../services/rate-limit/rate-settings';

/** Who may call a route: anybody (`public`), or signed-in users with one of these roles. */
export type Access = 'public' | readonly Role[];

/** One route of the API: where it is, who may call it, which bucket it counts against. */
export interface RoutePolicy {
  methods: readonly ('GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[];
  /** Path under the app, `:name` for a parameter. */
  path: string;
  access: Access;
  /**
   * With AUTH_MODE=open, anonymous callers (no token at all) are let in too; only the push
   * has it, and only for matches nobody has claimed (see auth-settings.ts).
   */
  anonymousWhenOpen?: boolean;
  /** Rate-limit class (F22); `none` only for the health check the load balancer polls. */
  rate: RateClass | 'none';
  /**
   * The server's METRICS_TOKEN (as a Bearer token) also admits: a Prometheus scraper has no user and
   * cannot refresh a 15-minute sign-in. Only `/api/metrics` has it.
   */
  scrapeToken?: boolean;
}

const WRITERS = ['admin', 'scorekeeper'] as const;
const STAFF = ['admin', 'scorekeeper', 'coach', 'media'] as const;
const PLANNERS = ['coach', 'media'] as const;
const ADMIN = ['admin'] as const;
const SIGNED_IN = ['admin', 'scorekeeper', 'coach', 'media', 'spectator'] as const;

/**
 * THE declaration of who may call which route (F21). Every handler is admitted through it
 * (`withRoute`), the authorisation matrix test walks it for every role, and a test checks that
 * every `app/api` route file is declared here. Public routes ignore a bad or expired token
 * (the caller is then anonymous): spectators must keep reading when a session lapses.
 */
export const ROUTE_POLICIES = {
  // Sync and live scores (F10, F20, F42): anybody reads, score writers write.
  push: {
    methods: ['POST'],
    path: '/api/v1/sync/push',
    access: WRITERS,
    anonymousWhenOpen: true,
    rate: 'score-write',
  },
  pull: { methods: ['GET'], path: '/api/v1/sync/pull', access: 'public', rate: 'read' },
  stream: { methods: ['GET'], path: '/api/v1/sync/stream', access: 'public', rate: 'read' },
  connectivityTest: {
    methods: ['GET', 'HEAD'],
    path: '/api/v1/sync/connectivity-test',
    access: 'public',
    rate: 'probe',
  },
  getMatch: { methods: ['GET'], path: '/api/v1/matches/:id', access: 'public', rate: 'read' },
  getMatchEvents: {
    methods: ['GET'],
    path: '/api/v1/matches/:id/events',
    access: 'public',
    rate: 'read',
  },
  listTournaments: {
    methods: ['GET'],
    path: '/api/v1/tournaments',
    access: 'public',
    rate: 'read',
  },
  health: { methods: ['GET'], path: '/api/health', access: 'public', rate: 'none' },

  // Sign-in (F21).
  login: { methods: ['POST'], path: '/api/v1/auth/login', access: 'public', rate: 'auth' },
  refresh: { methods: ['POST'], path: '/api/v1/auth/refresh', access: 'public', rate: 'auth' },
  logout: { methods: ['POST'], path: '/api/v1/auth/logout', access: 'public', rate: 'auth' },
  session: { methods: ['GET'], path: '/api/v1/auth/session', access: 'public', rate: 'read' },

  // Users (admins manage them).
  listUsers: { methods: ['GET'], path: '/api/v1/users', access: ADMIN, rate: 'read' },
  createUser: { methods: ['POST'], path: '/api/v1/users', access: ADMIN, rate: 'write' },
  updateUser: { methods: ['PATCH'], path: '/api/v1/users/:userId', access: ADMIN, rate: 'write' },

  // Match claims (F4): staff see who scores; scorekeepers claim; admins hand over.
  listClaims: {
    methods: ['GET'],
    path: '/api/v1/events/:eventId/claims',
    access: STAFF,
    rate: 'read',
  },
  getClaim: {
    methods: ['GET'],
    path: '/api/v1/events/:eventId/claims/:matchId',
    access: STAFF,
    rate: 'read',
  },
  claimMatch: {
    methods: ['POST'],
    path: '/api/v1/events/:eventId/claims/:matchId',
    access: WRITERS,
    rate: 'claim',
  },
  releaseClaim: {
    methods: ['DELETE'],
    path: '/api/v1/events/:eventId/claims/:matchId',
    access: WRITERS,
    rate: 'claim',
  },
  handoverClaim: {
    methods: ['POST'],
    path: '/api/v1/events/:eventId/claims/:matchId/handover',
    access: ADMIN,
    rate: 'claim',
  },

  // Coverage plans (F5): coaches and media keep their own.
  getCoveragePlan: {
    methods: ['GET'],
    path: '/api/v1/events/:eventId/coverage-plans',
    access: PLANNERS,
    rate: 'read',
  },
  putCoveragePlan: {
    methods: ['PUT'],
    path: '/api/v1/events/:eventId/coverage-plans',
    access: PLANNERS,
    rate: 'write',
  },
  deleteCoveragePlan: {
    methods: ['DELETE'],
    path: '/api/v1/events/:eventId/coverage-plans',
    access: PLANNERS,
    rate: 'write',
  },

  // The review list of ops refused for want of a claim (F4, F18): admins decide.
  listReview: { methods: ['GET'], path: '/api/v1/review', access: ADMIN, rate: 'read' },
  acceptReview: {
    methods: ['POST'],
    path: '/api/v1/review/:opId/accept',
    access: ADMIN,
    rate: 'write',
  },
  dismissReview: {
    methods: ['POST'],
    path: '/api/v1/review/:opId/dismiss',
    access: ADMIN,
    rate: 'write',
  },

  // Score reads (F41) are public like the live scores; corrections are a writer's, and a
  // scorekeeper's only on a match they hold (checked in the handler).
  listScores: {
    methods: ['GET'],
    path: '/api/v1/events/:eventId/scores',
    access: 'public',
    rate: 'read',
  },
  getScore: {
    methods: ['GET'],
    path: '/api/v1/events/:eventId/scores/:matchId',
    access: 'public',
    rate: 'read',
  },
  getScoreHistory: {
    methods: ['GET'],
    path: '/api/v1/events/:eventId/scores/:matchId/history',
    access: 'public',
    rate: 'read',
  },
  postScoreCorrection: {
    methods: ['POST'],
    path: '/api/v1/events/:eventId/scores',
    access: WRITERS,
    rate: 'score-write',
  },

  // A device's background sync (F23, F24): any signed-in user's device; with AUTH_MODE=open
  // the anonymous devices that may push may also report and steer their own sync.
  backgroundStatus: {
    methods: ['GET'],
    path: '/api/v1/sync/background/status',
    access: SIGNED_IN,
    anonymousWhenOpen: true,
    rate: 'read',
  },
  backgroundStart: {
    methods: ['POST'],
    path: '/api/v1/sync/background/start',
    access: SIGNED_IN,
    anonymousWhenOpen: true,
    rate: 'write',
  },
  backgroundSettings: {
    methods: ['PUT'],
    path: '/api/v1/sync/background/settings',
    access: SIGNED_IN,
    anonymousWhenOpen: true,
    rate: 'write',
  },
  backgroundPause: {
    methods: ['POST'],
    path: '/api/v1/sync/background/pause',
    access: SIGNED_IN,
    anonymousWhenOpen: true,
    rate: 'write',
  },
  backgroundResume: {
    methods: ['POST'],
    path: '/api/v1/sync/background/resume',
    access: SIGNED_IN,
    anonymousWhenOpen: true,
    rate: 'write',
  },
  backgroundMetrics: {
    methods: ['GET'],
    path: '/api/v1/sync/background/metrics',
    access: SIGNED_IN,
    anonymousWhenOpen: true,
    rate: 'read',
  },
  backgroundReport: {
    methods: ['POST'],
    path: '/api/v1/sync/background/metrics',
    access: SIGNED_IN,
    anonymousWhenOpen: true,
    rate: 'write',
  },

  // Sync monitoring and its admin (F32–F37): admins only.
  metrics: {
    methods: ['GET'],
    path: '/api/metrics',
    access: ADMIN,
    scrapeToken: true,
    rate: 'read',
  },
  healthOverview: {
    methods: ['GET'],
    path: '/api/v1/sync/monitoring/health-overview',
    access: ADMIN,
    rate: 'read',
  },
  performanceHistory: {
    methods: ['GET'],
    path: '/api/v1/sync/monitoring/performance-history',
    access: ADMIN,
    rate: 'read',
  },
  tournamentSync: {
    methods: ['GET'],
    path: '/api/v1/sync/monitoring/tournaments',
    access: ADMIN,
    rate: 'read',
  },
  listAlerts: {
    methods: ['GET'],
    path: '/api/v1/sync/monitoring/alerts',
    access: ADMIN,
    rate: 'read',
  },
  acknowledgeAlert: {
    methods: ['POST'],
    path: '/api/v1/sync/monitoring/alerts/:id/acknowledge',
    access: ADMIN,
    rate: 'write',
  },
  listSyncErrors: {
    methods: ['GET'],
    path: '/api/v1/sync/monitoring/errors',
    access: ADMIN,
    rate: 'read',
  },
  resolveSyncError: {
    methods: ['POST'],
    path: '/api/v1/sync/monitoring/errors/:id/resolve',
    access: ADMIN,
    rate: 'write',
  },
  manualTrigger: {
    methods: ['POST'],
    path: '/api/v1/sync/admin/manual-trigger',
    access: ADMIN,
    rate: 'write',
  },
  manualTriggerStatus: {
    methods: ['GET'],
    path: '/api/v1/sync/admin/manual-trigger/:id',
    access: ADMIN,
    rate: 'read',
  },
  auditLog: {
    methods: ['GET'],
    path: '/api/v1/sync/admin/audit-log',
    access: ADMIN,
    rate: 'read',
  },
  listAlertRules: {
    methods: ['GET'],
    path: '/api/v1/sync/admin/alert-rules',
    access: ADMIN,
    rate: 'read',
  },
  updateAlertRule: {
    methods: ['PUT'],
    path: '/api/v1/sync/admin/alert-rules/:id',
    access: ADMIN,
    rate: 'write',
  },
  pauseJob: {
    methods: ['POST'],
    path: '/api/v1/sync/admin/jobs/:job/pause',
    access: ADMIN,
    rate: 'write',
  },
  resumeJob: {
    methods: ['POST'],
    path: '/api/v1/sync/admin/jobs/:job/resume',
    access: ADMIN,
    rate: 'write',
  },
} as const satisfies Record<string, RoutePolicy>;

/** The name of a declared route (also the name of its handler in ApiHandlers). */
export type RouteName = keyof typeof ROUTE_POLICIES;
