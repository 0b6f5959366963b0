import { z } from 'zod/mini';

/** Stable codes of request-level errors (HTTP status + body of `apiErrorSchema`). */
export const apiErrorCodeSchema = z.enum([
  'MALFORMED_JSON',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'AUTH_REQUIRED',
  'FORBIDDEN',
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
