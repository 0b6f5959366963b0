import { takeTimeout, setFirstServer } from './between-rallies';
import { correct } from './correction';
import { matchDetails, scoreState } from './details';
import { FORMAT_RULES } from './format-rules';
import { cloneMatch, currentSet, newMatch, type MatchData } from './match-data';
import { pointWouldEndSet, scorePoint } from './points';
import { applySanction } from './sanctions';
import { ScoringError } from './scoring-error';
import { substitute } from './substitutions';
import type { FullMatchState, MatchFormat, MatchState, ScoringEvent, Team } from './types';
import { assertEvent, describe } from './validate-event';

/**
 * How to take back one action. A rally inside a set is undone in O(1) from what it changed;
 * anything else (a rally that ended a set, timeouts, substitutions, sanctions, tosses,
 * corrections: a few dozen per match) keeps a copy of the match from before it.
 */
type UndoRecord =
  { kind: 'rally'; winner: Team; servingBefore: Team } | { kind: 'restore'; before: MatchData };

/** What the refused action is called in MATCH_FINISHED messages. */
const NOUNS: Record<Exclude<ScoringEvent['type'], 'undo' | 'correction'>, string> = {
  rally: 'rallies',
  timeout: 'timeouts',
  substitution: 'substitutions',
  sanction: 'sanctions',
  'first-server': 'first servers',
};

/**
 * Applies scoring events one at a time, keeping one undo record per action in effect so
 * `undo` takes back the last action, whatever it was. Undo is allowed after the match is
 * over: it is how a scorekeeper corrects a wrong final point (the match reopens and play can
 * continue). A rally is O(1), so replaying a long match stays linear.
 */
export class MatchReplayer {
  private data: MatchData = newMatch();
  private readonly history: UndoRecord[] = [];
  private accepted = 0;

  /** Starts an empty match of the given format. */
  constructor(readonly format: MatchFormat) {
    // The format may come from plain JS or the wire; fail loudly rather than score by no rules.
    if (!(FORMAT_RULES[format] as unknown)) {
      throw new TypeError(`Unknown match format ${describe(format)}`);
    }
  }

  /** A fresh copy of the score (as `replay` returns it); mutating it does not affect the replayer. */
  get state(): MatchState {
    return scoreState(this.data, this.format);
  }

  /** A fresh copy of the state with every scoreboard detail (sides, timeouts, due flags...). */
  get fullState(): FullMatchState {
    return { ...this.state, ...matchDetails(this.data, this.format, this.history.length) };
  }

  /** Number of events accepted so far, undos included (refused events are not counted). */
  get eventCount(): number {
    return this.accepted;
  }

  /** Validates and applies one event; throws ScoringError and stays unchanged if refused. */
  apply(event: ScoringEvent): MatchState {
    this.step(event);
    return this.state;
  }

  /**
   * `apply` without building a copy of the state: replaying a log reads the state once at
   * the end, and that copy would otherwise cost more than the rally itself.
   */
  step(event: ScoringEvent): void {
    assertEvent(event);
    if (event.type === 'undo') this.undo();
    else if (event.type === 'rally') this.rally(event.winner);
    else this.withSnapshot(event);
    this.accepted += 1;
  }

  /** Scores one rally; closes the set (and maybe the match) when it reaches its points by 2. */
  private rally(winner: Team): void {
    this.refuseWhenFinished('rally');
    const record: UndoRecord = pointWouldEndSet(this.data, this.format, winner)
      ? { kind: 'restore', before: cloneMatch(this.data) }
      : { kind: 'rally', winner, servingBefore: this.data.serving };
    scorePoint(this.data, this.format, winner);
    this.data.rallies += 1;
    this.history.push(record);
  }

  /**
   * Applies an action other than a rally to a copy of the match, which replaces the match
   * only once every rule has accepted it: a refused action leaves no trace.
   */
  private withSnapshot(event: Exclude<ScoringEvent, { type: 'rally' | 'undo' }>): void {
    if (event.type !== 'correction') this.refuseWhenFinished(event.type);
    const before = this.data;
    const next = cloneMatch(before);
    switch (event.type) {
      case 'timeout':
        takeTimeout(next, this.format, event.team);
        break;
      case 'substitution':
        substitute(next, this.format, event);
        break;
      case 'sanction':
        applySanction(next, this.format, event);
        break;
      case 'first-server':
        setFirstServer(next, event.team, event.left);
        break;
      case 'correction':
        correct(next, this.format, event.sets);
        break;
    }
    this.data = next;
    this.history.push({ kind: 'restore', before });
  }

  /** Throws MATCH_FINISHED when the match is over (only undo and corrections go on). */
  private refuseWhenFinished(type: keyof typeof NOUNS): void {
    const { winner, setsWon } = this.data;
    if (!winner) return;
    const score = winner === 'A' ? `${setsWon.A}-${setsWon.B}` : `${setsWon.B}-${setsWon.A}`;
    throw new ScoringError(
      'MATCH_FINISHED',
      `Match is over: ${winner} won ${score}; no more ${NOUNS[type]} can be recorded`,
    );
  }

  /** Takes back the last action in effect, reopening a set or the match if it closed them. */
  private undo(): void {
    const last = this.history.pop();
    if (!last) {
      throw new ScoringError('NOTHING_TO_UNDO', 'Nothing to undo: no action is in effect');
    }
    if (last.kind === 'restore') {
      this.data = last.before;
      return;
    }
    const set = currentSet(this.data).score;
    if (last.winner === 'A') set.a -= 1;
    else set.b -= 1;
    this.data.serving = last.servingBefore;
    this.data.rallies -= 1;
  }
}
