// Figure 5 — server ingest: ops applied per second through POST /api/v1/sync/push by the real
// built server, 20 devices pushing batches of 100 at once, each device waiting for its answer
// before the next batch (as the client's flush does). Every device scores its own matches,
// so pushes only serialize on a match lock where a real tournament would too.
import http from 'node:http';
import { BenchDevice, tapScript } from '../lib/op-scripts.mjs';
import { ingestMatches } from '../lib/match-plan.mjs';
import { preparePush, sendPush } from '../lib/push-client.mjs';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { percentile, round } from '../lib/stats.mjs';

/** The workload: 20 devices × 20 matches × 100 ops, batches of 100. */
export const INGEST = { clients: 20, matchesPerClient: 20, opsPerMatch: 100, batch: 100 };

/** Every match the ingest figure needs (insert before starting the server). */
export const ingestMatchList = () => ingestMatches(INGEST.clients, INGEST.matchesPerClient);

/**
 * Per device: its warm-up push and its timed pushes, bodies ready to send, and the ops of
 * both (for the insert ceiling, lib/ingest-ceiling.mjs).
 */
export function planIngest(lib, random) {
  const byClient = new Map();
  for (const match of ingestMatchList()) {
    const client = match.id.split('-')[1];
    if (!byClient.has(client)) byClient.set(client, []);
    byClient.get(client).push(match);
  }
  return [...byClient.values()].map((matches) => {
    const device = new BenchDevice(lib);
    const opsOf = (m) =>
      tapScript(lib, m.format, INGEST.opsPerMatch, random).map((tap) => device.op(m.id, tap));
    const warm = matches.find((m) => m.id.endsWith('-warm'));
    const timed = matches.filter((m) => m !== warm).flatMap(opsOf);
    const pushes = [];
    for (let i = 0; i < timed.length; i += INGEST.batch) {
      pushes.push(preparePush(timed.slice(i, i + INGEST.batch)));
    }
    const warmupOps = opsOf(warm).slice(0, INGEST.batch);
    return { warmup: preparePush(warmupOps), pushes, warmupOps, timedOps: timed };
  });
}

/** Sends each device's pushes in order, all devices at once; returns per-push results. */
async function runDevices(url, agent, lists) {
  const done = [];
  await Promise.all(
    lists.map(async (pushes) => {
      for (const push of pushes) done.push(await sendPush(url, agent, push));
    }),
  );
  return done;
}

/** Measures ingest of `devices` (planIngest) against the server at `url`; throws if any op is not applied. */
export async function measureIngest({ url, devices }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: INGEST.clients });
  try {
    // Warm-up: JIT, connection pool, prepared plans; not timed.
    await runDevices(
      url,
      agent,
      devices.map((d) => [d.warmup]),
    );
    const startedAt = performance.now();
    const answers = await runDevices(
      url,
      agent,
      devices.map((d) => d.pushes),
    );
    const seconds = (performance.now() - startedAt) / 1000;
    const results = answers.flatMap((a) => a.results);
    const applied = results.filter((r) => r.status === 'applied').length;
    const expected = devices.reduce((n, d) => n + d.pushes.reduce((k, p) => k + p.ops, 0), 0);
    if (applied !== expected) {
      const refused = results.find((r) => r.status !== 'applied');
      throw new Error(`ingest applied ${applied} of ${expected} ops: ${JSON.stringify(refused)}`);
    }
    const latencies = answers.map((a) => a.ms);
    return {
      opsPerSecond: applied / seconds,
      applied,
      seconds,
      pushes: answers.length,
      batchP50Ms: percentile(latencies, 50),
      batchP99Ms: percentile(latencies, 99),
      ...INGEST,
      matches: INGEST.clients * INGEST.matchesPerClient,
    };
  } finally {
    agent.destroy();
  }
}

/** Share of the raw insert ceiling the push path must reach (issue #14). */
export const CEILING_SHARE = 0.5;

/**
 * Figure 5a/5b for one engine: ops/s through the push path against the raw insert ceiling of
 * the same database in the same run (lib/ingest-ceiling.mjs). Met when the push path reaches
 * half the ceiling and the engine's absolute minimum (`minimum`, ops/s).
 */
export function ingestFigure({ id, engine, minimum, raw, ceiling }) {
  const share = raw.opsPerSecond / ceiling.rowsPerSecond;
  return makeFigure({
    id,
    name: `server ingest, ${engine}, ${raw.clients} clients × ${raw.matchesPerClient} matches`,
    value: round(raw.opsPerSecond),
    unit: 'ops/s',
    target: {
      text: `≥ ${CEILING_SHARE * 100} % of ceiling, ≥ ${formatNumber(minimum, 0)} ops/s`,
      met: share >= CEILING_SHARE && raw.opsPerSecond >= minimum,
    },
    baseline: {
      text: `ceiling ${formatNumber(ceiling.rowsPerSecond, 0)} rows/s (same rows, bulk insert, no HTTP/rules)`,
    },
    ratio: { text: `${formatNumber(share * 100, 1)} % of ceiling` },
    details: {
      ...raw,
      seconds: round(raw.seconds, 2),
      batchP50Ms: round(raw.batchP50Ms),
      batchP99Ms: round(raw.batchP99Ms),
      ceiling: {
        ...ceiling,
        rowsPerSecond: round(ceiling.rowsPerSecond),
        before: { ...ceiling.before, rowsPerSecond: round(ceiling.before.rowsPerSecond) },
        after: { ...ceiling.after, rowsPerSecond: round(ceiling.after.rowsPerSecond) },
      },
      shareOfCeiling: round(share, 3),
    },
  });
}
