// Knobs of a bench run (environment variables, documented in bench/README.md).

const env = (name, fallback) => Number(process.env[name] ?? fallback);

/** Ports from BENCH_PORT (app server, proxy, ingest servers); run sizes of the figures. */
export const SETTINGS = {
  port: env('BENCH_PORT', 3300),
  drainRuns: env('BENCH_DRAIN_RUNS', 5),
  baselineRuns: env('BENCH_BASELINE_RUNS', 2),
  reconnectRounds: env('BENCH_RECONNECT_ROUNDS', 20),
  tapMatches: 5,
  tapsPerMatch: 40,
};

/** Progress goes to stderr so stdout holds the report alone. */
export function log(message) {
  const seconds = (performance.now() / 1000).toFixed(1).padStart(6);
  console.error(`[bench ${seconds} s] ${message}`);
}
