import { renewSession } from '@courtsync/client';
import {
  API,
  alertSchema,
  currentSessionSchema,
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

/**
 * A refused admin call. `status` 401 means "sign in" (nobody is, or the sign-in is over),
 * 403 "signed in, but not as an admin"; 0 is no answer at all.
 */
export class AdminApiError extends Error {
  /** HTTP status of the refusal (0 = no answer). */
  readonly status: number;
  /** The server's error code (AUTH_REQUIRED, TOKEN_EXPIRED, FORBIDDEN …), when it sent one. */
  readonly code: string | undefined;

  /** Builds the error from a status, the server's message and its code. */
  constructor(status: number, message: string, code?: string) {
    super(message);
    this.name = 'AdminApiError';
    this.status = status;
    this.code = code;
  }
}

/** True when an admin call was refused for want of an admin sign-in (401 or 403). */
export function needsAdminSignIn(error: unknown): error is AdminApiError {
  return error instanceof AdminApiError && (error.status === 401 || error.status === 403);
}

const send = (url: string, init: RequestInit) =>
  fetch(url, {
    ...init,
    // The sign-in's httpOnly cookies (F21) are the admin's credentials.
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });

async function call<T extends z.ZodMiniType>(
  schema: T,
  url: string,
  init: RequestInit = {},
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await send(url, init);
    // The 15-minute access token lapsed while the dashboard stayed open: renew it with the
    // refresh cookie (one renewal per origin at a time) and ask once more.
    if (response.status === 401 && (await errorOf(response.clone())).code === 'TOKEN_EXPIRED') {
      if (await renewSession((input, options) => fetch(input, options))) {
        response = await send(url, init);
      }
    }
  } catch (error) {
    throw new AdminApiError(0, error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) {
    const { message, code } = await errorOf(response);
    throw new AdminApiError(response.status, message ?? `HTTP ${response.status}`, code);
  }
  return schema.parse(await response.json());
}

/** The `error` of an API refusal, as far as it has one. */
async function errorOf(response: Response): Promise<{ message?: string; code?: string }> {
  const body: unknown = await response.json().catch(() => null);
  return (body as { error?: { message?: string; code?: string } } | null)?.error ?? {};
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
  /** Who is signed in (null: nobody), to tell a non-admin who they are signed in as. */
  session: () => call(currentSessionSchema, API.session),
  setJobActive: (job: string, active: boolean) =>
    call(
      z.object({ job: z.string(), active: z.boolean() }),
      active ? API.resumeJob(job) : API.pauseJob(job),
      post({}),
    ),
};
