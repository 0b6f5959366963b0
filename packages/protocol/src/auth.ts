import { z } from 'zod/mini';
import { entityIdSchema, isoTimeSchema } from './ids';

/** Who a signed-in user is for the API (F21); the anonymous have no role. */
export const roleSchema = z.enum(['admin', 'scorekeeper', 'coach', 'media', 'spectator']);
export type Role = z.infer<typeof roleSchema>;
/** Every role, in the order the authorisation matrix lists them. */
export const ROLES: readonly Role[] = roleSchema.options;

/** An e-mail address as typed at sign-in (compared lower-cased). */
export const emailSchema = z.string().check(z.maxLength(254), z.email());

/** POST /api/v1/auth/login body. */
export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

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

/** A user as admins manage them. */
export const userViewSchema = z.extend(sessionUserSchema, {
  disabled: z.boolean(),
  createdAt: isoTimeSchema,
});
export type UserView = z.infer<typeof userViewSchema>;

/** POST /api/v1/users (admin). */
export const createUserRequestSchema = z.strictObject({
  email: emailSchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  role: roleSchema,
  password: z.string().check(z.minLength(8), z.maxLength(200)),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** PATCH /api/v1/users/:userId (admin): any of role, disabled, name, password. */
export const updateUserRequestSchema = z.strictObject({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  role: z.optional(roleSchema),
  disabled: z.optional(z.boolean()),
  password: z.optional(z.string().check(z.minLength(8), z.maxLength(200))),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userListSchema = z.object({ users: z.array(userViewSchema) });
export type UserList = z.infer<typeof userListSchema>;
