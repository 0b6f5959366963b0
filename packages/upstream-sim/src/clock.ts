/**
 * The simulator's "now". Real time scaled by `speed` (the demo runs the season faster than
 * the wall clock), or frozen (tests move it by hand with `advance`/`set`).
 */
export class SimClock {
  private readonly realStart = Date.now();
  private base: number;
  private frozenAt: number | undefined;
  private readonly speed: number;

  constructor(options: { start?: number; speed?: number; frozen?: boolean } = {}) {
    this.speed = options.speed ?? 1;
    this.base = options.start ?? this.realStart;
    this.frozenAt = options.frozen ? this.base : undefined;
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    if (this.frozenAt !== undefined) return this.frozenAt;
    return this.base + (Date.now() - this.realStart) * this.speed;
  }

  /** Moves simulated time forward by `ms` (frozen or running). */
  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.base += ms;
  }

  /** Jumps to `epochMs` (keeps running if it was running). */
  set(epochMs: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = epochMs;
    else this.base += epochMs - this.now();
  }

  /** Whether time only moves by hand. */
  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
