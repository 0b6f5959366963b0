import { z } from 'zod/mini';
import { entityIdSchema, isoTimeSchema } from './ids';

/** Who a signed-in user is for the API (F21); the anonymous have no role. */
export const roleSchema = z.enum(['admin', 'scorekeeper', 'coach', 'media', 'spectator']);
export type Role = z.infer<typeof roleSchema>;
/** Every role, in the order the authorisation matrix lists them. */
export const ROLES: readonly Role[] = roleSchema.options;

/** The signed-in user as the API shows it. */
export const sessionUserSchema = z.object({
  id: entityIdSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * Answer of login and refresh. The access token is also set as an httpOnly cookie (that is
 * what the pages and the service worker use); the body copy serves API clients (Bearer).
 */
export const sessionResponseSchema = z.object({
  user: sessionUserSchema,
  accessToken: z.string(),
  accessTokenExpiresAt: isoTimeSchema,
  refreshTokenExpiresAt: isoTimeSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** GET /api/v1/auth/session: who is signed in on this browser (null when nobody). */
export const currentSessionSchema = z.object({ user: z.nullable(sessionUserSchema) });
export type CurrentSession = z.infer<typeof currentSessionSchema>;
