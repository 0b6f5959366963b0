import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { scorekeeperOn } from './support/auth';
import { openDevice, type Device } from './support/devices';
import {
  callTimeout,
  expectScore,
  giveSanction,
  setRallies,
  substitute,
  type BreakRules,
  type Side,
} from './support/match-play';
import { ownServer, type OwnServer } from './support/own-server';

// Its own server: these tests play every demo match to its end, which the shared server's
// other specs must not see.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 70;
const TOURNAMENT = 'demo-open';

/** One step of a match script, as the scorekeeper taps it. */
type Step =
  | { kind: 'rally'; team: Side }
  | { kind: 'undo' }
  | { kind: 'timeout'; team: Side }
  | { kind: 'sanction'; team: Side; sanction: 'warning' | 'penalty'; player?: number }
  | { kind: 'sub'; team: Side; out: number; into: number };

/** A set of a script: the final score, and extra steps inserted before rally number `at`. */
interface SetPlan {
  winner: Side;
  points: [number, number];
  extras?: { at: number; steps: Step[] }[];
  /** Rally indices the winner gets by a penalty to the loser instead of a rally. */
  penalties?: number[];
}

const other = (team: Side): Side => (team === 'A' ? 'B' : 'A');

/** The steps of a whole match. */
function script(sets: SetPlan[]): Step[] {
  const steps: Step[] = [];
  for (const set of sets) {
    const rallies = setRallies(set.points[0], set.points[1], set.winner);
    rallies.forEach((team, i) => {
      for (const extra of set.extras ?? []) if (extra.at === i) steps.push(...extra.steps);
      if (set.penalties?.includes(i)) {
        steps.push({ kind: 'sanction', team: other(team), sanction: 'penalty' });
      } else steps.push({ kind: 'rally', team });
    });
  }
  return steps;
}

const TARGETS = { beach: [21, 21, 15], indoor: [25, 25, 25, 25, 15] } as const;

/** The test's own count of the score, to check the screen against. */
class ScoreKeeper {
  sets: { a: number; b: number }[] = [{ a: 0, b: 0 }];
  won = { A: 0, B: 0 };
  winner: Side | undefined;
  constructor(private readonly rules: BreakRules) {}

  get current() {
    return this.sets[this.sets.length - 1] as { a: number; b: number };
  }

  point(team: Side): void {
    const set = this.current;
    if (team === 'A') set.a += 1;
    else set.b += 1;
    const target = TARGETS[this.rules.format][this.sets.length - 1] ?? 15;
    if (Math.max(set.a, set.b) >= target && Math.abs(set.a - set.b) >= 2) {
      this.won[team] += 1;
      if (this.won[team] > this.rules.bestOf / 2) this.winner = team;
      else this.sets.push({ a: 0, b: 0 });
    }
  }
}

/** Taps one step and checks the screen: score, set, serving team and the prompts due. */
async function play(
  page: Page,
  rules: BreakRules,
  keeper: ScoreKeeper,
  steps: Step[],
  /** Called after each checked step (e.g. to look at other screens mid-match). */
  after?: (keeper: ScoreKeeper) => Promise<void>,
) {
  const undoStack: { a: number; b: number; sets: number }[] = [];
  for (const step of steps) {
    const screen = page.getByTestId('scorekeeper');
    const recorded = Number(await screen.getAttribute('data-recorded'));
    const before = { ...keeper.current };
    let scored: Side | undefined;
    switch (step.kind) {
      case 'rally':
        await page.getByTestId(`point-${step.team.toLowerCase()}`).click();
        scored = step.team;
        break;
      case 'undo':
        await page.getByTestId('undo').click();
        break;
      case 'timeout':
        await callTimeout(page, step.team);
        await expect(page.getByTestId(`timeouts-left-${step.team.toLowerCase()}`)).toContainText(
          rules.format === 'beach' ? '0' : /[01]/,
        );
        break;
      case 'sanction':
        await giveSanction(page, step.team, step.sanction, step.player);
        if (step.sanction === 'penalty') scored = other(step.team);
        break;
      case 'sub':
        await substitute(page, step.team, step.out, step.into);
        break;
    }
    await expect(screen).toHaveAttribute('data-recorded', String(recorded + 1));
    if (step.kind === 'undo') {
      // The script only undoes a rally it just added (never across a set end).
      const last = undoStack.pop();
      if (!last) throw new Error('script: undo without a rally');
      keeper.current.a = last.a;
      keeper.current.b = last.b;
    }
    if (scored) {
      undoStack.push({ ...before, sets: keeper.sets.length });
      keeper.point(scored);
    }
    if (keeper.winner) break;
    const now = keeper.current;
    const setOver = now.a === 0 && now.b === 0 && scored !== undefined;
    await expectScore(page, rules, {
      set: keeper.sets.length,
      a: now.a,
      b: now.b,
      // The rally winner serves next; a new set opens with its own first server.
      ...(scored && !setOver ? { serving: scored } : {}),
      before,
    });
    if (setOver) await expect(page.getByTestId('prompt-set-over')).toBeVisible();
    await after?.(keeper);
  }
}

