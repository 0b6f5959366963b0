/** Counts rows a sync writes (data and bookkeeping); a child reports to its parent too. */
export class WriteCounter {
  rows = 0;

  constructor(private readonly parent?: WriteCounter) {}

  /** `n` more rows written. */
  add(n: number): void {
    this.rows += n;
    this.parent?.add(n);
  }

  /** A child counter (one tournament's share of a run). */
  child(): WriteCounter {
    return new WriteCounter(this);
  }
}
