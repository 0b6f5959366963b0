import type { Severity, SyncErrorType } from '@courtsync/protocol';
import type { RunFailure } from './run-report';

const ORDER: readonly Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Severity of a failure type before escalation: how much a person has to do about it. */
const BASE: Record<SyncErrorType, Severity> = {
  // One malformed record: the rest of the run went through.
  VALIDATION: 'LOW',
  // Usually transient: the next run often succeeds by itself.
  NETWORK: 'MEDIUM',
  TIMEOUT: 'MEDIUM',
  API: 'MEDIUM',
  // Nothing syncs until someone fixes the credentials.
  AUTH: 'HIGH',
  // Our own store is failing: every job and the scorekeepers are affected.
  DATABASE: 'CRITICAL',
};

function bump(severity: Severity, steps: number): Severity {
  return ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(severity) + steps)] ?? 'CRITICAL';
}

/**
 * Severity of one failure (F33): the type's base, one level up when the whole run failed and it
 * is the third failure in a row (it is no longer transient), and AUTH is CRITICAL once the
 * runner has deactivated the credentials.
 */
export function severityOf(failure: RunFailure, consecutiveFailures: number): Severity {
  if (failure.type === 'AUTH' && failure.context?.credentialsDeactivated === true) {
    return 'CRITICAL';
  }
  let severity = BASE[failure.type];
  // A provider answering 4xx means our request is wrong: it will not fix itself.
  const status = failure.context?.responseStatus;
  if (failure.type === 'API' && typeof status === 'number' && status >= 400 && status < 500) {
    severity = bump(severity, 1);
  }
  return consecutiveFailures >= 3 ? bump(severity, 1) : severity;
}

function where(failure: RunFailure): string {
  const request = failure.context?.request as { url?: unknown } | undefined;
  const provider = failure.context?.provider;
  if (typeof request?.url === 'string') return ` (${request.url})`;
  return typeof provider === 'string' ? ` (${provider})` : '';
}

/** A recovery step a tournament director or operator can act on (F33). */
export function recoverySuggestion(failure: RunFailure): string {
  const at = where(failure);
  const status = failure.context?.responseStatus;
  switch (failure.type) {
    case 'NETWORK':
      return `The provider could not be reached${at}. Check the server's internet connection and the provider's status page; the next scheduled run retries by itself, or start a manual sync once it is back.`;
    case 'TIMEOUT':
      return `The provider did not answer in time${at}. If it keeps happening, the provider is overloaded: wait for the next run or raise the job's timeout; a manual sync of one tournament asks for less data.`;
    case 'AUTH':
      return failure.context?.credentialsDeactivated === true
        ? `The provider refused the credentials three times and they were deactivated${at}. Enter valid credentials (API key/user) in the server's configuration, then resume the job.`
        : `The provider refused the credentials${at}. Check the configured API key or user and password; after 3 refusals they are deactivated.`;
    case 'API':
      return typeof status === 'number' && status >= 500
        ? `The provider failed with HTTP ${status}${at}. This is on their side: wait for the next run; contact the provider if it lasts more than an hour.`
        : `The provider rejected the request${typeof status === 'number' ? ` with HTTP ${status}` : ''}${at}. The request or the provider's API changed: check the tournament number and the provider's release notes.`;
    case 'DATABASE':
      return 'Writing to our database failed. Check that PostgreSQL is running and has free disk space (GET /api/health); the run can be repeated safely once it is back.';
    case 'VALIDATION':
      return `The provider sent data we could not accept${failure.tournamentNo ? ` for tournament ${failure.tournamentNo}` : ''}. The rest was synced; check the record at the provider and correct it there, then sync that tournament manually.`;
  }
}
