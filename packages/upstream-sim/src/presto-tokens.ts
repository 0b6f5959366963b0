import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock';

/** What `POST /auth/token` and `/auth/token/refresh` answer. */
export interface TokenPair {
  idToken: string;
  refreshToken: string;
  expirationTimeInSeconds: number;
}

/**
 * Bearer tokens of the Presto-style API. Id tokens expire on the simulator's clock (tests
 * advance it to expire them); refresh tokens are single-use and live 30 days.
 */
export class PrestoTokens {
  private readonly idTokens = new Map<string, number>();
  private readonly refreshTokens = new Map<string, number>();

  constructor(
    private readonly clock: SimClock,
    private readonly lifetimeSeconds: number,
  ) {}

  /** A new token pair. */
  issue(): TokenPair {
    const idToken = randomBytes(18).toString('base64url');
    const refreshToken = randomBytes(18).toString('base64url');
    const now = this.clock.now();
    this.idTokens.set(idToken, now + this.lifetimeSeconds * 1000);
    this.refreshTokens.set(refreshToken, now + 30 * 86_400_000);
    return { idToken, refreshToken, expirationTimeInSeconds: this.lifetimeSeconds };
  }

  /** A new pair for a valid refresh token (which is used up), else undefined. */
  refresh(refreshToken: string): TokenPair | undefined {
    const expires = this.refreshTokens.get(refreshToken);
    this.refreshTokens.delete(refreshToken);
    if (expires === undefined || expires <= this.clock.now()) return undefined;
    return this.issue();
  }

  /** Whether `Authorization: Bearer …` carries a live id token. */
  valid(authorization: string | undefined): boolean {
    if (!authorization?.startsWith('Bearer ')) return false;
    const expires = this.idTokens.get(authorization.slice(7));
    return expires !== undefined && expires > this.clock.now();
  }

  /** Forgets every token (tests: "the provider revoked our session"). */
  revokeAll(): void {
    this.idTokens.clear();
    this.refreshTokens.clear();
  }
}
