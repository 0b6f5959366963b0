import { gunzipSync } from 'node:zlib';
import {
  devices,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from '@playwright/test';
import { API } from '@courtsync/protocol';
import { scorekeeperOn } from './auth';
import { waitForServiceWorker } from './service-worker';

/** A port of this run's own (for these specs) server, clear of the shared one. */
export const OWN_SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 70;

/** Screenshots of the screens, 360×640, also kept in SCREENSHOT_DIR when set. */
export async function shoot(page: Page, name: string, outputPath: (name: string) => string) {
  await page.screenshot({ path: outputPath(`${name}-360x640.png`) });
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}-360x640.png` });
  }
}

/** A phone (360×640) on `base`; with `battery`, navigator.getBattery() answers it. */
export async function openPhone(
  browser: Browser,
  base: string,
  battery?: { level: number; charging: boolean },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 640 },
    serviceWorkers: 'allow',
    baseURL: base,
  });
  if (battery) {
    await context.addInitScript((b) => {
      const stub = { ...b, addEventListener() {}, removeEventListener() {} };
      Object.defineProperty(Navigator.prototype, 'getBattery', {
        configurable: true,
        value: async () => stub,
      });
    }, battery);
  }
  return { context, page: await context.newPage() };
}

/**
 * Visits each path online under the worker (twice: controlled, then cached for offline). A
 * scorekeeper screen is opened as the first demo scorekeeper holding that match's claim (F4).
 */
export async function visitOnline(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    const match = /^\/matches\/([^/]+)$/.exec(path)?.[1];
    if (match) await scorekeeperOn(page.context(), match);
    await page.goto(path);
    await waitForServiceWorker(page);
    await page.reload();
    await expect(page.getByTestId(path === '/sync' ? 'sync-page' : 'scorekeeper')).toBeVisible();
  }
}

/** The ops of a push as the browser sent them (gzip or plain JSON). */
export function pushedOps(request: Request): Array<{ opId: string; matchId: string; seq: number }> {
  const body = request.postDataBuffer() ?? Buffer.alloc(0);
  const gzipped = request.headers()['content-encoding'] === 'gzip';
  return (JSON.parse((gzipped ? gunzipSync(body) : body).toString('utf8')) as { ops: never[] }).ops;
}

/**
 * Notes every pushed op the first time the server took it (a push answered 200, from a page or
 * the worker), in order; `refuse` answers a push 400 instead (as the server refuses a bad op).
 * Pushes are one at a time (the flush lock), so the order of answers is the order of arrival.
 */
export async function recordArrivals(
  context: BrowserContext,
  refuse: (ops: ReturnType<typeof pushedOps>) => boolean = () => false,
) {
  const arrivals: Array<{ opId: string; matchId: string; seq: number }> = [];
  const seen = new Set<string>();
  await context.route(`**${API.push}`, (route) => {
    if (!refuse(pushedOps(route.request()))) return route.continue();
    return route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'injected refusal' } }),
    });
  });
  context.on('requestfinished', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith(API.push)) return;
    const ops = pushedOps(request);
    void request.response().then((response) => {
      if (response?.status() !== 200) return;
      for (const op of ops) {
        if (!seen.has(op.opId)) arrivals.push(op);
        seen.add(op.opId);
      }
    });
  });
  return arrivals;
}

/** Taps a point or an undo on the open scorekeeper screen and waits until it is recorded. */
export async function tapOn(page: Page, matchId: string, taps: Array<'A' | 'B' | 'undo'>) {
  await page.goto(`/matches/${matchId}`);
  const screen = page.getByTestId('scorekeeper');
  await expect(screen).toBeVisible();
  for (const t of taps) {
    const before = Number(await screen.getAttribute('data-recorded'));
    await page.getByTestId(t === 'undo' ? 'undo' : t === 'A' ? 'point-a' : 'point-b').click();
    await expect(screen).toHaveAttribute('data-recorded', String(before + 1));
  }
}

/** Checks that every match's ops arrived in seq order. */
export function expectEachMatchInOrder(arrivals: Array<{ matchId: string; seq: number }>) {
  const last = new Map<string, number>();
  for (const op of arrivals) {
    expect(op.seq).toBeGreaterThan(last.get(op.matchId) ?? 0);
    last.set(op.matchId, op.seq);
  }
}
