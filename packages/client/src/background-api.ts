import {
  DEVICE_API,
  backgroundStatusSchema,
  syncMetricsSchema,
  type BackgroundStatus,
  type SyncMetrics,
  type SyncSettings,
} from '@courtsync/protocol';

/** The background-sync API (F23) for one device, over an injected fetch. */
export interface BackgroundApi {
  status(): Promise<BackgroundStatus>;
  start(): Promise<BackgroundStatus>;
  putSettings(settings: SyncSettings): Promise<BackgroundStatus>;
  pause(): Promise<BackgroundStatus>;
  resume(): Promise<BackgroundStatus>;
  metrics(windowMinutes?: number): Promise<SyncMetrics>;
}

/** A client of the background-sync routes for device `clientId`; calls throw on any failure. */
export function backgroundApi(fetchFn: typeof fetch, clientId: string): BackgroundApi {
  const send = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const response = await fetchFn(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status}`);
    return response.json();
  };
  const query = `clientId=${encodeURIComponent(clientId)}`;
  const status = (data: unknown) => backgroundStatusSchema.parse(data);
  return {
    status: async () => status(await send('GET', `${DEVICE_API.background.status}?${query}`)),
    start: async () => status(await send('POST', DEVICE_API.background.start, { clientId })),
    putSettings: async (settings) =>
      status(await send('PUT', DEVICE_API.background.settings, { clientId, settings })),
    pause: async () => status(await send('POST', DEVICE_API.background.pause, { clientId })),
    resume: async () => status(await send('POST', DEVICE_API.background.resume, { clientId })),
    metrics: async (windowMinutes) => {
      const window = windowMinutes === undefined ? '' : `&windowMinutes=${windowMinutes}`;
      return syncMetricsSchema.parse(
        await send('GET', `${DEVICE_API.background.metrics}?${query}${window}`),
      );
    },
  };
}
