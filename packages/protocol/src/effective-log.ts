import {
  MatchReplayer,
  ScoringError,
  type FullMatchState,
  type MatchFormat,
  type ScoringEvent,
} from '@courtsync/scoring';
import type { OpType } from './ops';

/**
 * One action of a match's log as stored on either side of the wire: the op's id, its type
 * and its payload. The server's log, the device's confirmed log and its pending ops all read
 * as a list of these; this file is the one place that turns them into scoring events.
 */
export interface LoggedAction {
  opId: string;
  type: OpType;
  payload: { winner?: unknown; target?: unknown } | Record<string, unknown>;
}

/** What applying one action to an effective log did. */
export type ActionOutcome =
  /** The action is now in effect (a rally), or took back what it names (an undo). */
  | { kind: 'applied'; moved: number }
  /** An undo whose target is already undone: nothing changed (not an error). */
  | { kind: 'duplicate' };

/**
 * The scoring event of an action other than undo (undo is handled by the log, not by the
 * replayer): its type plus its payload's fields. The replayer checks the shape, so a stored
 * payload that is not valid (any more) is refused there as INVALID_EVENT, never trusted.
 */
export function scoringEvent(action: LoggedAction): ScoringEvent {
  return { ...action.payload, type: action.type } as ScoringEvent;
}

/** The opId an undo names, or undefined for a positional undo (clients before F42). */
export function undoTarget(action: LoggedAction): string | undefined {
  const target = (action.payload as { target?: unknown }).target;
  return typeof target === 'string' ? target : undefined;
}

interface InEffect {
  opId: string;
  event: ScoringEvent;
  /** False when the rules refused it in the last rebuild (it waits, voided, in the log). */
  counted: boolean;
}

/**
 * A match's effective log: the actions still in effect, in log order, and the state they
 * replay to. An undo takes out exactly the action it names (wherever it stands; everything
 * after it is replayed again), so one device's undo never takes back another device's rally.
 *
 * Appending a rally and undoing the last action are O(1) (the replayer's own undo); undoing
 * an earlier action rebuilds the state from the actions in effect. After such a rebuild a
 * later action the rules now refuse (e.g. a rally after the match ended earlier) stays in the
 * log but does not count, on every device alike, until an undo makes room for it again.
 */
export class EffectiveLog {
  private replayer: MatchReplayer;
  private readonly inEffect: InEffect[] = [];
  /** opIds of the actions in effect (kept in step with `inEffect`). */
  private readonly known = new Set<string>();
  /** Every action ever applied (rallies and their undos), to answer "already undone". */
  private readonly seen = new Set<string>();

  /** An empty log of a match of `format`. */
  constructor(readonly format: MatchFormat) {
    this.replayer = new MatchReplayer(format);
  }

  /** Builds the log of `actions` in order; actions the rules refuse are skipped. */
  static of(format: MatchFormat, actions: Iterable<LoggedAction>): EffectiveLog {
    const log = new EffectiveLog(format);
    for (const action of actions) log.tryApply(action);
    return log;
  }

  /** The state the actions in effect replay to, with every scoreboard detail. */
  get state(): FullMatchState {
    return this.replayer.fullState;
  }

  /** opIds of the actions in effect, oldest first. */
  get actionIds(): string[] {
    return this.inEffect.map((a) => a.opId);
  }

  /** The last action in effect (what a scorekeeper's Undo takes back), if any. */
  get lastActionId(): string | undefined {
    return this.inEffect[this.inEffect.length - 1]?.opId;
  }

  /** Whether `opId` was ever applied to this log (in effect now or undone since). */
  has(opId: string): boolean {
    return this.seen.has(opId);
  }

  /**
   * Applies one action. Throws ScoringError (the log unchanged) when the rules refuse it:
   * a rally after the match is over, an undo with nothing in effect or naming an action this
   * match never had. `moved` counts the actions after an undone one: when it is above 0 the
   * score after it was recomputed (both devices tell their user).
   */
  apply(action: LoggedAction): ActionOutcome {
    if (action.type !== 'undo') {
      const event = scoringEvent(action);
      this.replayer.step(event);
      this.inEffect.push({ opId: action.opId, event, counted: true });
      this.known.add(action.opId);
      this.seen.add(action.opId);
      return { kind: 'applied', moved: 0 };
    }
    const target = undoTarget(action) ?? this.lastActionId;
    if (target === undefined) {
      throw new ScoringError('NOTHING_TO_UNDO', 'Nothing to undo: no rally is in effect');
    }
    if (!this.known.has(target)) {
      if (this.seen.has(target)) return { kind: 'duplicate' };
      throw new ScoringError(
        'NOTHING_TO_UNDO',
        `Nothing to undo: action ${target} is not part of this match`,
      );
    }
    const index = this.inEffect.findIndex((a) => a.opId === target);
    const moved = this.inEffect.length - 1 - index;
    const [removed] = this.inEffect.splice(index, 1);
    this.known.delete(target);
    this.seen.add(action.opId);
    if (moved === 0 && removed?.counted) this.replayer.step({ type: 'undo' });
    else this.rebuild();
    return { kind: 'applied', moved };
  }

  /** `apply` that skips what the rules refuse (replaying a log that was accepted before). */
  tryApply(action: LoggedAction): ActionOutcome | undefined {
    try {
      return this.apply(action);
    } catch (error) {
      if (error instanceof ScoringError) return undefined;
      throw error;
    }
  }

  /** Replays the actions in effect from scratch, marking the ones the rules now refuse. */
  private rebuild(): void {
    this.replayer = new MatchReplayer(this.format);
    for (const action of this.inEffect) {
      try {
        this.replayer.step(action.event);
        action.counted = true;
      } catch (error) {
        if (!(error instanceof ScoringError)) throw error;
        action.counted = false;
      }
    }
  }
}

/** The state of a match whose log is `actions`, in order. */
export function effectiveState(
  format: MatchFormat,
  actions: Iterable<LoggedAction>,
): FullMatchState {
  return EffectiveLog.of(format, actions).state;
}
