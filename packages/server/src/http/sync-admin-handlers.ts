import {
  alertRuleUpdateSchema,
  manualTriggerBodySchema,
  manualTriggerResponseSchema,
  syncJobNameSchema,
  triggerAuditListSchema,
} from '@courtsync/protocol';
import { listRules, toAlertRule, updateRule } from '../monitoring/alert-rules';
import {
  enqueueTrigger,
  getTrigger,
  listTriggers,
  toTriggerAudit,
  toTriggerResponse,
} from '../monitoring/manual-trigger';
import type { MonitoringRuntime } from '../monitoring/runtime';
import { DEFAULT_JOBS } from '../monitoring/runtime';
import { setJobActive } from '../monitoring/sync-status';
import type { HandlerDeps } from './handler-deps';
import { parseSmallBody } from './monitoring-handlers';
import { adminOf } from './admin-of';
import { HttpError, jsonResponse } from './responses';
import { withRoute } from './with-route';

/** Handlers of /api/v1/sync/admin/* (admin only, F35 rules, F37 manual trigger, pause). */
export interface SyncAdminHandlers {
  /** POST manual-trigger {entity_type, tournament_no?, priority, reason} → 202 {sync_job_id, status, progress}. */
  manualTrigger(request: Request): Promise<Response>;
  /** GET manual-trigger/:id → {sync_job_id, status, progress}. */
  manualTriggerStatus(request: Request, id: string): Promise<Response>;
  /** GET audit-log: every manual trigger, newest first. */
  auditLog(request: Request): Promise<Response>;
  /** GET alert-rules. */
  listAlertRules(request: Request): Promise<Response>;
  /** PUT alert-rules/:id {threshold?, windowMinutes?, severity?, escalateAfterMinutes?, channels?, enabled?}. */
  updateAlertRule(request: Request, id: string): Promise<Response>;
  /** POST jobs/:job/pause: no scheduled runs of the job until resumed. */
  pauseJob(request: Request, job: string): Promise<Response>;
  /** POST jobs/:job/resume. */
  resumeJob(request: Request, job: string): Promise<Response>;
}

const TRIGGER_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Builds the admin handlers over the monitoring runtime. */
export function createSyncAdminHandlers(
  deps: HandlerDeps,
  monitoring: () => MonitoringRuntime,
): SyncAdminHandlers {
  const { getDb } = deps;
  const now = () => monitoring().monitor.now();
  const jobNames = () => monitoring().runner()?.jobNames() ?? DEFAULT_JOBS;
  const knownJob = (job: string): string => {
    const parsed = syncJobNameSchema.safeParse(job);
    if (!parsed.success || !jobNames().includes(parsed.data)) {
      throw new HttpError(404, 'NOT_FOUND', `No sync job "${job}"`);
    }
    return parsed.data;
  };
  const setActive =
    (route: 'pauseJob' | 'resumeJob', active: boolean) => (request: Request, job: string) =>
      withRoute(request, route, deps, async (ctx) => {
        const admin = adminOf(ctx);
        const name = knownJob(job);
        await setJobActive(await getDb(), name, active, admin.id, now());
        ctx.fields.job = name;
        return jsonResponse(200, { job: name, active });
      });

  return {
    manualTrigger: (request) =>
      withRoute(request, 'manualTrigger', deps, async (ctx) => {
        const admin = adminOf(ctx);
        const body = await parseSmallBody(request, manualTriggerBodySchema);
        if (!jobNames().includes(body.entity_type)) {
          throw new HttpError(
            400,
            'VALIDATION_FAILED',
            `Unknown entity_type "${body.entity_type}"`,
            [{ path: ['entity_type'], message: `One of: ${jobNames().join(', ')}` }],
          );
        }
        const row = await enqueueTrigger(await getDb(), body, admin.id, now());
        Object.assign(ctx.fields, { triggerId: row.id, job: row.job, priority: row.priority });
        // Runs in the background; the dashboard polls manual-trigger/:id for progress.
        void monitoring().queue.kick();
        return jsonResponse(202, manualTriggerResponseSchema.parse(toTriggerResponse(row)));
      }),

    manualTriggerStatus: (request, id) =>
      withRoute(request, 'manualTriggerStatus', deps, async () => {
        if (!TRIGGER_ID.test(id))
          throw new HttpError(400, 'VALIDATION_FAILED', 'Invalid sync job id');
        const row = await getTrigger(await getDb(), id);
        if (!row) throw new HttpError(404, 'NOT_FOUND', 'No manual sync with this id');
        return jsonResponse(200, { ...toTriggerResponse(row), audit: toTriggerAudit(row) });
      }),

    auditLog: (request) =>
      withRoute(request, 'auditLog', deps, async () => {
        const rows = await listTriggers(await getDb(), 200);
        return jsonResponse(
          200,
          triggerAuditListSchema.parse({ triggers: rows.map(toTriggerAudit) }),
        );
      }),

    listAlertRules: (request) =>
      withRoute(request, 'listAlertRules', deps, async () => {
        return jsonResponse(200, { rules: (await listRules(await getDb())).map(toAlertRule) });
      }),

    updateAlertRule: (request, id) =>
      withRoute(request, 'updateAlertRule', deps, async (ctx) => {
        const admin = adminOf(ctx);
        const update = await parseSmallBody(request, alertRuleUpdateSchema);
        const row = await updateRule(await getDb(), id, update, admin.id, now());
        if (!row) throw new HttpError(404, 'NOT_FOUND', 'No alert rule with this id');
        return jsonResponse(200, toAlertRule(row));
      }),

    pauseJob: setActive('pauseJob', false),
    resumeJob: setActive('resumeJob', true),
  };
}
