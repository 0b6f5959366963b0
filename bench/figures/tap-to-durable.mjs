// Figures 3a / 3b — from the click on a point button to (a) the new score on screen and (b)
// the op being in IndexedDB, online, with the app's worker syncing each tap.
import { newPhoneContext, waitForController } from '../lib/browser.mjs';
import { tapMatches } from '../lib/match-plan.mjs';
import { tapScript } from '../lib/op-scripts.mjs';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { percentile, round } from '../lib/stats.mjs';
import { buttonOf, openScorekeeper, waitForSynced } from '../lib/taps.mjs';

/**
 * Installs the in-page probe. `arm()` reads the device's op counter (meta `nextSeq`), then the
 * next click's timestamp starts two clocks: IndexedDB is polled (raw API, back to back) until
 * the counter has grown — record() takes the seq in the transaction that writes the outbox
 * entry, so the op is committed — and
 * a MutationObserver on the scoreboard waits for the new score, then the next animation
 * frame (the one that paints it). `result()` gives both delays in ms.
 */
function installProbe() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('courtsync');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      // The device's op counter: record() takes the op's seq from it in the same
      // transaction that writes the outbox entry, so once it has grown the op is committed.
      const readOpCounter = () =>
        new Promise((done, fail) => {
          const tx = db.transaction('meta', 'readonly');
          const request = tx.objectStore('meta').get('nextSeq');
          request.onsuccess = () => done(request.result?.value ?? 0);
          request.onerror = () => fail(request.error);
          // Committed at once: the probe's read must not hold the tap's write back. Chromium
          // defers IndexedDB results after a click until the next frame, and a transaction
          // left open until its result is delivered kept record()'s transaction (which
          // includes meta) from starting for that long (traced 2026-12-07).
          tx.commit();
        });
      let measurement;
      globalThis.__tapProbe = {
        async arm() {
          const before = await readOpCounter();
          measurement = new Promise((done) => {
            let t0;
            let durableAt;
            let screenAt;
            const finish = () => {
              if (durableAt !== undefined && screenAt !== undefined) {
                done({ durable: durableAt - t0, screen: screenAt - t0 });
              }
            };
            const observer = new MutationObserver(() => {
              observer.disconnect();
              requestAnimationFrame(() => {
                screenAt = performance.now();
                finish();
              });
            });
            const poll = async () => {
              if ((await readOpCounter()) > before) {
                durableAt = performance.now();
                finish();
              } else void poll();
            };
            addEventListener(
              'click',
              (event) => {
                t0 = event.timeStamp;
                observer.observe(document.querySelector('[aria-label="Score"]'), {
                  subtree: true,
                  childList: true,
                  characterData: true,
                });
                void poll();
              },
              { capture: true, once: true },
            );
          });
        },
        result: () => measurement,
      };
      resolve();
    };
  });
}

/** Taps `matches × taps` points one at a time, each once the previous one has synced. */
export async function measureTaps({ lib, browser, proxy, random, matches, tapsPerMatch, log }) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const samples = [];
  try {
    for (const [index, match] of tapMatches(matches).entries()) {
      await openScorekeeper(page, proxy.origin, match.id);
      if (index === 0) await waitForController(page);
      await page.evaluate(installProbe);
      for (const tap of tapScript(lib, match.format, tapsPerMatch, random, { undoRate: 0 })) {
        await page.evaluate(() => globalThis.__tapProbe.arm());
        await page.getByTestId(buttonOf(tap)).click();
        const { durable, screen } = await page.evaluate(() => globalThis.__tapProbe.result());
        samples.push({ tap, durable, screen, both: Math.max(durable, screen) });
        // A scorekeeper taps seconds apart: let this tap's sync finish before the next — the
        // push and the pull that follows it (until 2026-12-07 the next tap came as soon as
        // the push was acked, and its write waited behind the previous tap's pull).
        await waitForSynced(page);
      }
    }
    log(`  tap to durable: ${samples.length} taps`);
    return samples;
  } finally {
    await context.close();
  }
}

/**
 * Figures 3a and 3b (issue #14): the same taps measured apart — on screen (the frame that
 * paints the new score, target one frame) and durable (the op committed in IndexedDB).
 */
export function tapFigures(samples) {
  const of = (key, p) =>
    round(
      percentile(
        samples.map((s) => s[key]),
        p,
      ),
      1,
    );
  const figure = (id, key, what, limit) => {
    const p95 = of(key, 95);
    return makeFigure({
      id,
      name: `tap to ${what} (${samples.length} taps)`,
      value: p95,
      unit: 'ms',
      display: `p50 ${formatNumber(of(key, 50), 1)} / p95 ${formatNumber(p95, 1)} ms`,
      target: { text: `p95 ≤ ${limit} ms`, met: p95 <= limit },
      details: {
        p50: of(key, 50),
        p95,
        max: of(key, 100),
        // The figure before the split (issue #3): the later of the two clocks, per tap.
        both: { p50: of('both', 50), p95: of('both', 95), max: of('both', 100) },
      },
    });
  };
  return [figure('3a', 'screen', 'on screen', 16), figure('3b', 'durable', 'durable', 30)];
}
