/** Machine-readable reasons the client refuses a request of the UI. */
export type ClientErrorCode =
  | 'UNKNOWN_MATCH'
  | 'SERVER_UNAVAILABLE'
  | 'BAD_RESPONSE'
  /** A file given to import is not a CourtSync export (F6). */
  | 'INVALID_EXPORT';

/** An error of the client layer with a stable code for the UI to act on. */
export class ClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}
