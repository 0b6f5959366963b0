import type { ScoringErrorCode } from './types';

/** An event the scoring rules refuse; `code` is for machines, `message` for people. */
export class ScoringError extends Error {
  /** Why the event was refused. */
  readonly code: ScoringErrorCode;
  /** Position of the offending event in the list given to `replay`, or -1 when applied singly. */
  readonly index: number;

  /** Builds an error; `index` defaults to -1 (event applied one by one). */
  constructor(code: ScoringErrorCode, message: string, index = -1) {
    super(message);
    // Keeps `instanceof ScoringError` working even if a transpiler downlevels classes to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ScoringError';
    this.code = code;
    this.index = index;
  }
}
