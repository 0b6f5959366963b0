// Figure 11 — recovery after a server outage: on the real scorekeeper screen, taps are
// recorded while the bench proxy answers 503 to every /api/v1/* request (the browser stays
// online: the network is fine, the server is not). Then the server comes back (the proxy
// forwards again); the figure is the time from "server back" until the server has committed
// every op queued during the outage — whatever retry the app has does the work, no event of
// the bench's triggers it.
import { newPhoneContext, waitForController } from '../lib/browser.mjs';
import { readPendingOps } from '../lib/local-db.mjs';
import { recoveryMatches } from '../lib/match-plan.mjs';
import { tapScript } from '../lib/op-scripts.mjs';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { percentile, round } from '../lib/stats.mjs';
import { buttonOf, openScorekeeper, waitForPending } from '../lib/taps.mjs';

/** Per round: taps during the outage, the outage's extra length after them, the round's cap. */
export const RECOVERY = {
  taps: 20,
  holdMs: [500, 2000],
  capMs: 30_000,
  /** Rounds stop after this many time-outs (each costs capMs): the figure is missed anyway. */
  maxTimeouts: 2,
};

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts the page's API requests in flight (not its live streams, which stay open), so an
 * outage starts once the freshly opened match has finished loading from the server.
 */
function watchApiRequests(page) {
  const inFlight = new Set();
  let quietSince = performance.now();
  const isApi = (request) =>
    new URL(request.url()).pathname.startsWith('/api/') && request.resourceType() !== 'eventsource';
  page.on('request', (request) => {
    if (isApi(request)) inFlight.add(request);
  });
  const done = (request) => {
    if (inFlight.delete(request) && inFlight.size === 0) quietSince = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  /** Resolves once no API request was in flight for `quietMs` (at most `timeoutMs`). */
  return async (quietMs = 300, timeoutMs = 5000) => {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      if (inFlight.size === 0 && performance.now() - quietSince >= quietMs) return;
      await delay(50);
    }
  };
}

/** A fresh phone context showing the app, its service worker in control. */
async function openPhone(browser, origin, matchId) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const apiQuiet = watchApiRequests(page);
  try {
    await openScorekeeper(page, origin, matchId);
    await waitForController(page);
  } catch (error) {
    await context.close();
    throw error;
  }
  return { context, page, apiQuiet };
}

/**
 * Runs `rounds` outage rounds, one fresh match each, in one phone context (replaced after a
 * round that timed out, so its stuck ops do not leak into the next round). Returns per round
 * {ms} or {timedOut}, plus the 503s the proxy answered.
 */
export async function measureRecovery({ lib, browser, proxy, random, rounds, log }) {
  const matches = recoveryMatches(rounds);
  let phone;
  const results = [];
  try {
    for (const [index, match] of matches.entries()) {
      if (results.filter((r) => r.timedOut).length >= RECOVERY.maxTimeouts) break;
      try {
        if (phone) await openScorekeeper(phone.page, proxy.origin, match.id);
        else phone = await openPhone(browser, proxy.origin, match.id);
      } catch (error) {
        const done = results.map((r) => (r.timedOut ? 'timed out' : `${Math.round(r.ms)} ms`));
        throw new Error(
          `round ${index + 1}: the scorekeeper screen did not open (rounds before: ` +
            `${done.join(', ') || 'none'}): ${error?.message?.split('\n')[0]}`,
        );
      }
      const { page } = phone;
      await waitForPending(page, 0);
      // The match page loads its log from the server after it shows: let that finish first.
      await phone.apiQuiet();

      proxy.startOutage();
      const taps = tapScript(lib, match.format, RECOVERY.taps, random);
      for (const [i, tap] of taps.entries()) {
        await page.getByTestId(buttonOf(tap)).click();
        await waitForPending(page, i + 1);
      }
      const [low, high] = RECOVERY.holdMs;
      await delay(low + random() * (high - low));
      const ops = await readPendingOps(page);
      if (ops.length !== RECOVERY.taps) {
        proxy.endOutage();
        throw new Error(`round ${index}: ${ops.length} ops pending after ${RECOVERY.taps} taps`);
      }
      const outage = proxy.endOutage();
      proxy.resetWire();
      const round = {
        outageMs: Math.round(outage.endedAt - outage.startedAt),
        answered503: outage.answered,
      };
      try {
        const committedAt = await proxy.waitForCommitted(
          ops.map((op) => op.opId),
          RECOVERY.capMs,
        );
        results.push({ ...round, ms: committedAt - outage.endedAt });
        await waitForPending(page, 0);
      } catch (error) {
        if (!/not committed within/.test(error?.message)) throw error;
        // How often the app tried once the server was back (push exchanges that reached it).
        const pushesAfter = proxy.pushes.length;
        log(
          `  recovery round ${index + 1}: not recovered within ${RECOVERY.capMs} ms ` +
            `(${pushesAfter} pushes reached the server meanwhile)`,
        );
        results.push({ ...round, timedOut: true, pushesAfter });
        // Its ops are stuck in that context's outbox: the next round starts on a new phone.
        await phone.context.close();
        phone = undefined;
      }
    }
    const done = results.filter((r) => !r.timedOut).map((r) => Math.round(r.ms));
    log(`  recovery: ${results.length} rounds; recovered in ${done.join(' / ') || '–'} ms`);
    return { results, planned: rounds };
  } finally {
    await phone?.context.close();
  }
}

/** A round's time, or "> 30 s" for a round that timed out. */
const shown = (value) =>
  Number.isFinite(value)
    ? `${formatNumber(value, 0)} ms`
    : `> ${formatNumber(RECOVERY.capMs / 1000, 0)} s`;

/** Figure 11: p50 and p95 over the rounds run, a timed-out round counting as infinitely slow. */
export function recoveryFigure({ results, planned }) {
  const times = results.map((r) => (r.timedOut ? Infinity : r.ms));
  const timeouts = results.filter((r) => r.timedOut).length;
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const suffix = timeouts > 0 ? ` (${timeouts} timed out)` : '';
  return makeFigure({
    id: '11',
    name: `recovery after a server outage (${results.length} × ${RECOVERY.taps} ops)`,
    value: Number.isFinite(p95) ? round(p95) : null,
    unit: 'ms',
    display: `p50 ${shown(p50).replace(' ms', '')} / p95 ${shown(p95)}${suffix}`,
    target: { text: 'p95 ≤ 5,000 ms', met: p95 <= 5000 },
    details: {
      p50: Number.isFinite(p50) ? round(p50) : null,
      p95: Number.isFinite(p95) ? round(p95) : null,
      capMs: RECOVERY.capMs,
      timeouts,
      roundsPlanned: planned,
      roundsRun: results.length,
      rounds: results.map((r) => ({ ...r, ms: r.ms === undefined ? undefined : round(r.ms) })),
    },
  });
}
