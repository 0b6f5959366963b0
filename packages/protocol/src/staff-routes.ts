// The staff's API paths, in their own module so that device code never carries them.

/** The staff's paths: health, monitoring, the admin's jobs and alerts, review, users. */
export const STAFF_API = {
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
  users: '/api/v1/users',
  user: (id: string) => `/api/v1/users/${encodeURIComponent(id)}`,
  review: '/api/v1/review',
  reviewAccept: (opId: string) => `/api/v1/review/${encodeURIComponent(opId)}/accept`,
  reviewDismiss: (opId: string) => `/api/v1/review/${encodeURIComponent(opId)}/dismiss`,
} as const;
