// Figure 1 — drain 1,000 queued ops from IndexedDB to committed on the server, started by a
// sync event, against a workbox-background-sync Queue replaying the same ops one request each.
// The wire records of the first run feed figure 7; a last run with heap sampling feeds figure 6.
import { randomUUID } from 'node:crypto';
import { drainApp, openAppSide, queueInApp } from '../lib/app-side.mjs';
import { drainBaseline, openBaselineSide } from '../lib/baseline-side.mjs';
import { drainMatches } from '../lib/match-plan.mjs';
import { drainPlan } from '../lib/drain-plan.mjs';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { median, round } from '../lib/stats.mjs';
import { measureDrainMemory } from './client-memory.mjs';

/** Run id of the warm-up drain's matches. */
export const WARM_UP = 'w';

/**
 * The baseline's copy of the app's ops: same content, its own device and matches. An undo
 * names the op it takes back, so its target is renamed along with the ops.
 */
function baselineOps(lib, ops, run) {
  const clientId = randomUUID();
  const theirs = drainMatches(run, 'b');
  const matchOf = new Map(drainMatches(run, 'a').map((m, i) => [m.id, theirs[i].id]));
  const opIdOf = new Map(ops.map((op) => [op.opId, randomUUID()]));
  return ops.map((op) => {
    const payload =
      op.type === 'undo' && op.payload.target
        ? { target: opIdOf.get(op.payload.target) }
        : op.payload;
    const opId = opIdOf.get(op.opId);
    return lib.opSchema.parse({ ...op, opId, clientId, matchId: matchOf.get(op.matchId), payload });
  });
}

/** Queues one run's 1,000 ops in the app (its own record()) and checks them. */
async function queueRun(lib, app, run, random) {
  const started = performance.now();
  const ops = await queueInApp(app, drainPlan(lib, drainMatches(run, 'a'), random));
  if (ops.length !== 1000) throw new Error(`expected 1,000 queued ops, found ${ops.length}`);
  ops.forEach((op) => lib.opSchema.parse(op));
  return { ops, queueMs: round(performance.now() - started) };
}

/**
 * 100 ops through each side first, untimed: the fresh server's push path and both workers are
 * warm before the first timed run, so run order does not favour either side.
 */
async function warmUp(lib, app, base, proxy, random) {
  const ops = await queueInApp(app, drainPlan(lib, drainMatches(WARM_UP, 'a'), random, 5));
  await drainApp(app, proxy, lib.SYNC_TAG, ops);
  await drainBaseline(base, proxy, baselineOps(lib, ops, WARM_UP));
}

const withoutWire = ({ wire: _wire, ...rest }) => ({ ...rest, ms: round(rest.ms) });

/**
 * Runs `runs` drains of CourtSync, the first `baselineRuns` of them each followed by the
 * baseline's drain of the same ops, then the memory run; returns raw results.
 */
export async function measureDrains(options) {
  const { lib, browser, proxy, assets, random, runs, baselineRuns, log } = options;
  const app = await openAppSide({ browser, proxy, assets });
  const base = await openBaselineSide({ browser, proxy });
  const ours = [];
  const baseline = [];
  let wire;
  try {
    await warmUp(lib, app, base, proxy, random);
    for (let run = 0; run < runs; run += 1) {
      const { ops, queueMs } = await queueRun(lib, app, run, random);
      const mine = await drainApp(app, proxy, lib.SYNC_TAG, ops);
      ours.push({ ...withoutWire(mine), queueMs, outboxEmptyMs: round(mine.outboxEmptyMs) });
      let line = `  drain run ${run + 1}/${runs}: CourtSync ${Math.round(mine.ms)} ms`;
      if (run < baselineRuns) {
        const theirs = await drainBaseline(base, proxy, baselineOps(lib, ops, run));
        baseline.push(withoutWire(theirs));
        if (run === 0) wire = { ours: mine.wire, baseline: theirs.wire };
        line += `, baseline ${Math.round(theirs.ms)} ms`;
      }
      log(line);
    }
    const memory = await measureDrainMemory({ lib, browser, app, proxy, random, run: runs });
    return {
      ours,
      baseline,
      wire,
      memory,
      oursMedian: median(ours.map((r) => r.ms)),
      baselineMedian: median(baseline.map((r) => r.ms)),
    };
  } finally {
    await app.context.close();
    await base.context.close();
  }
}

/** Figure 1 from the drain runs: median of the runs, baseline median, ratio. */
export function drainFigure(raw) {
  const ratio = raw.baselineMedian / raw.oursMedian;
  return makeFigure({
    id: '1',
    name: 'drain 1,000 queued ops, 20 matches (PGlite)',
    value: round(raw.oursMedian),
    unit: 'ms',
    target: { text: '≤ 1,000 ms, ≥ 10× baseline', met: raw.oursMedian <= 1000 && ratio >= 10 },
    baseline: {
      value: round(raw.baselineMedian),
      unit: 'ms',
      text: `${formatNumber(raw.baselineMedian, 0)} ms (workbox Queue, 1 request/op)`,
    },
    ratio: { value: round(ratio, 1), text: `${formatNumber(ratio, 1)}× faster` },
    details: {
      statistic: `median of ${raw.ours.length} runs (baseline: ${raw.baseline.length})`,
      runs: raw.ours,
      baselineRuns: raw.baseline,
      priorities:
        'priority rules do not exist yet: ops are queued in tap order, as the app does today',
    },
  });
}
