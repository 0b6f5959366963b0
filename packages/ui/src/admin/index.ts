/**
 * The admin dashboard (F36, F37). Its own entry point, NOT re-exported from the package index:
 * recharts must stay out of the scorekeeper pages' bundle. Import `@courtsync/ui/admin`.
 */
export { SyncDashboard } from './sync-dashboard';
export { adminApi, AdminApiError } from './admin-api';
