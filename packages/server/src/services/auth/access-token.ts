import { errors, jwtVerify, SignJWT } from 'jose';
import { roleSchema, type Role } from '@courtsync/protocol';

const ISSUER = 'courtsync';
const AUDIENCE = 'courtsync-api';
const ALG = 'HS256';

/** What an access token says about its holder. */
export interface AccessClaims {
  userId: string;
  role: Role;
  /** The sign-in (refresh-token family) it was issued under. */
  sessionId: string;
}

/** Signs a short-lived access token (JWT, HS256); returns it with its expiry. */
export async function issueAccessToken(
  key: Uint8Array,
  claims: AccessClaims,
  ttlSec: number,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + Math.max(1, Math.round(ttlSec));
  const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000) };
}

/** Why a token was not accepted. */
export type TokenProblem = 'expired' | 'invalid';

/**
 * Checks signature, algorithm, issuer, audience and expiry (no clock tolerance). Anything
 * other than a well-formed, unexpired token of ours is `invalid`.
 */
export async function verifyAccessToken(
  key: Uint8Array,
  token: string,
): Promise<{ ok: true; claims: AccessClaims } | { ok: false; problem: TokenProblem }> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const role = roleSchema.safeParse(payload.role);
    if (!role.success || typeof payload.sid !== 'string' || !payload.sub) {
      return { ok: false, problem: 'invalid' };
    }
    return { ok: true, claims: { userId: payload.sub, role: role.data, sessionId: payload.sid } };
  } catch (error) {
    return { ok: false, problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
