import { z } from 'zod/mini';
import { toIssues } from '../services/push/validate-ops';
import { assertJsonContentType, readJsonBody, readLimitedText } from './read-body';
import { HttpError } from './responses';

/** Bodies of the auth, claim, coverage, user and review routes are small. */
export const SMALL_BODY_BYTES = 64 * 1024;

function parsed<T extends z.ZodMiniType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpError(400, 'VALIDATION_FAILED', `Invalid ${what}`, toIssues(result.error));
  }
  return result.data;
}

/** The JSON body checked with `schema`: 415 without a JSON type, 400 when malformed or invalid. */
export async function parseBody<T extends z.ZodMiniType>(
  request: Request,
  schema: T,
  what = 'request body',
  maxBytes = SMALL_BODY_BYTES,
): Promise<z.infer<T>> {
  return parsed(schema, await readJsonBody(request, maxBytes), what);
}

/**
 * Like parseBody, but a request with no body at all reads as `{}` (routes whose fields are
 * all optional, or that take none): a body that is there must still be valid JSON.
 */
export async function parseOptionalBody<T extends z.ZodMiniType>(
  request: Request,
  schema: T,
  what = 'request body',
): Promise<z.infer<T>> {
  const text = request.body === null ? '' : await readLimitedText(request, SMALL_BODY_BYTES);
  if (text === '' && !request.headers.has('content-type')) return parsed(schema, {}, what);
  assertJsonContentType(request);
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, 'MALFORMED_JSON', `Request body is not valid JSON: ${detail}`);
  }
  return parsed(schema, body, what);
}

/** Body of routes that take none: nothing, or `{}`. */
export const emptyBodySchema = z.strictObject({});
