import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './support/service-worker';

const VISITED = 'demo-indoor-1';
const NEVER_OPENED = 'demo-indoor-2';

test('offline cold start: the saved tournament list, the matches on the device, and an honest message for the rest (F2)', async ({
  context,
  page,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await expect(page.getByTestId('tournament-demo-open')).toBeVisible();
  await expect(page.getByTestId(`on-device-${VISITED}`)).toHaveCount(0);

  // The scorekeeper opens one match while the venue's network still works.
  await page.getByTestId(`match-link-${VISITED}`).click();
  await expect(page.getByTestId('scorekeeper')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId(`on-device-${VISITED}`)).toBeVisible();
  await expect(page.getByTestId('saved-note')).toHaveCount(0);

  // The signal goes; the app is started again from scratch.
  await page.close();
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto('/');
  await expect(offline.getByTestId('saved-note')).toContainText('Offline');
  await expect(offline.getByTestId('tournament-demo-open')).toBeVisible();
  await expect(offline.getByTestId(`match-link-${NEVER_OPENED}`)).toBeVisible();
  await expect(offline.getByTestId(`on-device-${VISITED}`)).toBeVisible();
  await expect(offline.getByTestId(`on-device-${NEVER_OPENED}`)).toHaveCount(0);

  await offline.getByTestId(`match-link-${VISITED}`).click();
  await expect(offline.getByTestId('scorekeeper')).toBeVisible();
  await offline
    .getByRole('button', { name: /^Point/ })
    .first()
    .click();
  await expect(offline.getByTestId('pending-count')).toHaveAttribute('data-pending', '1');

  await offline.goBack();
  await offline.getByTestId(`match-link-${NEVER_OPENED}`).click();
  // Its screen was never loaded on this device: the worker's offline page says so.
  await expect(offline.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await expect(offline.getByText(/not been opened on this device/)).toBeVisible();
});
