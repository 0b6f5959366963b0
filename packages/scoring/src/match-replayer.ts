import { FORMAT_RULES, pointsForSet, setsToWin, type FormatRules } from './format-rules';
import { ScoringError } from './scoring-error';
import type {
  FullMatchState,
  MatchFormat,
  MatchState,
  ScoringEvent,
  SetScore,
  Team,
} from './types';

/** What undoing one rally needs, so undo is O(1) instead of a replay from scratch. */
interface RallyRecord {
  winner: Team;
  /** Who was serving before this rally (the rally winner serves after it). */
  servingBefore: Team;
  /** Whether this rally ended its set (and so possibly the match). */
  endedSet: boolean;
}

/**
 * Team serving first in the set at `setIndex`: A opens set 1, then the first serve alternates.
 * The coin toss that decides the first server of the deciding set is not modelled yet.
 */
function firstServer(setIndex: number): Team {
  return setIndex % 2 === 0 ? 'A' : 'B';
}

/** Human-readable rendering of a value that failed validation (callers may be plain JS). */
function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Throws INVALID_EVENT unless `event` has one of the ScoringEvent shapes at run time. */
function assertEvent(event: unknown): asserts event is ScoringEvent {
  if (typeof event === 'object' && event !== null) {
    const { type, winner } = event as { type?: unknown; winner?: unknown };
    if (type === 'undo') return;
    if (type === 'rally' && (winner === 'A' || winner === 'B')) return;
  }
  throw new ScoringError(
    'INVALID_EVENT',
    `Invalid event ${describe(event)}: expected {type:'rally', winner:'A'|'B'} or {type:'undo'}`,
  );
}

/**
 * Applies scoring events one at a time in O(1), keeping one record per rally in effect so
 * `undo` is cheap. Undo is allowed after the match is over: it is how a scorekeeper corrects
 * a wrong final point (the match reopens and play can continue).
 */
export class MatchReplayer {
  private readonly rules: FormatRules;
  /** Never empty: the last entry is the current (or final) set. */
  private readonly sets: SetScore[] = [{ a: 0, b: 0 }];
  private readonly setsWon = { A: 0, B: 0 };
  private serving: Team = firstServer(0);
  private winner: Team | undefined;
  private readonly history: RallyRecord[] = [];
  private accepted = 0;

  /** Starts an empty match of the given format. */
  constructor(readonly format: MatchFormat) {
    const rules = FORMAT_RULES[format] as FormatRules | undefined;
    // The format may come from plain JS or the wire; fail loudly rather than score by no rules.
    if (!rules) throw new TypeError(`Unknown match format ${describe(format)}`);
    this.rules = rules;
  }

  /** A fresh copy of the current state; mutating it does not affect the replayer. */
  get state(): MatchState {
    const state: MatchState = {
      format: this.format,
      sets: this.sets.map((set) => ({ ...set })),
      setsWon: { ...this.setsWon },
      serving: this.serving,
      rallies: this.history.length,
    };
    if (this.winner) state.winner = this.winner;
    return state;
  }

  /** The state with every scoreboard detail (provisional: the full rules come next). */
  get fullState(): FullMatchState {
    const left: Team = 'A';
    return {
      ...this.state,
      set: this.sets.length,
      sides: { left, right: 'B' },
      timeoutsLeft: { A: 0, B: 0 },
      substitutionsLeft: { A: 0, B: 0 },
      sanctions: [],
      technicalTimeoutDue: false,
      sideSwitchDue: false,
      setDetails: this.sets.map(() => ({
        firstServer: 'A',
        startLeft: 'A',
        timeouts: [],
        substitutions: [],
        corrected: false,
      })),
      actions: this.history.length,
    };
  }

  /** Number of events accepted so far, undos included (refused events are not counted). */
  get eventCount(): number {
    return this.accepted;
  }

  /** Validates and applies one event; throws ScoringError and stays unchanged if refused. */
  apply(event: ScoringEvent): MatchState {
    assertEvent(event);
    // All checks happen before any mutation, so a refused event leaves no trace.
    if (event.type === 'undo') this.undo();
    else if (event.type === 'rally') this.rally(event.winner);
    this.accepted += 1;
    return this.state;
  }

  /** Scores one rally; closes the set (and maybe the match) when it reaches its points by 2. */
  private rally(winner: Team): void {
    if (this.winner) {
      const { A, B } = this.setsWon;
      const score = this.winner === 'A' ? `${A}-${B}` : `${B}-${A}`;
      throw new ScoringError(
        'MATCH_FINISHED',
        `Match is over: ${this.winner} won ${score}; no more rallies can be recorded`,
      );
    }
    const setIndex = this.sets.length - 1;
    const set = this.currentSet();
    const servingBefore = this.serving;
    if (winner === 'A') set.a += 1;
    else set.b += 1;
    this.serving = winner;

    const lead = Math.abs(set.a - set.b);
    const endedSet =
      Math.max(set.a, set.b) >= pointsForSet(this.rules, setIndex) && lead >= this.rules.winBy;
    this.history.push({ winner, servingBefore, endedSet });
    if (!endedSet) return;

    set.winner = winner;
    this.setsWon[winner] += 1;
    if (this.setsWon[winner] >= setsToWin(this.rules)) {
      this.winner = winner;
    } else {
      this.sets.push({ a: 0, b: 0 });
      this.serving = firstServer(setIndex + 1);
    }
  }

  /** Reverts the last rally in effect, reopening its set and the match if it closed them. */
  private undo(): void {
    const last = this.history.pop();
    if (!last) {
      throw new ScoringError('NOTHING_TO_UNDO', 'Nothing to undo: no rally is in effect');
    }
    if (last.endedSet) {
      // A won match appended no new set; otherwise drop the empty set that was opened.
      if (this.winner) this.winner = undefined;
      else this.sets.pop();
      const set = this.currentSet();
      delete set.winner;
      this.setsWon[last.winner] -= 1;
    }
    const set = this.currentSet();
    if (last.winner === 'A') set.a -= 1;
    else set.b -= 1;
    this.serving = last.servingBefore;
  }

  private currentSet(): SetScore {
    const set = this.sets[this.sets.length - 1];
    if (!set) throw new Error('MatchReplayer invariant broken: no current set');
    return set;
  }
}
