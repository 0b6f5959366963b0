import { renderMetrics } from '../monitoring/metrics-scrape';
import type { HandlerDeps } from './handler-deps';
import { withRequest } from './with-request';

/** Handler of /api/metrics. */
export interface MetricsHandler {
  /** GET /api/metrics — Prometheus text exposition (F34). */
  metrics(request: Request): Promise<Response>;
}

/** Builds the metrics handler. */
export function createMetricsHandler({ getDb, log }: HandlerDeps): MetricsHandler {
  return {
    metrics: (request) =>
      withRequest(request, 'metrics', log, async () => {
        const { body, contentType } = await renderMetrics(await getDb());
        return new Response(body, {
          status: 200,
          headers: { 'content-type': contentType, 'cache-control': 'no-store' },
        });
      }),
  };
}
