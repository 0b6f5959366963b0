// Knobs of a bench run (environment variables, documented in bench/README.md).

const env = (name, fallback) => Number(process.env[name] ?? fallback);

/** Ports from BENCH_PORT (app server, proxy, ingest servers, start figure); run sizes. */
export const SETTINGS = {
  port: env('BENCH_PORT', 3300),
  drainRuns: env('BENCH_DRAIN_RUNS', 5),
  baselineRuns: env('BENCH_BASELINE_RUNS', 2),
  reconnectRounds: env('BENCH_RECONNECT_ROUNDS', 20),
  tapMatches: 5,
  tapsPerMatch: 40,
  fanoutSubscribers: env('BENCH_FANOUT_SUBSCRIBERS', 2000),
  fanoutPushes: env('BENCH_FANOUT_PUSHES', 50),
  recoveryRounds: env('BENCH_RECOVERY_ROUNDS', 10),
  startRuns: env('BENCH_START_RUNS', 3),
  /** BENCH_ONLY=4,11: the figures to measure (ids or their number: 6 = 6a and 6b); all if unset. */
  only: (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean),
};

/** Whether figure `id` is measured in this run (BENCH_ONLY; `6` selects 6a and 6b). */
export function selected(id) {
  if (SETTINGS.only.length === 0) return true;
  return SETTINGS.only.some((wanted) => wanted === id || wanted === id.replace(/[a-z]$/, ''));
}

/** Whether any figure of `group` ([{id}]) is measured in this run. */
export const anySelected = (group) => group.some((figure) => selected(figure.id));

/** Progress goes to stderr so stdout holds the report alone. */
export function log(message) {
  const seconds = (performance.now() / 1000).toFixed(1).padStart(6);
  console.error(`[bench ${seconds} s] ${message}`);
}