/** Opens a demo match from the tournament's court list, as a scorekeeper would. */
async function openFromCourts(page: Page, matchId: string): Promise<void> {
  await page.goto(`/tournaments/${TOURNAMENT}`);
  await page.getByTestId(`open-match-${matchId}`).click();
  await expect(page.getByTestId('scorekeeper')).toBeVisible();
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0');
}

/** WCAG 2.1 AA violations axe finds on the page as it is now (none expected). */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}

/**
 * Mid-match, with prompts on screen: the scorekeeper screen (and its actions sheet) pass
 * axe, and the match's, the tournament's and the court's live boards show the same score.
 */
async function checkScreensMidMatch(browser: Browser, base: string, keeper: Page, score: string) {
  await expect(keeper.getByTestId('prompt-technical-timeout')).toBeVisible();
  await expect(keeper.getByTestId('prompt-side-switch')).toBeVisible();
  await expectAccessible(keeper, 'the scorekeeper screen with prompts');
  await keeper.getByTestId('more-actions').click();
  await expect(keeper.getByTestId('actions-sheet')).toBeVisible();
  await expectAccessible(keeper, 'the actions sheet');
  await keeper.getByTestId('close-actions').click();
  await expect(keeper.getByTestId('actions-sheet')).toHaveCount(0);

  const fan = await openDevice(browser, 'spectator', base, `/matches/demo-beach-1/live`);
  try {
    const boards = [
      ['/matches/demo-beach-1/live', 'live-board'],
      [`/tournaments/${TOURNAMENT}/live`, 'tournament-live-board'],
      [
        `/tournaments/${TOURNAMENT}/courts/${encodeURIComponent('Center Court')}/live`,
        'court-live-board',
      ],
    ] as const;
    for (const [path, testId] of boards) {
      await fan.page.goto(path);
      const board = fan.page.getByTestId(testId);
      await expect(board).toBeVisible();
      const match = testId === 'live-board' ? board : board.getByTestId('board-match-demo-beach-1');
      const [a, b] = score.split('-');
      await expect(match.getByTestId('score-a')).toHaveText(a ?? '');
      await expect(match.getByTestId('score-b')).toHaveText(b ?? '');
      await expectAccessible(fan.page, path);
    }
    // Read only and live: a point at courtside reaches the court board by the stream.
    await keeper.getByTestId('prompt-done-technical-timeout').click();
    await keeper.getByTestId('prompt-done-side-switch').click();
    await expect(keeper.getByTestId('due-prompts')).toHaveCount(0);
    await expect(fan.page.getByRole('button', { name: /^Point/ })).toHaveCount(0);
  } finally {
    await fan.context.close();
  }
}

const BEACH: BreakRules = { format: 'beach', bestOf: 3 };
const INDOOR: BreakRules = { format: 'indoor', bestOf: 5 };

