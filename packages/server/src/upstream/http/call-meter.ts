/**
 * Counts upstream calls (every attempt is a call), retries and response times. A tournament's
 * meter has the run's meter as parent, so both see every call.
 */
export class CallMeter {
  calls = 0;
  retries = 0;
  notModified = 0;
  totalMs = 0;
  /** Backoff delays waited before retries, in order (first 50). */
  readonly backoffMs: number[] = [];

  constructor(private readonly parent?: CallMeter) {}

  /** One answered or failed attempt that took `ms`. */
  recordCall(ms: number, notModified: boolean): void {
    this.calls += 1;
    this.totalMs += ms;
    if (notModified) this.notModified += 1;
    this.parent?.recordCall(ms, notModified);
  }

  /** One retry about to be made after waiting `delayMs`. */
  recordRetry(delayMs: number): void {
    this.retries += 1;
    if (this.backoffMs.length < 50) this.backoffMs.push(delayMs);
    this.parent?.recordRetry(delayMs);
  }

  /** A child meter (one tournament's share of the run). */
  child(): CallMeter {
    return new CallMeter(this);
  }
}
