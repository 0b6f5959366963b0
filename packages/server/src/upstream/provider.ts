import type { MatchFormat } from '@courtsync/scoring';
import type { ProviderScore } from '../db/schema-upstream';
import type { CallOptions } from './http/call-upstream';

/** The providers CourtSync syncs from. */
export type ProviderName = 'vis' | 'presto';

/** A provider's tournament, normalised. `no` is the provider's number (our upsert key). */
export interface ProviderTournament {
  no: string;
  code?: string;
  name: string;
  location: string;
  status: 'scheduled' | 'running' | 'finished' | 'cancelled';
  startDate: string;
  endDate: string;
  /** Changes whenever the tournament or any of its matches changes (VIS `Version`). */
  version?: string;
}

/** A provider's match, normalised. */
export interface ProviderMatch {
  no: string;
  tournamentNo: string;
  format: MatchFormat;
  teamA: string;
  teamB: string;
  court: string;
  scheduledAt: Date;
  status: 'scheduled' | 'live' | 'finished';
  /** Undefined when this answer says nothing about the score (Presto's event list). */
  score?: ProviderScore;
  version?: string;
}

/** A match's live result: what the live jobs update. */
export type ProviderResult = Pick<ProviderMatch, 'no' | 'status' | 'version'> & {
  score: ProviderScore;
};

/**
 * Validators of one answer. They are saved only after its data is stored: saving them first
 * would make a failed store look "unchanged" forever.
 */
export interface Validator {
  key: string;
  etag?: string;
  hash: string;
}

/** An answer that may be "unchanged since the validator we hold" (304 or same hash). */
export type Fetched<T> =
  { changed: false; validator?: undefined } | { changed: true; data: T; validator: Validator };

/** Validators held from earlier runs, by request key. */
export interface ValidatorLookup {
  get(key: string): { etag?: string | null; contentHash?: string | null } | undefined;
}

/** What a provider call needs: retry policy, meter, abort signal, held validators. */
export interface ProviderCall extends CallOptions {
  validators: ValidatorLookup;
}

/** One interface over every provider (VIS XML, Presto-style JSON). */
export interface UpstreamProvider {
  readonly name: ProviderName;
  /** Tournaments, optionally only those with some statuses. */
  listTournaments(
    call: ProviderCall,
    filter?: { statuses?: ProviderTournament['status'][] },
  ): Promise<Fetched<ProviderTournament[]>>;
  /** One tournament by number. */
  getTournament(call: ProviderCall, no: string): Promise<ProviderTournament>;
  /** Every match of a tournament (and the tournament as the provider sees it, if it says). */
  listMatches(
    call: ProviderCall,
    tournamentNo: string,
  ): Promise<Fetched<{ matches: ProviderMatch[]; tournament?: ProviderTournament }>>;
  /** One match's current result (live results). */
  getResult(
    call: ProviderCall,
    match: { no: string; tournamentNo: string },
  ): Promise<Fetched<ProviderResult>>;
}
