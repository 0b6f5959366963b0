// The API paths devices use, apart from the staff's: a module is shipped whole, so the staff's
// paths in this one would join every screen's first load (bench 8a).

/** The paths a scorekeeper's or spectator's device uses: sync, matches, sign-in and claims. */
export const DEVICE_API = {
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
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  session: '/api/v1/auth/session',
  claims: (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/claims`,
  claim: (eventId: string, matchId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/claims/${encodeURIComponent(matchId)}`,
  handover: (eventId: string, matchId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/claims/${encodeURIComponent(matchId)}/handover`,
  coveragePlans: (eventId: string) =>
    `/api/v1/events/${encodeURIComponent(eventId)}/coverage-plans`,
} as const;

/** Background Sync tag the page registers after every write and the worker answers. */
export const SYNC_TAG = 'courtsync-outbox';
