import { expect, type Page } from '@playwright/test';

/** A courtside action as the test clicks it. */
export type Tap = 'A' | 'B' | 'undo';

/** 30 rallies with two undos in between (32 ops), crossing a set end of a beach match. */
export const THIRTY_RALLIES_TWO_UNDOS: Tap[] = [
  ...Array<Tap>(12).fill('A'),
  'B',
  'undo',
  ...Array<Tap>(9).fill('A'), // 21-0: set 1 ends
  'B',
  'B',
  'undo',
  'A',
  'A',
  'B',
  'A',
  'B',
  'A',
];

/** Taps the script on the scorekeeper screen, waiting until each op is in the outbox. */
export async function tapAll(page: Page, taps: readonly Tap[], pendingBefore = 0): Promise<void> {
  for (const [i, tap] of taps.entries()) {
    await page.getByTestId(tap === 'undo' ? 'undo' : tap === 'A' ? 'point-a' : 'point-b').click();
    await expect(page.getByTestId('pending-count')).toHaveAttribute(
      'data-pending',
      String(pendingBefore + i + 1),
    );
  }
}

/** The scoring events a tap script stands for. */
export function toEvents(taps: readonly Tap[]) {
  return taps.map((t) =>
    t === 'undo' ? ({ type: 'undo' } as const) : ({ type: 'rally', winner: t } as const),
  );
}
