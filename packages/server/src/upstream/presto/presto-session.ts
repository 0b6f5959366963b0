import { SyncError } from '../errors';
import { callUpstream } from '../http/call-upstream';
import type { CallOptions } from '../http/call-upstream';
import { validate } from '../validate';
import { tokenPairSchema } from './presto-schemas';

/** Where the Presto-style API lives and who we are. */
export interface PrestoConfig {
  url: string;
  username: string;
  password: string;
  /** Teams whose seasons are synced (each becomes a tournament). */
  teamIds: string[];
}

interface Tokens {
  idToken: string;
  refreshToken: string;
  /** Epoch ms after which we refresh before calling (a minute early). */
  refreshAt: number;
}

function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new SyncError('VALIDATION', `${what}: not JSON (${body.slice(0, 60)})`);
  }
}

/**
 * The bearer token of the Presto-style API: logs in once, refreshes before expiry (or after
 * a 401), and shares one login or refresh between concurrent calls.
 */
export class PrestoSession {
  private tokens?: Tokens;
  private pending?: Promise<Tokens>;

  constructor(private readonly config: PrestoConfig) {}

  /** `Bearer …` for the next call, logging in or refreshing first when needed. */
  async authorization(call: CallOptions): Promise<string> {
    const now = Date.now();
    if (!this.tokens || this.tokens.refreshAt <= now) {
      this.pending ??= this.renew(call).finally(() => (this.pending = undefined));
      this.tokens = await this.pending;
    }
    return `Bearer ${this.tokens.idToken}`;
  }

  /** Marks the token as expired (the provider answered 401 to it). */
  expire(): void {
    if (this.tokens) this.tokens.refreshAt = 0;
  }

  /** Refresh when we hold a refresh token; if that fails, log in with the credentials. */
  private async renew(call: CallOptions): Promise<Tokens> {
    const refreshToken = this.tokens?.refreshToken;
    this.tokens = undefined;
    if (refreshToken) {
      try {
        return await this.post('/auth/token/refresh', { refreshToken }, call);
      } catch (error) {
        // An expired or revoked refresh token is not a credential failure: log in again.
        if (!(error instanceof SyncError && error.category === 'AUTH')) throw error;
      }
    }
    const { username, password } = this.config;
    return this.post('/auth/token', { username, password }, call);
  }

  private async post(path: string, body: unknown, call: CallOptions): Promise<Tokens> {
    const response = await callUpstream(
      {
        method: 'POST',
        url: new URL(path, this.config.url).toString(),
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      },
      call,
    );
    const pair = validate(tokenPairSchema, parseJson(response.body, path), `Presto ${path}`);
    const lifetime = pair.expirationTimeInSeconds * 1000;
    return {
      idToken: pair.idToken,
      refreshToken: pair.refreshToken,
      refreshAt: Date.now() + Math.max(lifetime / 2, lifetime - 60_000),
    };
  }
}

export { parseJson };
