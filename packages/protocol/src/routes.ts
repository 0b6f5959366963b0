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
} as const;

/** Background Sync tag the page registers after every write and the worker answers. */
export const SYNC_TAG = 'courtsync-outbox';
