import { z } from 'zod/mini';

/** Stable codes of request-level errors (HTTP status + body of `apiErrorSchema`). */
export const apiErrorCodeSchema = z.enum([
  'MALFORMED_JSON',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'AUTH_REQUIRED',
  // 401s of sign-in (F21): wrong e-mail/password, an expired access token, a token that is
  // forged, revoked or a refresh token used twice (its whole family is then revoked).
  'INVALID_CREDENTIALS',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'FORBIDDEN',
  // F4: another user holds the match's claim (409), or the caller does not hold it (403).
  'CLAIM_HELD',
  'CLAIM_NOT_HELD',
  'CONFLICT',
  // F22: 429 with Retry-After.
  'RATE_LIMITED',
  'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

/** Error body of every API route: `{ error: { code, message, details? } }` (DESIGN.md). */
export const apiErrorSchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
