import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where and how alert webhooks go (F35). */
export interface WebhookConfig {
  url: string;
  /** HMAC-SHA256 key shared with the receiver. */
  secret: string;
  /** Tries in all (default 4); network errors, 408, 429 and 5xx are retried. */
  attempts?: number;
  /** First wait between tries, doubled each time (default 1 s). */
  backoffMs?: number;
  /** Per try (default 10 s). */
  timeoutMs?: number;
}

/** Header carrying `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export const SIGNATURE_HEADER = 'x-courtsync-signature';
/** Header carrying the Unix time (seconds) that is part of the signed text (replay guard). */
export const TIMESTAMP_HEADER = 'x-courtsync-timestamp';

/** The signature header's value for a body sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Checks a received webhook's signature in constant time: what a receiver runs (documented in
 * the README; the tests verify deliveries with it).
 */
export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Result of a delivery: whether it arrived and after how many tries. */
export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  detail: string;
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs one JSON payload, signed, retrying transient failures with exponential backoff. The
 * same delivery id and timestamp go with every try, so a receiver can drop duplicates.
 */
export async function sendWebhook(
  config: WebhookConfig,
  deliveryId: string,
  payload: unknown,
  now: () => Date = () => new Date(),
): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now().getTime() / 1000));
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'CourtSync-Alerts/1',
    'x-courtsync-delivery': deliveryId,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signWebhook(config.secret, timestamp, body),
  };
  const attempts = config.attempts ?? 4;
  let detail = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, attempts: attempt, detail: `HTTP ${response.status}` };
      detail = `HTTP ${response.status}`;
      if (!retryable(response.status)) return { ok: false, attempts: attempt, detail };
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    if (attempt < attempts) await sleep((config.backoffMs ?? 1000) * 2 ** (attempt - 1));
  }
  return { ok: false, attempts, detail };
}
