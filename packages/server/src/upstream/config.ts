import { z } from 'zod';
import { DEFAULT_RETRY_POLICY } from './http/backoff';
import type { RetryPolicy } from './http/backoff';
import type { PrestoConfig } from './presto/presto-session';
import type { VisConfig } from './vis/vis-adapter';

/** Everything the upstream sync needs, from the environment. */
export interface UpstreamConfig {
  /** Start the scheduler with the server. */
  enabled: boolean;
  vis?: VisConfig;
  presto?: PrestoConfig;
  retryPolicy: RetryPolicy;
  concurrency: number;
}

const optionalInt = z.coerce.number().int().positive().optional();
const envSchema = z.object({
  UPSTREAM_SYNC: z.enum(['on', 'off', 'auto']).default('auto'),
  VIS_URL: z.url().optional(),
  VIS_USERNAME: z.string().optional(),
  VIS_PASSWORD: z.string().optional(),
  PRESTO_URL: z.url().optional(),
  PRESTO_USERNAME: z.string().default(''),
  PRESTO_PASSWORD: z.string().default(''),
  PRESTO_TEAM_IDS: z.string().default(''),
  UPSTREAM_TIMEOUT_MS: optionalInt,
  UPSTREAM_ATTEMPTS: optionalInt,
  UPSTREAM_CONCURRENCY: optionalInt,
});

/**
 * Reads the upstream settings. `UPSTREAM_SYNC=auto` (default) starts the scheduler when a
 * provider URL is set and we are not under Jest (F29: tests start it only when they ask).
 * Throws on malformed values so a typo fails the boot instead of silently disabling sync.
 */
export function upstreamConfigFromEnv(env: NodeJS.ProcessEnv = process.env): UpstreamConfig {
  const e = envSchema.parse(env);
  const vis: VisConfig | undefined = e.VIS_URL
    ? {
        url: e.VIS_URL,
        credentials: e.VIS_USERNAME
          ? { username: e.VIS_USERNAME, password: e.VIS_PASSWORD ?? '' }
          : undefined,
      }
    : undefined;
  const teamIds = e.PRESTO_TEAM_IDS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const presto: PrestoConfig | undefined =
    e.PRESTO_URL && teamIds.length > 0
      ? { url: e.PRESTO_URL, username: e.PRESTO_USERNAME, password: e.PRESTO_PASSWORD, teamIds }
      : undefined;
  const configured = Boolean(vis || presto);
  const enabled =
    e.UPSTREAM_SYNC === 'on' || (e.UPSTREAM_SYNC === 'auto' && configured && !env.JEST_WORKER_ID);
  return {
    enabled: enabled && configured,
    vis,
    presto,
    retryPolicy: {
      ...DEFAULT_RETRY_POLICY,
      timeoutMs: e.UPSTREAM_TIMEOUT_MS ?? DEFAULT_RETRY_POLICY.timeoutMs,
      attempts: e.UPSTREAM_ATTEMPTS ?? DEFAULT_RETRY_POLICY.attempts,
    },
    concurrency: e.UPSTREAM_CONCURRENCY ?? 5,
  };
}
