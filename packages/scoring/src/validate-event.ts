import { ScoringError } from './scoring-error';
import type { ScoringEvent } from './types';

/** Human-readable rendering of a value that failed validation (callers may be plain JS). */
export function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const isTeam = (value: unknown) => value === 'A' || value === 'B';
const isPlayer = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 99;
const isPoints = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const SANCTIONS: readonly unknown[] = ['warning', 'penalty', 'expulsion', 'disqualification'];

/** Whether `fields` (an event's own fields) have the shape its `type` requires. */
function hasShape(fields: Record<string, unknown>): boolean {
  switch (fields.type) {
    case 'undo':
      return true;
    case 'rally':
      return isTeam(fields.winner);
    case 'timeout':
      return isTeam(fields.team);
    case 'substitution':
      return isTeam(fields.team) && isPlayer(fields.playerOut) && isPlayer(fields.playerIn);
    case 'sanction':
      return (
        isTeam(fields.team) &&
        SANCTIONS.includes(fields.sanction) &&
        (fields.player === undefined || isPlayer(fields.player))
      );
    case 'first-server':
      return isTeam(fields.team) && (fields.left === undefined || isTeam(fields.left));
    case 'correction':
      return (
        Array.isArray(fields.sets) &&
        fields.sets.every(
          (set: unknown) =>
            typeof set === 'object' &&
            set !== null &&
            isPoints((set as { a?: unknown }).a) &&
            isPoints((set as { b?: unknown }).b),
        )
      );
    default:
      return false;
  }
}

/** Throws INVALID_EVENT unless `event` has one of the ScoringEvent shapes at run time. */
export function assertEvent(event: unknown): asserts event is ScoringEvent {
  if (typeof event === 'object' && event !== null && hasShape(event as Record<string, unknown>)) {
    return;
  }
  throw new ScoringError(
    'INVALID_EVENT',
    `Invalid event ${describe(event)}: expected {type:'rally', winner:'A'|'B'}, {type:'undo'}, ` +
      `{type:'timeout', team}, {type:'substitution', team, playerOut, playerIn} (shirt numbers ` +
      `1-99), {type:'sanction', team, sanction, player?}, {type:'first-server', team, left?} ` +
      `or {type:'correction', sets:[{a, b}, ...]}`,
  );
}
