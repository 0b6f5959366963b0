import type { RequestTarget } from './faults';

/** One request the simulator answered (or left hanging). */
export interface LoggedRequest extends RequestTarget {
  /** Wall-clock ms when it arrived. */
  at: number;
  /** Status sent; 0 when the request was left hanging (timeout fault). */
  status: number;
}

/** Every provider request the simulator saw, for tests and the bench to count calls. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  /** Records one request. */
  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  /** Requests matching every given field of `filter`. */
  filter(filter: Partial<RequestTarget> & { status?: number } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (filter.protocol === undefined || e.protocol === filter.protocol) &&
        (filter.endpoint === undefined || e.endpoint === filter.endpoint) &&
        (filter.key === undefined || e.key === filter.key) &&
        (filter.status === undefined || e.status === filter.status),
    );
  }

  /** How many requests match `filter`. */
  count(filter: Partial<RequestTarget> & { status?: number } = {}): number {
    return this.filter(filter).length;
  }

  /** Forgets everything logged so far. */
  clear(): void {
    this.entries.length = 0;
  }
}
