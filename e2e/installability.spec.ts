import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './support/service-worker';

test('Chromium reports zero installability errors for / (F1)', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);

  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const parsed = JSON.parse(manifest.data ?? '{}') as {
    display: string;
    icons: Array<{ sizes: string; purpose?: string }>;
  };
  expect(parsed.display).toBe('standalone');
  expect(parsed.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`)).toEqual(
    expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']),
  );
});

test('the home page lists the seeded demo tournament', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('tournament-demo-open')).toBeVisible();
  await expect(page.getByTestId('match-link-demo-beach-1')).toBeVisible();
});
