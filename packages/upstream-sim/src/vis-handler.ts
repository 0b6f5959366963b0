import { XMLBuilder } from 'fast-xml-parser';
import type { SimScore } from './rally-sim';
import { xml } from './responses';
import type { SimResponse } from './responses';
import type { SimSeason } from './season';
import type { SimMatch, SimTournament } from './season-data';
import type { VisRequest } from './vis-request';

const TOURNAMENT_FIELDS = [
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
];
const MATCH_FIELDS = [
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
];

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
});

type Attrs = Record<string, string>;

/** Only the requested fields, as builder attributes (VIS answers what `Fields` asks for). */
function select(all: Attrs, fields: string[] | undefined, defaults: string[]): Attrs {
  const out: Attrs = {};
  for (const field of fields ?? defaults) {
    const value = all[field];
    if (value !== undefined) out[`@_${field}`] = value;
  }
  return out;
}

function tournamentAttrs(season: SimSeason, t: SimTournament): Attrs {
  return {
    No: String(t.no),
    Code: t.code,
    Name: t.name,
    Gender: t.gender === 'W' ? '1' : '0',
    Season: String(t.season),
    Status: season.tournamentStatus(t),
    StartDate: t.startDate,
    EndDate: t.endDate,
    City: t.city,
    CountryName: t.countryName,
    Version: String(season.tournamentVersion(t)),
  };
}

function setPoints(score: SimScore): Attrs {
  const out: Attrs = {};
  for (let i = 0; i < 3; i += 1) {
    const set = score.sets[i];
    out[`PointsTeamASet${i + 1}`] = set ? String(set.a) : '';
    out[`PointsTeamBSet${i + 1}`] = set ? String(set.b) : '';
  }
  return out;
}

function matchAttrs(season: SimSeason, m: SimMatch): Attrs {
  const snap = season.matchSnapshot(m);
  const start = new Date(m.start).toISOString();
  return {
    No: String(m.no),
    NoInTournament: String(m.noInTournament),
    NoTournament: String(m.noTournament),
    LocalDate: start.slice(0, 10),
    LocalTime: start.slice(11, 16),
    Court: m.court,
    Status: snap.status,
    TeamAName: m.teamA,
    TeamBName: m.teamB,
    MatchPointsA: String(snap.score.setsWon.a),
    MatchPointsB: String(snap.score.setsWon.b),
    ...setPoints(snap.score),
    Version: String(snap.version),
  };
}

/** The element of one request's answer, or an error message (unknown type, missing No). */
function answerOne(season: SimSeason, request: VisRequest): Record<string, unknown> | string {
  switch (request.type) {
    case 'GetBeachTournamentList': {
      const statuses = request.filter.Statuses?.split(/\s+/).filter(Boolean);
      const list = [...season.tournaments.values()]
        .filter((t) => !statuses || statuses.includes(season.tournamentStatus(t)))
        .map((t) => select(tournamentAttrs(season, t), request.fields, TOURNAMENT_FIELDS));
      const version = [...season.tournaments.values()].reduce(
        (sum, t) => sum + season.tournamentVersion(t),
        0,
      );
      return { BeachTournaments: { '@_Version': String(version), BeachTournament: list } };
    }
    case 'GetBeachTournament': {
      const t = season.tournaments.get(Number(request.no));
      if (!t) return `no beach tournament ${request.no ?? '(No missing)'}`;
      return {
        BeachTournament: select(tournamentAttrs(season, t), request.fields, TOURNAMENT_FIELDS),
      };
    }
    case 'GetBeachMatchList': {
      const t = season.tournaments.get(Number(request.filter.NoTournament));
      if (!t)
        return `no beach tournament ${request.filter.NoTournament ?? '(NoTournament missing)'}`;
      const list = t.matchNos.flatMap((no) => {
        const m = season.matches.get(no);
        return m ? [select(matchAttrs(season, m), request.fields, MATCH_FIELDS)] : [];
      });
      const version = String(season.tournamentVersion(t));
      return { BeachMatches: { '@_Version': version, BeachMatch: list } };
    }
    case 'GetBeachMatch': {
      const m = season.matches.get(Number(request.no));
      if (!m) return `no beach match ${request.no ?? '(No missing)'}`;
      return { BeachMatch: select(matchAttrs(season, m), request.fields, MATCH_FIELDS) };
    }
    default:
      return `unknown request type ${request.type}`;
  }
}

/**
 * Answers a VIS call: one request's element as the root, several wrapped in `<Responses>`.
 * An unknown type or number answers 400 with `<Error Message="…"/>`.
 */
export function answerVis(season: SimSeason, requests: VisRequest[]): SimResponse {
  const answers = requests.map((r) => answerOne(season, r));
  const failed = answers.find((a): a is string => typeof a === 'string');
  if (failed !== undefined) return xml(400, builder.build({ Error: { '@_Message': failed } }));
  if (answers.length === 1) return xml(200, builder.build(answers[0]));
  const merged: Record<string, unknown[]> = {};
  for (const answer of answers as Array<Record<string, unknown>>) {
    for (const [name, value] of Object.entries(answer)) (merged[name] ??= []).push(value);
  }
  return xml(200, builder.build({ Responses: merged }));
}
