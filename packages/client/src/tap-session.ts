import { liveQuery, type Subscription } from 'dexie';
import { EffectiveLog, type LoggedAction } from '@courtsync/protocol';
import { ClientError } from './client-error';
import type { CourtSyncDb, LocalMatch } from './courtsync-db';
import { loadEffectiveParts } from './match-log';
import { applyInput, record, type OpInput, type RecordOptions, type RecordResult } from './record';

/** What writes a tap to IndexedDB (the real `record`; a test may wrap it to make it fail). */
export type RecordFn = (
  db: CourtSyncDb,
  input: OpInput,
  options: RecordOptions,
) => Promise<RecordResult>;

/** What the screen shows: the match with every shown tap applied, and how many are writing. */
export interface TapView {
  /** Undefined until the first read, or when the match is not on this device. */
  match: LocalMatch | undefined;
  /** Whether IndexedDB has been read once. */
  loaded: boolean;
  /** Taps on screen whose IndexedDB write has not finished yet. */
  writing: number;
}

/** A tap on screen; `writtenAt` is the write counter once its transaction committed. */
interface ShownTap {
  action: LoggedAction;
  input: OpInput;
  writtenAt?: number;
}

/** One read of the stored match: its row, its effective actions, the write counter before. */
interface StoredMatch {
  match: LocalMatch | undefined;
  actions: LoggedAction[];
  tick: number;
}

/**
 * A scorekeeper screen's match with its taps shown before they are stored (F1, issue #14):
 * `tap()` checks the action against the match in memory and shows it in the same frame; the
 * IndexedDB write (`record`, the source of truth) follows, one at a time in tap order, so the
 * outbox order is the tap order. A write that fails is taken off the screen and reported by
 * the promise `tap()` returns; nothing is ever shown as synced that was not stored.
 */
export class TapSession {
  private stored?: StoredMatch;
  private log?: EffectiveLog;
  private taps: ShownTap[] = [];
  private writes = 0;
  /** Writes started and not yet settled (the chain is idle at 0). */
  private writing = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private current: TapView = { match: undefined, loaded: false, writing: 0 };
  private readonly listeners = new Set<() => void>();
  private subscription?: Subscription;

  /** A session of `matchId`; `write` is `record` unless a test injects a failing one. */
  constructor(
    private readonly db: CourtSyncDb,
    private readonly matchId: string,
    private readonly write: RecordFn = record,
  ) {}

  /** The latest view (the same object until something changes: useSyncExternalStore). */
  get view(): TapView {
    return this.current;
  }

  /** Calls `listener` after every change of the view; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts following the stored match (live); returns the function that stops it. */
  start(): () => void {
    const reads = liveQuery(async (): Promise<StoredMatch> => {
      // Read first: a write that finished before this read began is in what it returns.
      const tick = this.writes;
      const match = await this.db.matches.get(this.matchId);
      const actions = match ? (await loadEffectiveParts(this.db, this.matchId)).actions : [];
      return { match, actions, tick };
    });
    this.subscription = reads.subscribe({
      next: (stored) => this.onStored(stored),
      // A failed read keeps the last view; the next change of the match reads again.
      error: () => undefined,
    });
    return () => this.subscription?.unsubscribe();
  }

  /**
   * Shows one action now and stores it after the taps before it. Throws (nothing shown) when
   * the match is not loaded or the rules refuse the action (ScoringError); otherwise resolves
   * once the op is durable in the outbox, or rejects with the write's error after taking the
   * tap off the screen.
   */
  tap(input: OpInput): Promise<RecordResult> {
    const log = this.log;
    if (!log || !this.stored?.match) {
      throw new ClientError('UNKNOWN_MATCH', `Match ${this.matchId} is not on this device`);
    }
    const opId = crypto.randomUUID();
    // Throws ScoringError with the log unchanged when the rules refuse it.
    const payload = applyInput(log, input, opId);
    const action = { opId, type: input.type, payload } as LoggedAction;
    const shown: ShownTap = { action, input: { ...input, payload } as OpInput };
    this.taps.push(shown);
    // The write starts before the screen renders when no earlier tap is still writing, so its
    // IndexedDB requests are on their way while React paints; otherwise after those taps.
    const store = () => this.write(this.db, shown.input, { opId });
    const durable = this.writing === 0 ? store() : this.chain.then(store);
    this.writing += 1;
    this.chain = durable.catch(() => undefined).finally(() => (this.writing -= 1));
    this.publish();
    return durable.then(
      (result) => {
        this.writes += 1;
        shown.writtenAt = this.writes;
        this.publish();
        return result;
      },
      (error: unknown) => {
        this.taps = this.taps.filter((t) => t !== shown);
        this.rebuild();
        this.publish();
        throw error;
      },
    );
  }

  private onStored(stored: StoredMatch): void {
    this.stored = stored;
    const inStore = new Set(stored.actions.map((a) => a.opId));
    // A tap stays on screen until a read that began after its write shows the stored truth.
    this.taps = this.taps.filter(
      (t) =>
        !inStore.has(t.action.opId) && (t.writtenAt === undefined || t.writtenAt > stored.tick),
    );
    this.rebuild();
    this.publish();
  }

  private rebuild(): void {
    const match = this.stored?.match;
    this.log = match
      ? EffectiveLog.of(match.format, [
          ...(this.stored?.actions ?? []),
          ...this.taps.map((t) => t.action),
        ])
      : undefined;
  }

  private publish(): void {
    const match = this.stored?.match;
    const shownMatch =
      match && this.log && this.taps.length > 0 ? { ...match, state: this.log.state } : match;
    this.current = {
      match: shownMatch,
      loaded: this.stored !== undefined,
      writing: this.taps.filter((t) => t.writtenAt === undefined).length,
    };
    for (const listener of this.listeners) listener();
  }
}
