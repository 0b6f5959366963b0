import { pushResponseSchema, type Op, type OpResult } from '@courtsync/protocol';

/** What one push attempt came to, from the flush loop's point of view (F12). */
export type PushOutcome =
  | { kind: 'results'; results: OpResult[]; bytesSent: number }
  /** Worth trying again later: network error, 5xx, 408, 429, or an unreadable answer. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** The whole request was refused (4xx): retrying the same bytes cannot help. */
  | { kind: 'refused'; status: number; code: string; message: string }
  /** 401/403: this device may not push until the user signs in again; keep the ops. */
  | { kind: 'paused'; status: number; code: 'AUTH_REQUIRED' | 'FORBIDDEN'; message: string }
  /** 413: the batch must be split. */
  | { kind: 'too-large' };

/** Bodies below this are sent as plain JSON: gzip would cost more than it saves. */
const COMPRESS_MIN_BYTES = 1024;

/** Sends one batch of ops to the push endpoint and classifies the answer. */
export async function pushBatch(
  fetchFn: typeof fetch,
  url: string,
  ops: readonly Op[],
  compress: boolean,
): Promise<PushOutcome> {
  const json = JSON.stringify({ ops });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let body: BodyInit = json;
  let bytesSent = new TextEncoder().encode(json).byteLength;
  if (compress && bytesSent >= COMPRESS_MIN_BYTES && typeof CompressionStream !== 'undefined') {
    const gz = await gzip(json);
    body = gz;
    bytesSent = gz.byteLength;
    headers['content-encoding'] = 'gzip';
  }

  let response: Response;
  try {
    response = await fetchFn(url, { method: 'POST', headers, body, credentials: 'same-origin' });
  } catch (error) {
    return { kind: 'retry', reason: `network: ${describe(error)}` };
  }
  if (response.status === 413) return { kind: 'too-large' };
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return {
      kind: 'retry',
      reason: `HTTP ${response.status}`,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    };
  }
  if (response.status === 401 || response.status === 403) {
    const { message } = await readError(response);
    const code = response.status === 401 ? 'AUTH_REQUIRED' : 'FORBIDDEN';
    return { kind: 'paused', status: response.status, code, message };
  }
  if (!response.ok) {
    const { code, message } = await readError(response);
    return { kind: 'refused', status: response.status, code, message };
  }
  try {
    const parsed = pushResponseSchema.safeParse(await response.json());
    // A cut or garbled answer may hide a commit: resending is safe, the server dedupes.
    if (!parsed.success) return { kind: 'retry', reason: 'unreadable push response' };
    return { kind: 'results', results: parsed.data.results, bytesSent };
  } catch (error) {
    return { kind: 'retry', reason: `response lost: ${describe(error)}` };
  }
}

/** Gzips a string with the platform's CompressionStream. */
async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The API error body's code and message, or the HTTP status when there is none. */
async function readError(response: Response): Promise<{ code: string; message: string }> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    return {
      code: typeof body.error?.code === 'string' ? body.error.code : `HTTP_${response.status}`,
      message: typeof body.error?.message === 'string' ? body.error.message : response.statusText,
    };
  } catch {
    return { code: `HTTP_${response.status}`, message: response.statusText };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
