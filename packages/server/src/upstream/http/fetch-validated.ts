import { createHash } from 'node:crypto';
import type { Fetched, ProviderCall } from '../provider';
import { callUpstream } from './call-upstream';
import type { UpstreamRequest } from './call-upstream';

/** sha1 of a text (content hashes of provider answers). */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/**
 * Calls a provider for the answer cached under `key`: sends the held ETag (304 → unchanged),
 * else compares the body's hash with the held one (same → unchanged), else parses the body.
 */
export async function fetchValidated<T>(
  call: ProviderCall,
  key: string,
  request: UpstreamRequest,
  parse: (body: string) => T,
): Promise<Fetched<T>> {
  const held = call.validators.get(key);
  const response = await callUpstream({ ...request, etag: held?.etag ?? undefined }, call);
  if (response.notModified) return { changed: false };
  const hash = contentHash(response.body);
  if (held?.contentHash === hash) return { changed: false };
  return {
    changed: true,
    data: parse(response.body),
    validator: { key, etag: response.etag, hash },
  };
}
