import { renderMetrics } from '../monitoring/metrics-scrape';
import type { HandlerDeps } from './handler-deps';
import { withRoute } from './with-route';

/** Handler of /api/metrics. */
export interface MetricsHandler {
  /** GET /api/metrics — Prometheus text exposition (F34); admins, or the METRICS_TOKEN. */
  metrics(request: Request): Promise<Response>;
}

/** Builds the metrics handler. */
export function createMetricsHandler(deps: HandlerDeps): MetricsHandler {
  return {
    metrics: (request) =>
      withRoute(request, 'metrics', deps, async () => {
        const { body, contentType } = await renderMetrics(await deps.getDb());
        return new Response(body, {
          status: 200,
          headers: { 'content-type': contentType, 'cache-control': 'no-store' },
        });
      }),
  };
}
