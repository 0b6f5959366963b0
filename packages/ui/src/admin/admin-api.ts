import {
  API,
  alertSchema,
  healthOverviewSchema,
  manualTriggerResponseSchema,
  performanceHistorySchema,
  syncErrorListSchema,
  tournamentSyncListSchema,
  triggerAuditListSchema,
} from '@courtsync/protocol';
import type {
  HistoryPeriod,
  ManualTriggerBody,
  ManualTriggerResponse,
  SyncErrorQuery,
} from '@courtsync/protocol';
import { z } from 'zod/mini';

/** A refused admin call; `status` 401/403 means "sign in as an admin". */
export class AdminApiError extends Error {
  /** HTTP status of the refusal (0 = no answer). */
  readonly status: number;

  /** Builds the error from a status and the server's message. */
  constructor(status: number, message: string) {
    super(message);
    this.name = 'AdminApiError';
    this.status = status;
  }
}

async function call<T extends z.ZodMiniType>(
  schema: T,
  url: string,
  init: RequestInit = {},
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  } catch (error) {
    throw new AdminApiError(0, error instanceof Error ? error.message : 'Network error');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new AdminApiError(response.status, message ?? `HTTP ${response.status}`);
  }
  return schema.parse(body);
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const triggerStatusSchema = z.extend(manualTriggerResponseSchema, {});

/** The admin dashboard's calls (F36, F37), each answer checked against the protocol. */
export const adminApi = {
  healthOverview: () => call(healthOverviewSchema, API.healthOverview),
  performanceHistory: (period: HistoryPeriod, entity?: string) =>
    call(
      performanceHistorySchema,
      `${API.performanceHistory}?period=${period}${entity ? `&entity=${encodeURIComponent(entity)}` : ''}`,
    ),
  tournaments: () => call(tournamentSyncListSchema, API.tournamentSync),
  errors: (query: Partial<Omit<SyncErrorQuery, 'resolved'>> & { resolved?: boolean }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    return call(syncErrorListSchema, `${API.syncErrors}?${params}`);
  },
  resolveError: (id: number, notes: string) =>
    call(z.object({ id: z.number() }), API.resolveSyncError(id), post({ notes })),
  acknowledge: (id: number) => call(alertSchema, API.acknowledgeAlert(id), post({})),
  trigger: (body: ManualTriggerBody): Promise<ManualTriggerResponse> =>
    call(manualTriggerResponseSchema, API.manualTrigger, post(body)),
  triggerStatus: (id: string) => call(triggerStatusSchema, API.manualTriggerRun(id)),
  auditLog: () => call(triggerAuditListSchema, API.auditLog),
  setJobActive: (job: string, active: boolean) =>
    call(
      z.object({ job: z.string(), active: z.boolean() }),
      active ? API.resumeJob(job) : API.pauseJob(job),
      post({}),
    ),
};

/** Cookie of the temporary admin sign-in (the server's requireAdmin reads it). */
export const ADMIN_COOKIE = 'courtsync_admin';

/**
 * Temporary admin sign-in until user accounts (issue #11): keeps the admin token in a
 * same-site cookie that the admin APIs check. Replaced by the real sign-in page.
 */
export function saveAdminToken(token: string): void {
  document.cookie = `${ADMIN_COOKIE}=${encodeURIComponent(token)}; path=/; SameSite=Strict`;
}
