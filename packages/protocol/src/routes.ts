/** Paths of the API, shared by the client, the service worker and the server. */
export const API = {
  push: '/api/v1/sync/push',
  pull: '/api/v1/sync/pull',
  stream: '/api/v1/sync/stream',
  connectivityTest: '/api/v1/sync/connectivity-test',
  background: {
    status: '/api/v1/sync/background/status',
    start: '/api/v1/sync/background/start',
    settings: '/api/v1/sync/background/settings',
    metrics: '/api/v1/sync/background/metrics',
    pause: '/api/v1/sync/background/pause',
    resume: '/api/v1/sync/background/resume',
  },
  tournaments: '/api/v1/tournaments',
  match: (id: string) => `/api/v1/matches/${encodeURIComponent(id)}`,
  matchEvents: (id: string) => `/api/v1/matches/${encodeURIComponent(id)}/events`,
  health: '/api/health',
  metrics: '/api/metrics',
  healthOverview: '/api/v1/sync/monitoring/health-overview',
  performanceHistory: '/api/v1/sync/monitoring/performance-history',
  tournamentSync: '/api/v1/sync/monitoring/tournaments',
  alerts: '/api/v1/sync/monitoring/alerts',
  acknowledgeAlert: (id: number) => `/api/v1/sync/monitoring/alerts/${id}/acknowledge`,
  syncErrors: '/api/v1/sync/monitoring/errors',
  resolveSyncError: (id: number) => `/api/v1/sync/monitoring/errors/${id}/resolve`,
  manualTrigger: '/api/v1/sync/admin/manual-trigger',
  manualTriggerRun: (id: string) => `/api/v1/sync/admin/manual-trigger/${encodeURIComponent(id)}`,
  auditLog: '/api/v1/sync/admin/audit-log',
  alertRules: '/api/v1/sync/admin/alert-rules',
  alertRule: (id: string) => `/api/v1/sync/admin/alert-rules/${encodeURIComponent(id)}`,
  pauseJob: (job: string) => `/api/v1/sync/admin/jobs/${encodeURIComponent(job)}/pause`,
  resumeJob: (job: string) => `/api/v1/sync/admin/jobs/${encodeURIComponent(job)}/resume`,
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  session: '/api/v1/auth/session',
  users: '/api/v1/users',
  user: (id: string) => `/api/v1/users/${encodeURIComponent(id)}`,
  claims: (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/claims`,
  claim: (eventId: string, matchId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/claims/${encodeURIComponent(matchId)}`,
  handover: (eventId: string, matchId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/claims/${encodeURIComponent(matchId)}/handover`,
  coveragePlans: (eventId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/coverage-plans`,
  review: '/api/v1/review',
  reviewAccept: (opId: string) => `/api/v1/review/${encodeURIComponent(opId)}/accept`,
  reviewDismiss: (opId: string) => `/api/v1/review/${encodeURIComponent(opId)}/dismiss`,
} as const;

/** Background Sync tag the page registers after every write and the worker answers. */
export const SYNC_TAG = 'courtsync-outbox';
