/**
 * How the server treats callers (F21). `required` (the default, and what `npm start` runs):
 * only signed-in scorekeepers holding a match's claim, and admins, write scores. `open`: as
 * `required`, except that anonymous callers may also push score ops to matches nobody has
 * claimed — for the benchmark harness and tests written before sign-in existed; never for a
 * deployment.
 */
export type AuthMode = 'required' | 'open';

/** Sign-in settings of one server. */
export interface AuthSettings {
  mode: AuthMode;
  /** Life of an access token (a JWT), seconds. Short: a stolen one is soon useless. */
  accessTtlSec: number;
  /** Life of a refresh token, seconds; each refresh rotates it and starts a new period. */
  refreshTtlSec: number;
  /** HMAC key of access tokens; when absent, a random key kept in the database is used. */
  secret?: string;
  /** A static Bearer credential for `/api/metrics` only (a Prometheus scraper has no user). */
  metricsToken?: string;
}

export const DEFAULT_AUTH: AuthSettings = {
  mode: 'required',
  accessTtlSec: 15 * 60,
  refreshTtlSec: 30 * 24 * 60 * 60,
};

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * Settings from the environment: AUTH_MODE (`required` | `open`), AUTH_ACCESS_TTL_SECONDS,
 * AUTH_REFRESH_TTL_SECONDS, AUTH_SECRET (at least 32 characters, else ignored with the
 * database key used instead), METRICS_TOKEN (at least 16 characters, else ignored). Anything
 * unknown falls back to the secure default.
 */
export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const secret = env.AUTH_SECRET && env.AUTH_SECRET.length >= 32 ? env.AUTH_SECRET : undefined;
  return {
    mode: env.AUTH_MODE === 'open' ? 'open' : 'required',
    accessTtlSec: positive(env.AUTH_ACCESS_TTL_SECONDS, DEFAULT_AUTH.accessTtlSec),
    refreshTtlSec: positive(env.AUTH_REFRESH_TTL_SECONDS, DEFAULT_AUTH.refreshTtlSec),
    ...(secret ? { secret } : {}),
    ...(env.METRICS_TOKEN && env.METRICS_TOKEN.length >= 16
      ? { metricsToken: env.METRICS_TOKEN }
      : {}),
  };
}
