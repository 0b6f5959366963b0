import { SyncError } from '../errors';
import { fetchValidated } from '../http/fetch-validated';
import type {
  Fetched,
  ProviderCall,
  ProviderMatch,
  ProviderResult,
  ProviderTournament,
  UpstreamProvider,
} from '../provider';
import { validate } from '../validate';
import { eventStatsSchema, teamEventsSchema } from './presto-schemas';
import { parseJson, PrestoSession } from './presto-session';
import type { PrestoConfig } from './presto-session';

/**
 * A PrestoSports-style JSON API behind the provider interface: each configured team's season
 * is a tournament (`GET /teams/{id}/events`), each event a match (`GET /events/{id}/stats`).
 */
export class PrestoAdapter implements UpstreamProvider {
  readonly name = 'presto' as const;
  private readonly session: PrestoSession;

  constructor(private readonly config: PrestoConfig) {
    this.session = new PrestoSession(config);
  }

  /** The configured teams. */
  get teamIds(): readonly string[] {
    return this.config.teamIds;
  }

  /** A bearer-authorised GET; one 401 renews the token and tries once more. */
  private async get<T>(call: ProviderCall, path: string, key: string, parse: (v: unknown) => T) {
    for (let attempt = 1; ; attempt += 1) {
      const authorization = await this.session.authorization(call);
      try {
        return await fetchValidated(
          call,
          key,
          {
            method: 'GET',
            url: new URL(path, this.config.url).toString(),
            headers: { authorization, accept: 'application/json' },
          },
          (body) => parse(parseJson(body, path)),
        );
      } catch (error) {
        if (!(error instanceof SyncError && error.category === 'AUTH') || attempt > 1) throw error;
        this.session.expire();
      }
    }
  }

  /** Every configured team's season as a tournament (one call per team). */
  async listTournaments(call: ProviderCall): Promise<Fetched<ProviderTournament[]>> {
    const tournaments: ProviderTournament[] = [];
    for (const teamId of this.config.teamIds)
      tournaments.push(await this.getTournament(call, teamId));
    return { changed: true, data: tournaments, validator: { key: 'presto:teams', hash: '' } };
  }

  /** One team's season as a tournament. */
  async getTournament(call: ProviderCall, teamId: string): Promise<ProviderTournament> {
    const events = await this.get(
      { ...call, validators: { get: () => undefined } },
      `/teams/${encodeURIComponent(teamId)}/events`,
      `presto:events:${teamId}`,
      (v) => validate(teamEventsSchema, v, `Presto events of ${teamId}`),
    );
    if (!events.changed) throw new SyncError('API', 'unexpected 304 without a validator');
    return events.data.tournament;
  }

  /** A team's events as matches, with the team's season as the tournament. */
  listMatches(
    call: ProviderCall,
    teamId: string,
  ): Promise<Fetched<{ matches: ProviderMatch[]; tournament: ProviderTournament }>> {
    return this.get(
      call,
      `/teams/${encodeURIComponent(teamId)}/events`,
      `presto:events:${teamId}`,
      (v) => validate(teamEventsSchema, v, `Presto events of ${teamId}`),
    );
  }

  /** `GET /events/{id}/stats`. */
  getResult(call: ProviderCall, match: { no: string }): Promise<Fetched<ProviderResult>> {
    return this.get(
      call,
      `/events/${encodeURIComponent(match.no)}/stats`,
      `presto:stats:${match.no}`,
      (v) => validate(eventStatsSchema, v, `Presto stats of ${match.no}`),
    );
  }
}
