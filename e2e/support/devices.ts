import { devices, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { scorekeeperOn } from './auth';
import { waitForServiceWorker } from './service-worker';
import type { Tap } from './scoring-script';

/** One phone: its own browser context (own IndexedDB, own service worker) and a page. */
export interface Device {
  name: string;
  context: BrowserContext;
  page: Page;
}

/**
 * Opens a new phone on `path` of `baseURL`, controlled by the app's service worker. On a
 * scorekeeper screen (`/matches/:id`) the phone signs in as the first demo scorekeeper and
 * claims the match first; a spectator's board (`…/live`) stays anonymous.
 */
export async function openDevice(
  browser: Browser,
  name: string,
  baseURL: string,
  path: string,
): Promise<Device> {
  const context = await browser.newContext({
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 640 },
    serviceWorkers: 'allow',
    baseURL,
  });
  const scoring = /^\/matches\/([^/]+)$/.exec(path);
  if (scoring?.[1]) await scorekeeperOn(context, scoring[1], baseURL);
  const page = await context.newPage();
  await page.goto(path);
  await waitForServiceWorker(page);
  await page.reload();
  return { name, context, page };
}

/**
 * Taps once on the scorekeeper screen and waits until the action is recorded on the device
 * (the screen counts the actions it recorded), whatever else the live feed changes meanwhile.
 */
export async function tap(page: Page, action: Tap): Promise<void> {
  const screen = page.getByTestId('scorekeeper');
  const before = Number(await screen.getAttribute('data-recorded'));
  await page
    .getByTestId(action === 'undo' ? 'undo' : action === 'A' ? 'point-a' : 'point-b')
    .click();
  await expect(screen).toHaveAttribute('data-recorded', String(before + 1));
}

/** The current set's score as the screen shows it, e.g. "3-1". */
export async function shownScore(page: Page): Promise<string> {
  const a = await page.getByTestId('score-a').textContent();
  const b = await page.getByTestId('score-b').textContent();
  return `${a}-${b}`;
}
