import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { API } from '@courtsync/protocol';
import { DEMO_EVENT, signInAs } from './support/auth';
import { tap } from './support/devices';
import { ownServer } from './support/own-server';
import { waitForServiceWorker } from './support/service-worker';

// A server of this spec's own: its claims and handover must not leak into other specs.
const SERVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 51;
const MATCH = 'demo-beach-3';

interface Phone {
  context: BrowserContext;
  page: Page;
}

/** A phone signed in as `who`, on the match's scorekeeper screen, worker in control. */
async function phone(
  browser: import('@playwright/test').Browser,
  base: string,
  who: 'scorer1' | 'scorer2',
): Promise<Phone> {
  const context = await browser.newContext({ baseURL: base, serviceWorkers: 'allow' });
  await signInAs(context.request, who);
  const page = await context.newPage();
  await page.goto(`/matches/${MATCH}`);
  await waitForServiceWorker(page);
  await page.reload();
  await expect(page.getByTestId('scorekeeper')).toBeVisible();
  return { context, page };
}

async function serverOps(base: string): Promise<string[]> {
  const response = await fetch(`${base}${API.matchEvents(MATCH)}`);
  const body = (await response.json()) as { events: { opId: string }[] };
  return body.events.map((e) => e.opId);
}

/** The opIds of a phone's failed ops, with their reason codes. */
async function failedOps(page: Page): Promise<{ opId: string; code: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('courtsync');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as { opId: string; status: string; lastError?: { code: string } }[])
                .filter((e) => e.status === 'failed')
                .map((e) => ({ opId: e.opId, code: e.lastError?.code ?? '' })),
            );
        };
      }),
  );
}

test('one scorekeeper per match: claim, refusal into the review list, admin handover (F4)', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = ownServer(SERVER_PORT);
  await server.start();
  try {
    const base = server.base;
    const one = await phone(browser, base, 'scorer1');
    const two = await phone(browser, base, 'scorer2');

    // Scorekeeper 1 claims the free match in one tap and scores.
    await expect(one.page.getByTestId('claim-bar')).toHaveAttribute('data-state', 'free');
    await one.page.getByTestId('claim-match').click();
    await expect(one.page.getByTestId('claim-bar')).toHaveAttribute('data-state', 'mine');
    for (const t of ['A', 'A', 'B'] as const) await tap(one.page, t);
    await expect.poll(() => serverOps(base).then((o) => o.length)).toBe(3);

    // Scorekeeper 2 sees who holds it, is offered no claim, and cannot claim it by the API either.
    await two.page.reload();
    await expect(two.page.getByTestId('claim-bar')).toHaveAttribute('data-state', 'taken');
    await expect(two.page.getByTestId('claim-bar')).toContainText('Sam Scorer');
    await expect(two.page.getByTestId('claim-match')).toHaveCount(0);
    const refused = await two.context.request.post(API.claim(DEMO_EVENT, MATCH));
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.code).toBe('CLAIM_HELD');

    // Its taps are refused CLAIM_NOT_HELD: failed on the phone, kept in the review list.
    for (const t of ['B', 'B'] as const) await tap(two.page, t);
    await expect(two.page.getByTestId('failed-count')).toHaveAttribute('data-failed', '2');
    const twoFailed = await failedOps(two.page);
    expect(twoFailed.map((f) => f.code)).toEqual(['CLAIM_NOT_HELD', 'CLAIM_NOT_HELD']);
    await two.page.getByTestId('failed-count').click();
    await expect(two.page.getByTestId('failed-reason').first()).toContainText('claimed by another');
    expect(await serverOps(base)).toHaveLength(3);

    // An admin sees them in the review list and hands the claim over in the admin screen.
    const admin = await browser.newContext({ baseURL: base });
    await signInAs(admin.request, 'admin');
    const desk = await admin.newPage();
    await desk.goto('/admin');
    const items = desk.getByTestId('review-item');
    await expect(items).toHaveCount(2);
    expect(
      (await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-op')))).sort(),
    ).toEqual(twoFailed.map((f) => f.opId).sort());
    await desk.getByTestId(`handover-${MATCH}`).selectOption({ label: 'Kim Keeper' });
    await expect(desk.getByTestId(`claim-${MATCH}`)).toContainText('Kim Keeper');
    await desk.screenshot({ path: test.info().outputPath('admin-360.png') });

    // Scorekeeper 2 goes on: its new taps land at once.
    await two.page.reload();
    await expect(two.page.getByTestId('claim-bar')).toHaveAttribute('data-state', 'mine');
    await tap(two.page, 'A');
    await expect.poll(() => serverOps(base).then((o) => o.length)).toBe(4);

    // The admin accepts its refused taps into the match: each lands once, and they leave the
    // phone's failed list when it pulls them.
    await desk.reload();
    for (let i = 0; i < 2; i += 1) {
      await desk.getByTestId('review-accept').first().click();
      await expect(desk.getByTestId('review-item')).toHaveCount(1 - i);
    }
    await expect(desk.getByTestId('review-empty')).toBeVisible();
    await expect.poll(() => serverOps(base).then((o) => o.length)).toBe(6);
    const ops = await serverOps(base);
    expect(new Set(ops).size).toBe(6);
    expect(ops.slice(4).sort()).toEqual(twoFailed.map((f) => f.opId).sort());
    await expect(two.page.getByTestId('failed-count')).toHaveCount(0, { timeout: 20_000 });

    // Scorekeeper 1's later taps are refused the same way.
    await one.page.reload();
    await expect(one.page.getByTestId('claim-bar')).toHaveAttribute('data-state', 'taken');
    await tap(one.page, 'A');
    await expect(one.page.getByTestId('failed-count')).toHaveAttribute('data-failed', '1');
    expect((await failedOps(one.page)).map((f) => f.code)).toEqual(['CLAIM_NOT_HELD']);
    await desk.reload();
    await expect(desk.getByTestId('review-item')).toHaveCount(1);
    expect(await serverOps(base)).toHaveLength(6);
    for (const c of [one.context, two.context, admin]) await c.close();
  } finally {
    await server.dispose();
  }
});
