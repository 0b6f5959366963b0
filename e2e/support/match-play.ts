import { expect, type Page } from '@playwright/test';

/** A team as the screen's test ids name it. */
export type Side = 'A' | 'B';

/** The spec's break rules (SPEC F3), written out here as the test's own oracle. */
export interface BreakRules {
  format: 'beach' | 'indoor';
  /** Sets in the match (beach 3, indoor 5): the last one is the deciding set. */
  bestOf: number;
}

/** What the scorekeeper must be prompted for at a set's score (independent of the app's code). */
export function expectedPrompts(
  rules: BreakRules,
  set: number,
  a: number,
  b: number,
  /** The set's score before the last point (indoor: the switch is at the moment 8 is reached). */
  before: { a: number; b: number } = { a, b },
): { technicalTimeout: boolean; sideSwitch: boolean } {
  const sum = a + b;
  const deciding = set === rules.bestOf;
  if (rules.format === 'beach') {
    return {
      // Technical timeout when the scores add up to 21, not in the deciding set.
      technicalTimeout: !deciding && sum === 21,
      // Switch every 7 points (every 5 in the deciding set).
      sideSwitch: sum > 0 && sum % (deciding ? 5 : 7) === 0,
    };
  }
  // Indoor: the teams change court once in the deciding set, when the leader reaches 8.
  const reached = Math.max(before.a, before.b) < 8 && Math.max(a, b) === 8;
  return { technicalTimeout: false, sideSwitch: deciding && reached };
}

/**
 * The rallies of one set won `winner` to `loser` points: the loser's points spread over the
 * set, the winner taking the last rally (so the set never ends early).
 */
export function setRallies(winnerPoints: number, loserPoints: number, winner: Side): Side[] {
  const loser: Side = winner === 'A' ? 'B' : 'A';
  const rallies: Side[] = [];
  let w = 0;
  let l = 0;
  while (w < winnerPoints - 1 || l < loserPoints) {
    // Keep the ratio of points taken close to the final one.
    const loserDue =
      l < loserPoints && (w >= winnerPoints - 1 || l * winnerPoints <= w * loserPoints);
    if (loserDue) {
      rallies.push(loser);
      l += 1;
    } else {
      rallies.push(winner);
      w += 1;
    }
  }
  rallies.push(winner);
  return rallies;
}

/** The current set's score and number as the screen shows them. */
export async function shownSet(page: Page): Promise<{ set: number; a: number; b: number }> {
  const set = Number(await page.getByTestId('set-number').getAttribute('data-set'));
  const a = Number(await page.getByTestId('score-a').textContent());
  const b = Number(await page.getByTestId('score-b').textContent());
  return { set, a, b };
}

/** Waits until the screen shows this set and score, then checks the prompts and the server. */
export async function expectScore(
  page: Page,
  rules: BreakRules,
  expected: {
    set: number;
    a: number;
    b: number;
    serving?: Side;
    before?: { a: number; b: number };
  },
): Promise<void> {
  await expect(page.getByTestId('score-a')).toHaveText(String(expected.a));
  await expect(page.getByTestId('score-b')).toHaveText(String(expected.b));
  await expect(page.getByTestId('set-number')).toHaveAttribute('data-set', String(expected.set));
  if (expected.serving) {
    const serving = expected.serving.toLowerCase();
    await expect(page.getByTestId(`team-${serving}`)).toHaveAttribute('data-serving', 'true');
    await expect(page.getByTestId(`point-${serving}`)).toContainText('serving');
  }
  const due = expectedPrompts(rules, expected.set, expected.a, expected.b, expected.before);
  await expect(page.getByTestId('prompt-technical-timeout')).toHaveCount(
    due.technicalTimeout ? 1 : 0,
  );
  await expect(page.getByTestId('prompt-side-switch')).toHaveCount(due.sideSwitch ? 1 : 0);
}

/** Opens the actions sheet, runs `inside`, and waits until the sheet has closed. */
export async function withActions(page: Page, inside: () => Promise<void>): Promise<void> {
  await page.getByTestId('more-actions').click();
  await expect(page.getByTestId('actions-sheet')).toBeVisible();
  await inside();
  await expect(page.getByTestId('actions-sheet')).toHaveCount(0);
}

/** Records a team timeout through the actions sheet. */
export async function callTimeout(page: Page, team: Side): Promise<void> {
  await withActions(page, () => page.getByTestId(`timeout-${team.toLowerCase()}`).click());
}

/** Records a sanction through the actions sheet. */
export async function giveSanction(
  page: Page,
  team: Side,
  kind: 'warning' | 'penalty',
  player?: number,
): Promise<void> {
  await withActions(page, async () => {
    await page.getByTestId(`sheet-team-${team.toLowerCase()}`).check();
    await page.getByTestId('sanction-kind').selectOption(kind);
    if (player !== undefined) await page.getByTestId('sanction-player').fill(String(player));
    await page.getByTestId('record-sanction').click();
  });
}

/** Records an indoor substitution through the actions sheet. */
export async function substitute(page: Page, team: Side, out: number, into: number): Promise<void> {
  await withActions(page, async () => {
    await page.getByTestId(`sheet-team-${team.toLowerCase()}`).check();
    await page.getByTestId('sub-out').fill(String(out));
    await page.getByTestId('sub-in').fill(String(into));
    await page.getByTestId('record-substitution').click();
  });
}
