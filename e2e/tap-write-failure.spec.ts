import { expect, test } from '@playwright/test';
import { readStore } from './support/local-db';
import { openMatchOnline } from './support/service-worker';
import { serverEvents } from './support/server-state';

const MATCH = 'demo-beach-1';

// Before any script of the page: the next write to the outbox store fails the way a full disk
// makes it fail (QuotaExceededError), when the test says so. The service worker is untouched.
function failNextOutboxWrite() {
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
    const flags = globalThis as { __failOutboxWrite?: boolean };
    if (this.name === 'outbox' && flags.__failOutboxWrite) {
      flags.__failOutboxWrite = false;
      throw new DOMException('The disk is full', 'QuotaExceededError');
    }
    return add.apply(this, args);
  };
}

test('a tap whose IndexedDB write fails is shown at once, then taken back and reported, never synced', async ({
  page,
  request,
}) => {
  await page.context().addInitScript(failNextOutboxWrite);
  await openMatchOnline(page, MATCH);
  const before = await serverEvents(request, MATCH);
  const score = page.getByTestId('score-a');
  const shown = await score.textContent();

  await page.evaluate(() => {
    (globalThis as { __failOutboxWrite?: boolean }).__failOutboxWrite = true;
  });
  await page.getByTestId('point-a').click();

  // Reported on screen, the point taken off the score, nothing queued or recorded.
  await expect(page.getByText(/Not saved on this phone, taken off the score/)).toBeVisible();
  await expect(page.getByText(/The disk is full/)).toBeVisible();
  await expect(score).toHaveText(shown ?? '');
  await expect(page.getByTestId('scorekeeper')).toHaveAttribute('data-writing', '0');
  await expect(page.getByTestId('scorekeeper')).toHaveAttribute('data-recorded', '0');
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
  expect(await readStore(page, 'outbox')).toEqual([]);
  // The server never hears of it (the worker had nothing to send).
  await page.waitForTimeout(1_000);
  expect(await serverEvents(request, MATCH)).toEqual(before);
});
