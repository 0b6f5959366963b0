import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from './support/chromium';
import { waitForServiceWorker } from './support/service-worker';

test('Chromium reports zero installability errors for / (F1)', async ({ baseURL }) => {
  // Installability is never granted in incognito, which every ordinary Playwright context
  // is: a persistent profile is what a real phone has.
  const profile = mkdtempSync(path.join(tmpdir(), 'courtsync-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    args: CHROMIUM_ARGS,
    baseURL,
    viewport: { width: 360, height: 640 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
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
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the home page lists the seeded demo tournament', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('tournament-demo-open')).toBeVisible();
  await expect(page.getByTestId('match-link-demo-beach-1')).toBeVisible();
});
