import {
  backgroundStatusSchema,
  deviceQuerySchema,
  deviceRequestSchema,
  metricsQuerySchema,
  postMetricsRequestSchema,
  postMetricsResponseSchema,
  putSettingsRequestSchema,
  syncMetricsSchema,
  type BackgroundStatus,
} from '@courtsync/protocol';
import { readFlushMetrics, storeFlushReports } from '../services/background/flush-metrics';
import {
  readDeviceStatus,
  recordManualStart,
  saveDeviceSettings,
  setDeviceState,
  type DeviceCaller,
} from '../services/background/device-sync';
import type { HandlerDeps } from './handler-deps';
import { parseQuery } from './handler-deps';
import { parseBody } from './parse-body';
import { HttpError, jsonResponse } from './responses';
import { withRoute, type RouteContext } from './with-route';

/** Bodies of this API are small: settings or at most 100 reports. */
const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_WINDOW_MINUTES = 60;

/** Handlers of /api/v1/sync/background/* (F23, F24), per device (and user, once signed in). */
export interface BackgroundHandlers {
  /** GET …/status?clientId= */
  backgroundStatus(request: Request): Promise<Response>;
  /** POST …/start {clientId}: a manual run ("Sync now") is recorded. */
  backgroundStart(request: Request): Promise<Response>;
  /** PUT …/settings {clientId, settings} */
  backgroundSettings(request: Request): Promise<Response>;
  /** POST …/pause {clientId} */
  backgroundPause(request: Request): Promise<Response>;
  /** POST …/resume {clientId} */
  backgroundResume(request: Request): Promise<Response>;
  /** GET …/metrics?clientId=&windowMinutes= : aggregates of the device's flush reports. */
  backgroundMetrics(request: Request): Promise<Response>;
  /** POST …/metrics {clientId, reports[]}: a batch of flush reports. */
  backgroundReport(request: Request): Promise<Response>;
}

const status = (body: BackgroundStatus) => jsonResponse(200, backgroundStatusSchema.parse(body));

/** Builds the background-sync handlers. */
export function createBackgroundHandlers(deps: HandlerDeps): BackgroundHandlers {
  const { getDb } = deps;
  // Rows carry the signed-in user's id, so settings follow the user to a new phone.
  const caller = (ctx: RouteContext, clientId: string): DeviceCaller => ({
    clientId,
    userId: ctx.principal.kind === 'user' ? ctx.principal.user.id : null,
  });
  const deviceAction =
    (
      route: 'backgroundStart' | 'backgroundPause' | 'backgroundResume',
      act: (c: DeviceCaller) => Promise<BackgroundStatus>,
    ) =>
    (request: Request) =>
      withRoute(request, route, deps, async (ctx) => {
        const { clientId } = await parseBody(request, deviceRequestSchema, 'body', MAX_BODY_BYTES);
        return status(await act(caller(ctx, clientId)));
      });
  return {
    backgroundStatus: (request) =>
      withRoute(request, 'backgroundStatus', deps, async (ctx) => {
        const { clientId } = parseQuery(request, deviceQuerySchema);
        return status(await readDeviceStatus(await getDb(), caller(ctx, clientId)));
      }),
    backgroundStart: deviceAction('backgroundStart', async (c) =>
      recordManualStart(await getDb(), c),
    ),
    backgroundPause: deviceAction('backgroundPause', async (c) =>
      setDeviceState(await getDb(), c, 'paused'),
    ),
    backgroundResume: deviceAction('backgroundResume', async (c) =>
      setDeviceState(await getDb(), c, 'active'),
    ),
    backgroundSettings: (request) =>
      withRoute(request, 'backgroundSettings', deps, async (ctx) => {
        const { clientId, settings } = await parseBody(
          request,
          putSettingsRequestSchema,
          'body',
          MAX_BODY_BYTES,
        );
        const c = caller(ctx, clientId);
        return status(await saveDeviceSettings(await getDb(), c, settings));
      }),
    backgroundMetrics: (request) =>
      withRoute(request, 'backgroundMetrics', deps, async () => {
        const { clientId, windowMinutes } = parseQuery(request, metricsQuerySchema);
        const window = windowMinutes ?? DEFAULT_WINDOW_MINUTES;
        if (window < 1 || window > 7 * 24 * 60) {
          throw new HttpError(400, 'VALIDATION_FAILED', 'windowMinutes must be 1…10080', [
            { path: ['query', 'windowMinutes'], message: 'between 1 and 10080' },
          ]);
        }
        const metrics = await readFlushMetrics(await getDb(), clientId, window);
        return jsonResponse(200, syncMetricsSchema.parse(metrics));
      }),
    backgroundReport: (request) =>
      withRoute(request, 'backgroundReport', deps, async (ctx) => {
        const { clientId, reports } = await parseBody(
          request,
          postMetricsRequestSchema,
          'body',
          MAX_BODY_BYTES,
        );
        const stored = await storeFlushReports(await getDb(), caller(ctx, clientId), reports);
        Object.assign(ctx.fields, stored);
        return jsonResponse(200, postMetricsResponseSchema.parse(stored));
      }),
  };
}
