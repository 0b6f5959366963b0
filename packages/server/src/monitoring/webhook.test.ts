import { startWebhookReceiver } from '@courtsync/server/test-support';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  sendWebhook,
  signWebhook,
  verifyWebhook,
} from './webhook';

describe('alert webhook', () => {
  it('signs the body with HMAC-SHA256 over timestamp.body, verifiable by the receiver', () => {
    const signature = signWebhook('s3cret', '1700000000', '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', '1700000000', '{"a":1}', signature)).toBe(true);
    expect(verifyWebhook('other', '1700000000', '{"a":1}', signature)).toBe(false);
    expect(verifyWebhook('s3cret', '1700000001', '{"a":1}', signature)).toBe(false);
    expect(verifyWebhook('s3cret', '1700000000', '{"a":2}', signature)).toBe(false);
  });

  it('retries a failing receiver with backoff and delivers one signed POST', async () => {
    const receiver = await startWebhookReceiver(2);
    try {
      const result = await sendWebhook(
        { url: receiver.url, secret: 'k', backoffMs: 10 },
        'delivery-1',
        { event: 'alert.opened' },
      );
      expect(result).toMatchObject({ ok: true, attempts: 3 });
      expect(receiver.received).toHaveLength(1);
      const [hook] = receiver.received;
      const timestamp = String(hook?.headers[TIMESTAMP_HEADER]);
      const signature = String(hook?.headers[SIGNATURE_HEADER]);
      expect(hook?.headers['content-type']).toBe('application/json');
      expect(hook?.headers['x-courtsync-delivery']).toBe('delivery-1');
      expect(verifyWebhook('k', timestamp, hook?.body ?? '', signature)).toBe(true);
      expect(JSON.parse(hook?.body ?? '')).toEqual({ event: 'alert.opened' });
    } finally {
      await receiver.close();
    }
  });

  it('gives up after its attempts when nobody answers', async () => {
    const receiver = await startWebhookReceiver();
    const url = receiver.url;
    await receiver.close();
    const result = await sendWebhook({ url, secret: 'k', attempts: 2, backoffMs: 5 }, 'd', {});
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(2);
  });
});
