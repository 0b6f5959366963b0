/**
 * Counts upstream calls (every attempt is a call), retries and response times. A tournament's
 * meter has the run's meter as parent, so both see every call.
 */
export class CallMeter {
  calls = 0;
  retries = 0;
  notModified = 0;
  totalMs = 0;

  constructor(private readonly parent?: CallMeter) {}

  /** One answered or failed attempt that took `ms`. */
  recordCall(ms: number, notModified: boolean): void {
    this.calls += 1;
    this.totalMs += ms;
    if (notModified) this.notModified += 1;
    this.parent?.recordCall(ms, notModified);
  }

  /** One retry about to be made. */
  recordRetry(): void {
    this.retries += 1;
    this.parent?.recordRetry();
  }

  /** A child meter (one tournament's share of the run). */
  child(): CallMeter {
    return new CallMeter(this);
  }
}
