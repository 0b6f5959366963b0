import type { CreateUserRequest, UpdateUserRequest, UserView } from '@courtsync/protocol';
import { asc, eq, isNull, and } from 'drizzle-orm';
import { ulid } from 'ulid';
import { authSessions, users } from '../../db/schema';
import type { Database } from '../../db/types';
import { HttpError } from '../../http/responses';
import { hashPassword } from './passwords';

function toView(row: typeof users.$inferSelect): UserView {
  const { id, email, name, role, disabled } = row;
  return { id, email, name, role, disabled, createdAt: row.createdAt.toISOString() };
}

/** Every user, by e-mail. */
export async function listUsers(db: Database): Promise<UserView[]> {
  return (await db.select().from(users).orderBy(asc(users.email))).map(toView);
}

/** Creates a user (password bcrypt-hashed); 409 CONFLICT when the e-mail is taken. */
export async function createUser(db: Database, input: CreateUserRequest): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({
      id: `u-${ulid().toLowerCase()}`,
      email,
      name: input.name,
      role: input.role,
      passwordHash,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) throw new HttpError(409, 'CONFLICT', `A user with e-mail ${email} exists already`);
  return toView(row);
}

/**
 * Changes a user's name, role, password or disabled flag. A new password or disabling ends
 * their open sessions; a role change applies to their next request (roles are read per request).
 */
export async function updateUser(
  db: Database,
  id: string,
  input: UpdateUserRequest,
): Promise<UserView> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    };
    const [row] =
      Object.keys(changes).length > 0
        ? await tx.update(users).set(changes).where(eq(users.id, id)).returning()
        : await tx.select().from(users).where(eq(users.id, id));
    if (!row) throw new HttpError(404, 'NOT_FOUND', `No user with id "${id}"`);
    if (passwordHash || input.disabled === true) {
      await tx
        .update(authSessions)
        .set({
          revokedAt: new Date(),
          revokedReason: passwordHash ? 'password changed' : 'user disabled',
        })
        .where(and(eq(authSessions.userId, id), isNull(authSessions.revokedAt)));
    }
    return toView(row);
  });
}
