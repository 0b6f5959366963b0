import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a simulated endpoint answers, before faults and ETags are applied. */
export interface SimResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** A JSON answer. */
export const json = (status: number, value: unknown): SimResponse => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

/** An XML answer (VIS). */
export const xml = (status: number, body: string): SimResponse => ({
  status,
  contentType: 'text/xml; charset=utf-8',
  body: `<?xml version="1.0" encoding="utf-8"?>${body}`,
});

/** Reads a request body as text (at most 1 MB: the simulator only gets small requests). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 1_000_000) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends `response`. Successful answers get a strong ETag of their body; a request whose
 * If-None-Match names it gets 304 without a body (the call still counts upstream).
 * Returns the status actually sent.
 */
export function send(req: IncomingMessage, res: ServerResponse, response: SimResponse): number {
  const headers: Record<string, string> = {
    'content-type': response.contentType,
    ...response.headers,
  };
  if (response.status === 200) {
    const etag = `"${createHash('sha1').update(response.body).digest('base64url')}"`;
    headers.etag = etag;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return 304;
    }
  }
  res.writeHead(response.status, headers);
  res.end(response.body);
  return response.status;
}

/** Cuts a body in half and appends junk: what a proxy that dropped the connection leaves. */
export function malformed(response: SimResponse): SimResponse {
  const half = response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2)));
  return { ...response, body: `${half}<<\u0000garbage` };
}

/** `Basic user:pass` credentials of a request, if any. */
export function basicCredentials(
  req: IncomingMessage,
): { username: string; password: string } | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
