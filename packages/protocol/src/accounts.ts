import { z } from 'zod/mini';
import { roleSchema, sessionUserSchema } from './auth';
import { isoTimeSchema } from './ids';

// What people type at sign-in and what admins send to manage users: pages and server only.
// Apart from auth.ts so that the service worker, which renews sessions with auth.ts, does not
// carry these schemas and the e-mail check (bench figure 8b; zod's `.check()` chains cannot be
// dropped by the minifier even where unused).

/** An e-mail address as typed at sign-in (compared lower-cased). */
export const emailSchema = z.string().check(z.maxLength(254), z.email());

/** POST /api/v1/auth/login body. */
export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

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
