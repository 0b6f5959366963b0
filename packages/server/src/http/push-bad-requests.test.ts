import { gzipSync } from 'node:zlib';
import { apiErrorSchema, MAX_PUSH_BYTES, pushResponseSchema } from '@courtsync/protocol';
import {
  createTestMatch,
  dbFingerprint,
  pushRequest,
  TestClient,
  testApi,
  describeEachDatabase,
} from '@courtsync/server/test-support';

/** Expects an error response with `status` and `code` (and no-store); returns its error. */
async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = apiErrorSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

describeEachDatabase('POST push: bad requests', (get) => {
  describe('refuses bad requests and changes nothing', () => {
    let matchId = '';
    let client: TestClient;
    let before = '';
    beforeEach(async () => {
      matchId = await createTestMatch(get().db);
      client = new TestClient();
      before = await dbFingerprint(get().db);
    });
    afterEach(async () => {
      expect(await dbFingerprint(get().db)).toBe(before);
    });

    it('200 with rejections only: unknown match, invalid op, nothing to undo', async () => {
      const { api } = testApi(get().db);
      const ops = [
        client.rally('no-such-match', 'A'),
        { ...client.rally(matchId, 'A'), payload: {} },
        // Another device: this client's later ops of the match would be HELD behind the invalid one.
        new TestClient().undo(matchId),
      ];
      const response = await api.push(pushRequest({ ops }));
      expect(response.status).toBe(200);
      const body = pushResponseSchema.parse(await response.json());
      expect(body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
        'UNKNOWN_MATCH',
        'INVALID_OP',
        'NOTHING_TO_UNDO',
      ]);
    });

    it('400 MALFORMED_JSON for a body that is not JSON', async () => {
      const { api } = testApi(get().db);
      const error = await expectError(
        await api.push(pushRequest(null, { raw: '{"ops": [' })),
        400,
        'MALFORMED_JSON',
      );
      expect(error.message).toMatch(/not valid JSON/);
      await expectError(await api.push(pushRequest(null, { raw: '' })), 400, 'MALFORMED_JSON');
    });

    it('400 VALIDATION_FAILED with details for a wrong envelope', async () => {
      const { api } = testApi(get().db);
      for (const body of [{ ops: 'x' }, { ops: [] }, [], { op: [] }, { ops: [1, 2] }]) {
        const error = await expectError(
          await api.push(pushRequest(body)),
          400,
          'VALIDATION_FAILED',
        );
        expect(Array.isArray(error.details)).toBe(true);
      }
      const tooMany = client.rallies(matchId, 501);
      await expectError(await api.push(pushRequest({ ops: tooMany })), 400, 'VALIDATION_FAILED');
    });

    it('400 VALIDATION_FAILED when an op has no readable identity, even next to good ops', async () => {
      const { api } = testApi(get().db);
      const good = client.rally(matchId, 'A');
      const noSeq = { ...client.rally(matchId, 'A'), seq: 'three' };
      const badOpId = { ...client.rally(matchId, 'A'), opId: 'not-an-id' };
      const error = await expectError(
        await api.push(pushRequest({ ops: [good, noSeq, badOpId] })),
        400,
        'VALIDATION_FAILED',
      );
      expect(error.details).toEqual([
        // Messages people can act on: the protocol's zod/mini carries none, the server loads English.
        { path: ['ops', 1, 'seq'], message: expect.stringMatching(/expected number/) },
        { path: ['ops', 2, 'opId'], message: 'must be a ULID or a UUID' },
      ]);
    });

    it('415 for a body that is not JSON or an unknown encoding', async () => {
      const { api } = testApi(get().db);
      const ops = [client.rally(matchId, 'A')];
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const request = pushRequest({ ops }, { headers: { 'content-type': type } });
        await expectError(await api.push(request), 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      const noType = new Request('http://localhost/api/v1/sync/push', {
        method: 'POST',
        body: new Blob([JSON.stringify({ ops })]),
      });
      await expectError(await api.push(noType), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const brotli = pushRequest({ ops }, { headers: { 'content-encoding': 'br' } });
      await expectError(await api.push(brotli), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('413 when Content-Length announces too much', async () => {
      const { api } = testApi(get().db);
      const raw = JSON.stringify({
        ops: [client.rally(matchId, 'A')],
        pad: 'x'.repeat(MAX_PUSH_BYTES),
      });
      const request = pushRequest(null, {
        raw,
        headers: { 'content-length': String(Buffer.byteLength(raw)) },
      });
      await expectError(await api.push(request), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('413 when a streamed body without Content-Length grows too large', async () => {
      const { api } = testApi(get().db);
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      // A body of 8 × the limit: the handler must stop reading early, not buffer it all.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 8 * MAX_PUSH_BYTES) return controller.close();
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const request = new Request('http://localhost/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(request.headers.get('content-length')).toBeNull();
      await expectError(await api.push(request), 413, 'PAYLOAD_TOO_LARGE');
      expect(pulled).toBeLessThan(MAX_PUSH_BYTES * 2);
    });

    it('413 when a gzip body inflates beyond the limit; 400 for corrupt gzip', async () => {
      const { api } = testApi(get().db);
      const bomb = gzipSync(
        JSON.stringify({ ops: [client.rally(matchId, 'A')], pad: ' '.repeat(4 * MAX_PUSH_BYTES) }),
      );
      expect(bomb.byteLength).toBeLessThan(MAX_PUSH_BYTES / 10);
      const request = new Request('http://localhost/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: bomb,
      });
      await expectError(await api.push(request), 413, 'PAYLOAD_TOO_LARGE');

      const corrupt = new Request('http://localhost/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: '{"ops": []}',
      });
      await expectError(await api.push(corrupt), 400, 'MALFORMED_JSON');
    });
  });
});
