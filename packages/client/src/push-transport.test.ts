import { parseRetryAfter, pushBatch } from './push-transport';
import type { Op } from '@courtsync/protocol';

const op: Op = {
  opId: '01JD0000000000000000000000',
  clientId: '7f0c4a7e-3c1b-4c55-9d7e-8a2f4c1b9e01',
  seq: 1,
  matchId: 'm1',
  type: 'rally',
  payload: { winner: 'A' },
  clientTime: '2026-11-22T10:00:00.000Z',
};

/** The network, as the transport sees it: a function from request to response. */
const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('pushBatch classifies answers (F12)', () => {
  it.each([500, 502, 503, 408, 429])('HTTP %i is retried later', async (status) => {
    const outcome = await pushBatch(answer(status, '', { 'retry-after': '7' }), '/p', [op], false);
    expect(outcome).toEqual({ kind: 'retry', reason: `HTTP ${status}`, retryAfterMs: 7000 });
  });

  it('a network error is retried', async () => {
    const outcome = await pushBatch(
      async () => {
        throw new TypeError('Failed to fetch');
      },
      '/p',
      [op],
      false,
    );
    expect(outcome).toMatchObject({ kind: 'retry', reason: 'network: Failed to fetch' });
  });

  it('other 4xx refuse the batch with the server reason', async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: 'bad' } };
    const outcome = await pushBatch(answer(400, body), '/p', [op], false);
    expect(outcome).toEqual({
      kind: 'refused',
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'bad',
    });
  });

  it.each([
    [401, 'AUTH_REQUIRED'],
    [403, 'FORBIDDEN'],
  ])('HTTP %i pauses the flush (the ops stay)', async (status, code) => {
    const body = { error: { code, message: 'sign in' } };
    const outcome = await pushBatch(answer(status, body), '/p', [op], false);
    expect(outcome).toEqual({ kind: 'paused', status, code, message: 'sign in' });
  });

  it('413 asks for a smaller batch', async () => {
    expect(await pushBatch(answer(413, ''), '/p', [op], false)).toEqual({ kind: 'too-large' });
  });

  it('a 200 with an unreadable body is retried (the commit may have happened)', async () => {
    expect(await pushBatch(answer(200, '{"results": [tr'), '/p', [op], false)).toMatchObject({
      kind: 'retry',
    });
    expect(await pushBatch(answer(200, { wrong: true }), '/p', [op], false)).toMatchObject({
      kind: 'retry',
    });
  });

  it('gzips large bodies and says so', async () => {
    let seen: { encoding: string | null; bytes: number } | undefined;
    const ops = Array.from({ length: 50 }, (_, i) => ({ ...op, seq: i + 1 }));
    await pushBatch(
      async (_url, init) => {
        const body = new Uint8Array(await new Response(init?.body).arrayBuffer());
        seen = { encoding: new Headers(init?.headers).get('content-encoding'), bytes: body.length };
        return new Response(JSON.stringify({ results: [], serverTime: new Date().toISOString() }));
      },
      '/p',
      ops,
      true,
    );
    expect(seen?.encoding).toBe('gzip');
    expect(seen!.bytes).toBeLessThan(JSON.stringify({ ops }).length / 5);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
