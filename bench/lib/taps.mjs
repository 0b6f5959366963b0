// Taps on the scorekeeper screen (data-testid="point-a" | "point-b" | "undo").

/** The button a tap presses. */
export const buttonOf = (tap) => (tap === 'undo' ? 'undo' : tap === 'A' ? 'point-a' : 'point-b');

/** Opens the scorekeeper page of `matchId` and waits until the match is on screen. */
export async function openScorekeeper(page, origin, matchId) {
  await page.goto(`${origin}/matches/${matchId}`);
  await page.getByTestId('scorekeeper').waitFor();
}

/** Waits until the sync badge shows `count` pending ops (data-pending). */
export function waitForPending(page, count, timeoutMs = 30_000) {
  return page.waitForFunction(
    (n) => document.querySelector('[data-testid="pending-count"]')?.dataset.pending === String(n),
    count,
    { timeout: timeoutMs, polling: 'raf' },
  );
}

/**
 * Waits until the page's sync has finished: nothing pending and the nav bar's indicator at
 * "synced" (the flush, its pull and its closing counts are done; flush-finished was received).
 */
export async function waitForSynced(page, timeoutMs = 30_000) {
  await waitForPending(page, 0, timeoutMs);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="sync-indicator-minimal"]')?.dataset.status === 'synced',
    null,
    { timeout: timeoutMs, polling: 'raf' },
  );
}
