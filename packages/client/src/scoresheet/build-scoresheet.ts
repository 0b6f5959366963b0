import { EffectiveLog, type LoggedAction } from '@courtsync/protocol';
import type {
  FullMatchState,
  MatchFormat,
  SanctionRecord,
  SetDetail,
  SetScore,
  Team,
} from '@courtsync/scoring';
import { actionDetail, actionTeam, describeAction } from './describe-action';

/** An action of the log with what the device knows of its origin and times. */
export type TimedAction = LoggedAction & {
  clientId?: string;
  clientTime?: string;
  serverTime?: string;
};

/** The match a scoresheet is of. */
export interface SheetMatch {
  id: string;
  tournamentId: string;
  format: MatchFormat;
  teamA: string;
  teamB: string;
  court: string;
  scheduledAt: string;
}

/** One event of the log as the CSV lists it: the score right after it, as it stood then. */
export interface SheetEntry {
  /** 1-based place in the log. */
  n: number;
  opId: string;
  clientId?: string;
  type: LoggedAction['type'];
  team?: Team;
  detail: string;
  label: string;
  set: number;
  a: number;
  b: number;
  setsA: number;
  setsB: number;
  /** The rules accepted it in the log's order. */
  counted: boolean;
  /** Still part of the result (not taken back by an undo). */
  inEffect: boolean;
  clientTime?: string;
  serverTime?: string;
}

/** One point of a set's running score. */
export interface SheetPoint {
  team: Team;
  a: number;
  b: number;
  /** A penalty (sanction) point rather than a rally. */
  penalty: boolean;
}

/** One set of the scoresheet. */
export interface SheetSet {
  number: number;
  a: number;
  b: number;
  winner?: Team;
  detail?: SetDetail;
  /** The running score, point by point (after a correction: from the corrected score on). */
  points: SheetPoint[];
  sanctions: SanctionRecord[];
  startedAt?: string;
  endedAt?: string;
}

/** Everything a printed scoresheet and its CSV show. */
export interface Scoresheet {
  match: SheetMatch;
  state: FullMatchState;
  sets: SheetSet[];
  entries: SheetEntry[];
  startedAt?: string;
  endedAt?: string;
}

const timeOf = (a: TimedAction) => a.serverTime ?? a.clientTime;

/**
 * The scoresheet of a match from its log (F6): every set with its point-by-point running
 * score, timeouts, substitutions, sanctions and times, and one entry per logged event. Only
 * actions still in effect make the running score; undone ones stay visible in the entries.
 */
export function buildScoresheet(match: SheetMatch, actions: readonly TimedAction[]): Scoresheet {
  const names = { teamA: match.teamA, teamB: match.teamB };
  const full = new EffectiveLog(match.format);
  const entries: SheetEntry[] = actions.map((action, index) => {
    const counted = full.tryApply(action) !== undefined;
    const { state } = full;
    const set = state.sets[state.sets.length - 1] ?? { a: 0, b: 0 };
    const entry: SheetEntry = {
      n: index + 1,
      opId: action.opId,
      type: action.type,
      detail: actionDetail(action),
      label: describeAction(action, names),
      set: Math.max(1, state.sets.length),
      a: set.a,
      b: set.b,
      setsA: state.setsWon.A,
      setsB: state.setsWon.B,
      counted,
      inEffect: counted,
    };
    const team = actionTeam(action);
    if (team) entry.team = team;
    if (action.clientId) entry.clientId = action.clientId;
    if (action.clientTime) entry.clientTime = action.clientTime;
    if (action.serverTime) entry.serverTime = action.serverTime;
    return entry;
  });
  const inEffect = new Set(full.actionIds);
  for (const entry of entries) {
    if (entry.type !== 'undo') entry.inEffect = entry.counted && inEffect.has(entry.opId);
  }

  const byId = new Map(actions.map((a) => [a.opId, a]));
  const sets: SheetSet[] = [];
  const setAt = (index: number): SheetSet => {
    while (sets.length <= index)
      sets.push({ number: sets.length + 1, a: 0, b: 0, points: [], sanctions: [] });
    return sets[index] as SheetSet;
  };
  const log = new EffectiveLog(match.format);
  let startedAt: string | undefined;
  let endedAt: string | undefined;
  for (const id of full.actionIds) {
    const action = byId.get(id);
    if (!action) continue;
    const before = log.state;
    if (!log.tryApply(action)) continue;
    const after = log.state;
    const index = before.sets.length - 1;
    const time = timeOf(action);
    startedAt ??= time;
    const sheetSet = setAt(index);
    sheetSet.startedAt ??= time;
    if (action.type === 'correction') {
      // The official's score replaces the running score of every set it names.
      sets.splice(after.sets.length);
      sets.forEach((s) => (s.points = []));
    } else {
      const point = pointOf(before.sets[index], after.sets[index]);
      if (point) sheetSet.points.push({ ...point, penalty: action.type === 'sanction' });
    }
    const ended = after.sets[index];
    if (ended?.winner && !before.sets[index]?.winner) sheetSet.endedAt = time;
    if (after.winner && !before.winner) endedAt = time;
  }

  const { state } = log;
  state.sets.forEach((score, index) => {
    const sheetSet = setAt(index);
    Object.assign(sheetSet, { a: score.a, b: score.b });
    if (score.winner) sheetSet.winner = score.winner;
    const detail = state.setDetails[index];
    if (detail) sheetSet.detail = detail;
    sheetSet.sanctions = state.sanctions.filter((s) => s.set === index + 1);
  });
  sets.splice(state.sets.length);
  const sheet: Scoresheet = { match, state, sets, entries };
  if (startedAt) sheet.startedAt = startedAt;
  if (state.winner && endedAt) sheet.endedAt = endedAt;
  return sheet;
}

/** The point one action added to a set: exactly one more for one team, else none. */
function pointOf(
  before: SetScore | undefined,
  after: SetScore | undefined,
): Omit<SheetPoint, 'penalty'> | undefined {
  if (!before || !after) return undefined;
  const da = after.a - before.a;
  const db = after.b - before.b;
  if (da === 1 && db === 0) return { team: 'A', a: after.a, b: after.b };
  if (db === 1 && da === 0) return { team: 'B', a: after.a, b: after.b };
  return undefined;
}
