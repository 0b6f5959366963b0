import { z } from 'zod';
import { SyncError } from '../errors';
import { callUpstream } from '../http/call-upstream';
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
import { visMatchSchema, visTournamentSchema } from './vis-schemas';
import { parseVisXml, visRequestXml } from './vis-xml';
import type { VisCredentials, VisRequestSpec } from './vis-xml';

/** The tournament and match fields CourtSync asks VIS for. */
export const VIS_TOURNAMENT_FIELDS = [
  'No',
  'Code',
  'Name',
  'Gender',
  'Season',
  'Status',
  'StartDate',
  'EndDate',
  'City',
  'CountryName',
  'Version',
] as const;
export const VIS_MATCH_FIELDS = [
  'No',
  'NoInTournament',
  'NoTournament',
  'LocalDate',
  'LocalTime',
  'Court',
  'Status',
  'TeamAName',
  'TeamBName',
  'MatchPointsA',
  'MatchPointsB',
  'PointsTeamASet1',
  'PointsTeamBSet1',
  'PointsTeamASet2',
  'PointsTeamBSet2',
  'PointsTeamASet3',
  'PointsTeamBSet3',
  'Version',
] as const;

const NO_SCORE = { sets: [], setsWon: { a: 0, b: 0 } };

/** Where VIS lives and who we are. */
export interface VisConfig {
  /** Full endpoint, e.g. https://www.fivb.org/Vis2009/XmlRequest.asmx */
  url: string;
  credentials?: VisCredentials;
}

const tournamentListSchema = z.object({
  BeachTournaments: z.union([
    z.object({ BeachTournament: z.array(visTournamentSchema).default([]) }),
    z.literal(''),
  ]),
});
const matchListSchema = z.object({
  BeachMatches: z.union([
    z.object({ BeachMatch: z.array(visMatchSchema).default([]) }),
    z.literal(''),
  ]),
});

/** The FIVB VIS web service (XML over HTTP POST), behind the provider interface. */
export class VisAdapter implements UpstreamProvider {
  readonly name = 'vis' as const;

  constructor(private readonly config: VisConfig) {}

  private request(spec: VisRequestSpec) {
    return {
      method: 'POST' as const,
      url: this.config.url,
      headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml' },
      body: visRequestXml(spec, this.config.credentials),
    };
  }

  /** `GetBeachTournamentList`, optionally filtered by status. */
  async listTournaments(
    call: ProviderCall,
    filter: { statuses?: ProviderTournament['status'][] } = {},
  ): Promise<Fetched<ProviderTournament[]>> {
    const statuses = filter.statuses?.map((s) => s[0]?.toUpperCase() + s.slice(1)).join(' ');
    const spec: VisRequestSpec = {
      type: 'GetBeachTournamentList',
      fields: VIS_TOURNAMENT_FIELDS,
      filter: statuses ? { Statuses: statuses } : undefined,
    };
    return fetchValidated(
      call,
      `vis:tournaments:${statuses ?? 'all'}`,
      this.request(spec),
      (body) => {
        const root = validate(
          tournamentListSchema,
          parseVisXml(body),
          'VIS tournament list',
        ).BeachTournaments;
        return root === '' ? [] : root.BeachTournament;
      },
    );
  }

  /** `GetBeachTournament` (always fetched: used for the few that left the running list). */
  async getTournament(call: ProviderCall, no: string): Promise<ProviderTournament> {
    const spec: VisRequestSpec = { type: 'GetBeachTournament', fields: VIS_TOURNAMENT_FIELDS, no };
    const response = await callUpstream(this.request(spec), call);
    const parsed = parseVisXml(response.body);
    return validate(
      z.object({ BeachTournament: visTournamentSchema }),
      parsed,
      `VIS tournament ${no}`,
    ).BeachTournament;
  }

  /** `GetBeachMatchList` with filter NoTournament. */
  async listMatches(
    call: ProviderCall,
    tournamentNo: string,
  ): Promise<Fetched<{ matches: ProviderMatch[] }>> {
    const spec: VisRequestSpec = {
      type: 'GetBeachMatchList',
      fields: VIS_MATCH_FIELDS,
      filter: { NoTournament: tournamentNo },
    };
    return fetchValidated(call, `vis:matches:${tournamentNo}`, this.request(spec), (body) => {
      const root = validate(
        matchListSchema,
        parseVisXml(body),
        `VIS matches of ${tournamentNo}`,
      ).BeachMatches;
      const matches = root === '' ? [] : root.BeachMatch;
      const stranger = matches.find((m) => m.tournamentNo !== tournamentNo);
      if (stranger) {
        throw new SyncError('VALIDATION', `VIS listed match ${stranger.no} of another tournament`);
      }
      return { matches };
    });
  }

  /** `GetBeachMatch` (live results; the schedule job owns the other fields). */
  async getResult(
    call: ProviderCall,
    match: { no: string; tournamentNo: string },
  ): Promise<Fetched<ProviderResult>> {
    const spec: VisRequestSpec = { type: 'GetBeachMatch', fields: VIS_MATCH_FIELDS, no: match.no };
    return fetchValidated(call, `vis:match:${match.no}`, this.request(spec), (body) => {
      const schema = z.object({ BeachMatch: visMatchSchema });
      const m = validate(schema, parseVisXml(body), `VIS match ${match.no}`).BeachMatch;
      return { no: m.no, status: m.status, version: m.version, score: m.score ?? NO_SCORE };
    });
  }
}