/** The demo matches, each with a script that ends it (timeouts, sanctions, undo, subs). */
const MATCHES: { id: string; rules: BreakRules; sets: SetPlan[] }[] = [
  {
    id: 'demo-beach-1',
    rules: BEACH,
    sets: [
      {
        winner: 'A',
        points: [21, 15],
        extras: [
          { at: 5, steps: [{ kind: 'timeout', team: 'B' }] },
          { at: 12, steps: [{ kind: 'rally', team: 'B' }, { kind: 'undo' }] },
          { at: 30, steps: [{ kind: 'timeout', team: 'A' }] },
        ],
      },
      {
        winner: 'B',
        points: [21, 17],
        extras: [
          { at: 3, steps: [{ kind: 'sanction', team: 'A', sanction: 'warning', player: 2 }] },
        ],
        penalties: [9],
      },
      {
        winner: 'A',
        points: [15, 12],
        extras: [{ at: 4, steps: [{ kind: 'timeout', team: 'B' }] }],
      },
    ],
  },
  {
    id: 'demo-beach-2',
    rules: BEACH,
    sets: [
      { winner: 'B', points: [21, 19], penalties: [20] },
      {
        winner: 'B',
        points: [21, 10],
        extras: [{ at: 8, steps: [{ kind: 'timeout', team: 'A' }] }],
      },
    ],
  },
  {
    id: 'demo-beach-3',
    rules: BEACH,
    sets: [
      { winner: 'B', points: [21, 18] },
      {
        winner: 'A',
        points: [21, 16],
        extras: [{ at: 7, steps: [{ kind: 'sanction', team: 'B', sanction: 'warning' }] }],
      },
      { winner: 'B', points: [15, 13], penalties: [11] },
    ],
  },
  {
    id: 'demo-indoor-1',
    rules: INDOOR,
    sets: [
      {
        winner: 'A',
        points: [25, 20],
        extras: [
          {
            at: 6,
            steps: [
              { kind: 'timeout', team: 'B' },
              { kind: 'sub', team: 'A', out: 4, into: 12 },
            ],
          },
          { at: 20, steps: [{ kind: 'timeout', team: 'B' }] },
        ],
      },
      { winner: 'B', points: [25, 22], penalties: [15] },
      { winner: 'A', points: [25, 18] },
      {
        winner: 'B',
        points: [25, 20],
        extras: [
          { at: 2, steps: [{ kind: 'sanction', team: 'A', sanction: 'warning', player: 9 }] },
        ],
      },
      {
        winner: 'A',
        points: [15, 11],
        extras: [{ at: 10, steps: [{ kind: 'timeout', team: 'A' }] }],
      },
    ],
  },
  {
    id: 'demo-indoor-2',
    rules: INDOOR,
    sets: [
      {
        winner: 'B',
        points: [25, 15],
        extras: [{ at: 9, steps: [{ kind: 'sub', team: 'B', out: 7, into: 15 }] }],
      },
      { winner: 'B', points: [25, 20], penalties: [3] },
      {
        winner: 'B',
        points: [25, 23],
        extras: [{ at: 30, steps: [{ kind: 'timeout', team: 'A' }] }],
      },
    ],
  },
];

/** Everything the app keeps in IndexedDB that a user would call the device's data. */
function dumpLocalData(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('courtsync');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores = ['matches', 'confirmed', 'acked', 'outbox', 'listings'];
    const out: Record<string, unknown[]> = {};
    for (const name of stores) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return out;
  });
}

