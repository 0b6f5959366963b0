// Figure 2 — reconnect to committed: 50 taps queued offline on the scorekeeper screen, then
// context.setOffline(false); the time until the server has answered all 50 as applied. The
// pending Background Sync tag fires by itself when the browser is back online.
import { newPhoneContext, waitForController } from '../lib/browser.mjs';
import { readPendingOps } from '../lib/local-db.mjs';
import { reconnectMatches } from '../lib/match-plan.mjs';
import { tapScript } from '../lib/op-scripts.mjs';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { percentile, round } from '../lib/stats.mjs';
import { buttonOf, openScorekeeper, waitForPending } from '../lib/taps.mjs';

/** Ops queued offline per round. */
export const OPS_PER_ROUND = 50;

/** Runs `rounds` offline/online rounds, one fresh match each; returns each round's ms. */
export async function measureReconnects({ lib, browser, proxy, random, rounds, log }) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const times = [];
  try {
    for (const [round, match] of reconnectMatches(rounds).entries()) {
      await openScorekeeper(page, proxy.origin, match.id);
      if (round === 0) await waitForController(page);
      await waitForPending(page, 0);
      await context.setOffline(true);
      const taps = tapScript(lib, match.format, OPS_PER_ROUND, random);
      for (const [i, tap] of taps.entries()) {
        await page.getByTestId(buttonOf(tap)).click();
        await waitForPending(page, i + 1);
      }
      const ops = await readPendingOps(page);
      if (ops.length !== OPS_PER_ROUND) throw new Error(`round ${round}: ${ops.length} ops queued`);
      const startedAt = performance.now();
      await context.setOffline(false);
      const committedAt = await proxy.waitForCommitted(
        ops.map((op) => op.opId),
        60_000,
      );
      times.push(committedAt - startedAt);
      await waitForPending(page, 0);
    }
    log(`  reconnect: ${rounds} rounds of ${OPS_PER_ROUND} ops`);
    return times;
  } finally {
    await context.close();
  }
}

/** Figure 2: p50 and p95 of the rounds; the target is on p95. */
export function reconnectFigure(times) {
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  return makeFigure({
    id: '2',
    name: `reconnect to committed (${times.length} × ${OPS_PER_ROUND} ops)`,
    value: round(p95),
    unit: 'ms',
    display: `p50 ${formatNumber(p50, 0)} / p95 ${formatNumber(p95, 0)} ms`,
    target: { text: 'p95 ≤ 1,000 ms', met: p95 <= 1000 },
    details: { p50: round(p50), p95: round(p95), rounds: times.map((t) => round(t)) },
  });
}
