import { Cron } from 'croner';

const DAY = 86_400_000;
const patterns = new Map<string, Cron>();

/** A parsed pattern (UTC), never started: croner computes times, the scheduler owns timers. */
function cron(pattern: string): Cron {
  let parsed = patterns.get(pattern);
  if (!parsed) {
    parsed = new Cron(pattern, { timezone: 'UTC', paused: true });
    patterns.set(pattern, parsed);
  }
  return parsed;
}

/** YYYY-MM-DD (UTC) of an instant. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The first tick of `pattern` strictly after `from` on a day `runsOn` accepts (every day when
 * absent); undefined when there is none within `horizonDays`.
 */
export function nextRunAfter(
  pattern: string,
  from: Date,
  runsOn?: (day: string) => boolean,
  horizonDays = 400,
): Date | undefined {
  const limit = from.getTime() + horizonDays * DAY;
  let after = from;
  while (after.getTime() < limit) {
    const next = cron(pattern).nextRun(after);
    if (!next) return undefined;
    if (!runsOn || runsOn(utcDay(next))) return next;
    // Skip the rest of a day it may not run on.
    after = new Date(Math.floor(next.getTime() / DAY) * DAY + DAY - 1);
  }
  return undefined;
}

/** The next `count` ticks after `from` (monitoring's "next runs", schedule tests). */
export function nextRuns(
  pattern: string,
  from: Date,
  count: number,
  runsOn?: (day: string) => boolean,
): Date[] {
  const runs: Date[] = [];
  let after = from;
  while (runs.length < count) {
    const next = nextRunAfter(pattern, after, runsOn);
    if (!next) break;
    runs.push(next);
    after = next;
  }
  return runs;
}

/** The latest tick at or before `now` within `windowMs`, if any (start-up catch-up). */
export function lastTickWithin(pattern: string, now: Date, windowMs: number): Date | undefined {
  let last: Date | undefined;
  let after = new Date(now.getTime() - windowMs);
  for (;;) {
    const next = cron(pattern).nextRun(after);
    if (!next || next.getTime() > now.getTime()) return last;
    last = next;
    after = next;
  }
}
