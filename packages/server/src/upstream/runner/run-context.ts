import type { Database } from '../../db/types';
import { classifyError, storableMessage, SyncError } from '../errors';
import type { ErrorCategory } from '../errors';
import type { RetryPolicy } from '../http/backoff';
import { CallMeter } from '../http/call-meter';
import type { ProviderCall, ProviderName, ValidatorLookup } from '../provider';
import type { TournamentResultInsert } from '../store/executions';
import { WriteCounter } from '../store/write-counter';
import { mapLimit } from './map-limit';

/** A tournament a job works on: the provider's number and, when known, our id. */
export interface TournamentRef {
  providerNo: string;
  tournamentId?: string;
}

/** What a job reports for one tournament. */
export interface TournamentOutcome {
  status: 'success' | 'unchanged';
  records?: number;
}

/** One tournament's share of the run: its own call meter and write counter. */
export interface TournamentScope {
  meter: CallMeter;
  writes: WriteCounter;
  /** A provider call counted on this tournament (and the run). */
  call(validators: ValidatorLookup): ProviderCall;
}

/** One tournament's result, as recorded and as emitted while the run goes on. */
export type TournamentResult = Omit<TournamentResultInsert, 'executionId' | 'jobName' | 'provider'>;

/** Everything a job run works with, and what it counted (F32's execution row). */
export class RunContext {
  readonly meter = new CallMeter();
  readonly writes = new WriteCounter();
  readonly results: TournamentResult[] = [];
  readonly details: Record<string, number> = {};
  records = 0;
  /** Only this tournament (a manual sync of one tournament, F37); all when undefined. */
  only?: string;
  /** Tournaments handed to forEachTournament so far (the manual sync's progress). */
  planned = 0;

  constructor(
    readonly db: Database,
    readonly job: string,
    readonly provider: ProviderName,
    readonly executionId: number,
    readonly signal: AbortSignal,
    private readonly settings: { concurrency: number; policy: RetryPolicy; now: () => Date },
    private readonly onResult: (result: TournamentResult) => void,
  ) {}

  /** "Now" for the job (the scheduler's clock). */
  now(): Date {
    return this.settings.now();
  }

  /** A provider call counted on the run itself. */
  call(validators: ValidatorLookup, meter: CallMeter = this.meter): ProviderCall {
    return { policy: this.settings.policy, meter, signal: this.signal, validators };
  }

  /** Adds to a named counter in the execution's details (e.g. rescheduled matches). */
  count(name: string, n = 1): void {
    this.details[name] = (this.details[name] ?? 0) + n;
  }

  /**
   * Runs `work` for every tournament, at most `concurrency` at once (F29). A tournament's
   * failure is classified and recorded as its result; it never stops the others.
   */
  async forEachTournament<T>(
    items: readonly T[],
    ref: (item: T) => TournamentRef,
    work: (item: T, scope: TournamentScope) => Promise<TournamentOutcome>,
  ): Promise<void> {
    const chosen = this.only ? items.filter((i) => ref(i).providerNo === this.only) : items;
    this.planned += chosen.length;
    await mapLimit(chosen, this.settings.concurrency, async (item) => {
      const { providerNo, tournamentId } = ref(item);
      const meter = this.meter.child();
      const writes = this.writes.child();
      const scope: TournamentScope = {
        meter,
        writes,
        call: (validators) => this.call(validators, meter),
      };
      const started = performance.now();
      let result: TournamentResult;
      try {
        if (this.signal.aborted) throw new SyncError('NETWORK', 'the sync is stopping');
        const outcome = await work(item, scope);
        this.records += outcome.records ?? 0;
        result = {
          providerNo,
          tournamentId,
          status: outcome.status,
          recordsProcessed: outcome.records ?? 0,
        };
      } catch (error) {
        const failure = classifyError(error);
        result = {
          providerNo,
          tournamentId,
          status: 'failed',
          errorCategory: failure.category,
          errorMessage: storableMessage(failure.message),
        };
      }
      result = {
        ...result,
        recordsWritten: writes.rows,
        upstreamCalls: meter.calls,
        attempts: meter.calls,
        durationMs: Math.round(performance.now() - started),
      };
      this.results.push(result);
      this.onResult(result);
    });
  }

  /** Categories of the tournaments that failed. */
  failedCategories(): ErrorCategory[] {
    return this.results.flatMap((r) => (r.errorCategory ? [r.errorCategory as ErrorCategory] : []));
  }
}
