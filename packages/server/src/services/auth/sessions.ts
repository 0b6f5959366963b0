import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '@courtsync/protocol';
import { and, eq, isNull } from 'drizzle-orm';
import { ulid } from 'ulid';
import { authSessions, refreshTokens, users } from '../../db/schema';
import type { Database, Transaction } from '../../db/types';
import { verifyPassword } from './passwords';

/** A refresh token as handed to the browser (never stored: only its hash is). */
export interface IssuedRefresh {
  token: string;
  expiresAt: Date;
}

/** A sign-in that worked: who, under which session, with which refresh token. */
export interface SignedIn {
  user: SessionUser;
  sessionId: string;
  refresh: IssuedRefresh;
}

/** Why a refresh failed: unknown/expired token, or a reused one (its family is now revoked). */
export type RefreshFailure = 'invalid' | 'expired' | 'reused';

/** SHA-256 of a refresh token: a leaked table does not hand out sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

async function issueRefresh(
  tx: Transaction,
  sessionId: string,
  ttlSec: number,
  now: Date,
): Promise<IssuedRefresh> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlSec * 1000);
  await tx.insert(refreshTokens).values({ tokenHash: hashToken(token), sessionId, expiresAt });
  return { token, expiresAt };
}

function toSessionUser(row: { id: string; email: string; name: string; role: Role }): SessionUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * Checks e-mail and password (bcrypt, constant work for unknown e-mails) and opens a new
 * session with its first refresh token; undefined for wrong credentials or a disabled user.
 */
export async function signIn(
  db: Database,
  email: string,
  password: string,
  refreshTtlSec: number,
  now: Date = new Date(),
): Promise<SignedIn | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const ok = await verifyPassword(password, row?.passwordHash);
  if (!row || !ok || row.disabled) return undefined;
  const sessionId = ulid();
  return db.transaction(async (tx) => {
    await tx.insert(authSessions).values({ id: sessionId, userId: row.id });
    const refresh = await issueRefresh(tx, sessionId, refreshTtlSec, now);
    return { user: toSessionUser(row), sessionId, refresh };
  });
}

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same session is
 * issued. A token presented a second time (stolen, or replayed) revokes its whole session,
 * so neither the thief nor the owner can go on without signing in again.
 */
export async function rotateRefresh(
  db: Database,
  token: string,
  refreshTtlSec: number,
  now: Date = new Date(),
): Promise<{ ok: true; signedIn: SignedIn } | { ok: false; failure: RefreshFailure }> {
  return db.transaction(async (tx) => {
    // FOR UPDATE: two refreshes racing with one token serialize; the second sees it spent.
    const [found] = await tx
      .select({
        usedAt: refreshTokens.usedAt,
        expiresAt: refreshTokens.expiresAt,
        sessionId: refreshTokens.sessionId,
        revokedAt: authSessions.revokedAt,
        user: users,
      })
      .from(refreshTokens)
      .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
      .innerJoin(users, eq(users.id, authSessions.userId))
      .where(eq(refreshTokens.tokenHash, hashToken(token)))
      .for('update', { of: refreshTokens });
    if (!found || found.revokedAt || found.user.disabled) {
      return { ok: false as const, failure: 'invalid' as const };
    }
    if (found.usedAt) {
      await revokeSession(tx, found.sessionId, 'refresh token reused', now);
      return { ok: false as const, failure: 'reused' as const };
    }
    if (found.expiresAt.getTime() <= now.getTime()) {
      return { ok: false as const, failure: 'expired' as const };
    }
    await tx
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(eq(refreshTokens.tokenHash, hashToken(token)));
    const refresh = await issueRefresh(tx, found.sessionId, refreshTtlSec, now);
    const signedIn = { user: toSessionUser(found.user), sessionId: found.sessionId, refresh };
    return { ok: true as const, signedIn };
  });
}

/** Ends a session (logout, reuse): its access and refresh tokens stop working at once. */
export async function revokeSession(
  db: Database | Transaction,
  sessionId: string,
  reason: string,
  now: Date = new Date(),
): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** The session a refresh token belongs to (spent or not), for logout. */
export async function sessionOfRefresh(db: Database, token: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sessionId: refreshTokens.sessionId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(token)));
  return row?.sessionId;
}

/**
 * The user behind a verified access token, if its session is still open and the user still
 * enabled: one indexed read per request, so logout, a reused refresh token, a disabled user
 * or a changed role take effect at once rather than when the token expires.
 */
export async function activeSessionUser(
  db: Database,
  sessionId: string,
  userId: string,
): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({ user: users, revokedAt: authSessions.revokedAt })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId)));
  if (!row || row.revokedAt || row.user.disabled) return undefined;
  return toSessionUser(row.user);
}