test.describe.serial('every demo match played to its end through the UI (F3 screens)', () => {
  let server: OwnServer;
  let phone: Device;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    server = ownServer(PORT);
    await server.start();
    phone = await openDevice(browser, 'scorekeeper', server.base, `/tournaments/${TOURNAMENT}`);
  });

  test.afterAll(async () => {
    await phone?.context.close();
    await server?.dispose();
  });

  for (const match of MATCHES) {
    test(`${match.id}: prompts at the right scores, to the match's end`, async ({ browser }) => {
      test.setTimeout(600_000);
      const { page } = phone;
      // The phone's scorekeeper holds the match before scoring it (F4).
      await scorekeeperOn(phone.context, match.id, server.base);
      await openFromCourts(page, match.id);
      const keeper = new ScoreKeeper(match.rules);
      await expectScore(page, match.rules, { set: 1, a: 0, b: 0, serving: 'A' });
      let checked = false;
      await play(page, match.rules, keeper, script(match.sets), async (k) => {
        const { a, b } = k.current;
        if (match.id !== 'demo-beach-1' || checked || k.sets.length !== 1 || a + b !== 21) return;
        checked = true;
        await checkScreensMidMatch(browser, server.base, page, `${a}-${b}`);
      });
      if (match.id === 'demo-beach-1') expect(checked).toBe(true);
      expect(keeper.winner).toBe(match.sets[match.sets.length - 1]?.winner);
      await expect(page.getByTestId('match-status')).toContainText(
        `won ${keeper.won.A}-${keeper.won.B}`,
      );
      await expect(page.getByTestId('point-a')).toBeDisabled();
      await expect(page.getByTestId('pending-count')).toHaveAttribute('data-pending', '0', {
        timeout: 30_000,
      });
      // The server agrees: the score API shows the same sets and the winner.
      const api = await page.request.get(`/api/v1/events/${TOURNAMENT}/scores/${match.id}`);
      const score = (await api.json()) as {
        status: string;
        state: { winner: Side; sets: { a: number; b: number }[] };
      };
      expect(score.status).toBe('finished');
      expect(score.state.winner).toBe(keeper.winner);
      expect(score.state.sets.map(({ a, b }) => ({ a, b }))).toEqual(keeper.sets);
    });
  }

  test('scoresheet of a finished match: renders, prints to PDF, CSV has one row per event', async () => {
    const { page } = phone;
    await page.goto('/matches/demo-beach-1/scoresheet');
    const sheet = page.getByTestId('scoresheet');
    await expect(sheet).toHaveAttribute('data-finished', 'true');
    await expect(page.getByTestId('sheet-result')).toContainText('won 2-1');
    for (const n of [1, 2, 3]) await expect(page.getByTestId(`sheet-set-${n}`)).toBeVisible();
    await expect(page.getByTestId('sheet-timeout')).toHaveCount(3);
    await expect(page.getByTestId('sheet-sanction')).toHaveCount(2);
    await expect(page.getByTestId('sheet-ended')).not.toHaveText('–');
    await expectAccessible(page, 'the scoresheet');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-nav')).toBeHidden();
    await expect(page.getByTestId('download-csv')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await test.info().attach('scoresheet.pdf', { body: pdf, contentType: 'application/pdf' });
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('scoresheet-demo-beach-1.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['n', 'op_id', 'client_id', 'type']);
    // One row per event of the server's log, in its order.
    const log = (await (await page.request.get('/api/v1/matches/demo-beach-1/events')).json()) as {
      events: { opId: string; type: string }[];
    };
    expect(rows.map((r) => r.split(',').slice(1, 2)[0])).toEqual(log.events.map((e) => e.opId));
    expect(rows.map((r) => r.split(',')[3])).toEqual(log.events.map((e) => e.type));
  });

  test('JSON export, then import on a fresh browser: the same local data, nothing doubled', async ({
    browser,
  }) => {
    const { page } = phone;
    await page.goto('/device');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-device').click(),
    ]);
    await expect(page.getByTestId('device-data-outcome')).toHaveAttribute('data-kind', 'exported');
    const file = await download.path();
    const original = await dumpLocalData(page);
    expect(original.matches).toHaveLength(5);

    const fresh = await openDevice(browser, 'new-phone', server.base, '/device');
    try {
      await expectAccessible(fresh.page, 'the device data page');
      const outcome = fresh.page.getByTestId('device-data-outcome');
      await fresh.page.getByTestId('import-device').setInputFiles(file);
      await expect(outcome).toHaveAttribute('data-kind', 'imported');
      await expect(outcome).toContainText('Imported 5 new matches');
      expect(await dumpLocalData(fresh.page)).toEqual(original);

      // The same file again: everything is already there, nothing is doubled.
      await fresh.page.reload();
      await fresh.page.getByTestId('import-device').setInputFiles(file);
      await expect(outcome).toContainText('Imported 0 new matches, 0 confirmed events, 0 queued');
      expect(await dumpLocalData(fresh.page)).toEqual(original);
      // The imported matches open offline-ready on the new phone, finished.
      await fresh.page.goto('/matches/demo-indoor-1');
      await expect(fresh.page.getByTestId('match-status')).toContainText('won 3-2');
    } finally {
      await fresh.context.close();
    }
  });
});
