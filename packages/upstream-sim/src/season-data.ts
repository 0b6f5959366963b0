/** A beach tournament as the simulated VIS knows it. */
export interface SimTournament {
  no: number;
  code: string;
  name: string;
  gender: 'M' | 'W';
  season: number;
  city: string;
  countryName: string;
  startDate: string;
  endDate: string;
  /** Edits made through the simulator (each bumps the tournament's Version). */
  edits: number;
  matchNos: number[];
}

/** What both providers' matches have in common: when they start and how they are played. */
export interface SimPlayed {
  /** Start, epoch ms (UTC). */
  start: number;
  /** Seed of the deterministic rally sequence. */
  seed: number;
  /** Simulated milliseconds between two rallies. */
  rallyMs: number;
  /** Reschedules and court changes made through the simulator. */
  edits: number;
}

/** A beach match of the simulated VIS. */
export interface SimMatch extends SimPlayed {
  no: number;
  noInTournament: number;
  noTournament: number;
  court: string;
  teamA: string;
  teamB: string;
}

/** A team of the simulated Presto-style feed; its events form its season schedule. */
export interface SimTeam {
  teamId: string;
  name: string;
  season: string;
  eventIds: string[];
}

/** An indoor game of the simulated Presto-style feed. */
export interface SimEvent extends SimPlayed {
  eventId: string;
  teamId: string;
  home: string;
  away: string;
  location: string;
}

/** How big the simulated season is and where "now" falls in it. */
export interface SeasonOptions {
  /** Season anchor (epoch ms); running tournaments have matches around it. */
  now: number;
  /** Number of VIS tournaments (default 6). */
  tournaments?: number;
  /** Matches per tournament (default 24). */
  matchesPerTournament?: number;
  /** Every tournament running now (the bench's full-sync load) instead of a mixed season. */
  allRunning?: boolean;
  /** Simulated seconds between rallies (default 20: a beach match lasts about half an hour). */
  rallySeconds?: number;
  /** Presto-style teams (default 2) and events per team (default 8). */
  teams?: number;
  eventsPerTeam?: number;
}

const SURNAMES = [
  'Keller',
  'Brunner',
  'Dubois',
  'Martin',
  'Silva',
  'Costa',
  'Novak',
  'Horvat',
  'Jensen',
  'Larsen',
  'Rossi',
  'Bianchi',
  'Schmidt',
  'Weber',
  'Nakamura',
  'Sato',
  'Kowalski',
  'Nowak',
  'Garcia',
  'Lopez',
  'Smith',
  'Brown',
  'Ivanova',
  'Petrova',
  'Meier',
  'Huber',
  'Moreau',
  'Laurent',
];
const CITIES: Array<[string, string]> = [
  ['Lausanne', 'Switzerland'],
  ['Hamburg', 'Germany'],
  ['Gstaad', 'Switzerland'],
  ['Doha', 'Qatar'],
  ['Rio de Janeiro', 'Brazil'],
  ['Ostrava', 'Czech Republic'],
  ['Espinho', 'Portugal'],
  ['Tepic', 'Mexico'],
  ['Brasilia', 'Brazil'],
  ['Uberlandia', 'Brazil'],
];
const SCHOOLS = [
  'Lakeside University',
  'Harbor College',
  'Summit State',
  'Valley Tech',
  'Ridge A&M',
];
const COURTS = ['Center Court', 'Court 2', 'Court 3', 'Court 4'];
const DAY = 86_400_000;
const SLOT = 30 * 60_000;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whole simulated data set of both providers. */
export interface SeasonData {
  tournaments: SimTournament[];
  matches: SimMatch[];
  teams: SimTeam[];
  events: SimEvent[];
}

/** Days (relative to now) a non-running tournament starts on: past ones finished, later ones not. */
function dayOffset(i: number, allRunning: boolean): number | 'running' {
  if (allRunning || i === 0) return 'running';
  const kind = i % 3;
  if (kind === 0) return 'running';
  return kind === 1 ? -7 * i : 5 * i;
}

/**
 * Builds a deterministic season around `options.now`: running tournaments have matches every
 * 30 minutes on four courts, from 1.5 hours before now (finished or live) into the afternoon.
 */
export function generateSeason(options: SeasonOptions): SeasonData {
  const count = options.tournaments ?? 6;
  const perTournament = options.matchesPerTournament ?? 24;
  const rallyMs = (options.rallySeconds ?? 20) * 1000;
  const anchor = Math.floor(options.now / SLOT) * SLOT;
  const today = Math.floor(options.now / DAY) * DAY;
  const tournaments: SimTournament[] = [];
  const matches: SimMatch[] = [];
  let matchNo = 50_000;
  for (let i = 0; i < count; i += 1) {
    const offset = dayOffset(i, options.allRunning ?? false);
    const first = offset === 'running' ? today - DAY : today + offset * DAY;
    const [city, countryName] = pick(CITIES, i);
    const gender = i % 2 === 0 ? 'W' : 'M';
    const no = 1000 + i;
    const t: SimTournament = {
      no,
      code: `${gender}${city.slice(0, 3).toUpperCase()}${2026 + Math.floor(i / 10)}`,
      name:
        i === 0
          ? `CourtSync Beach Open ${city}`
          : `Beach Pro Tour ${city} ${gender === 'W' ? 'Women' : 'Men'}`,
      gender,
      season: 2026,
      city,
      countryName,
      startDate: isoDay(first),
      endDate: isoDay(first + 2 * DAY),
      edits: 0,
      matchNos: [],
    };
    const base = offset === 'running' ? anchor - 3 * SLOT : first + DAY + 9 * 3_600_000;
    for (let j = 0; j < perTournament; j += 1) {
      matchNo += 1;
      const seed = matchNo * 7919;
      matches.push({
        no: matchNo,
        noInTournament: j + 1,
        noTournament: no,
        start: base + Math.floor(j / COURTS.length) * SLOT,
        court: pick(COURTS, j),
        teamA: `${pick(SURNAMES, seed)} / ${pick(SURNAMES, seed + 5)}`,
        teamB: `${pick(SURNAMES, seed + 11)} / ${pick(SURNAMES, seed + 17)}`,
        seed,
        rallyMs,
        edits: 0,
      });
      t.matchNos.push(matchNo);
    }
    tournaments.push(t);
  }
  const { teams, events } = generateTeams(options, anchor, today, rallyMs);
  return { tournaments, matches, teams, events };
}

/** Presto-style teams: a game every third day at 18:00 UTC, and one live now. */
function generateTeams(options: SeasonOptions, anchor: number, today: number, rallyMs: number) {
  const teams: SimTeam[] = [];
  const events: SimEvent[] = [];
  for (let i = 0; i < (options.teams ?? 2); i += 1) {
    const teamId = `team-${101 + i}`;
    const team: SimTeam = { teamId, name: pick(SCHOOLS, i), season: '2026', eventIds: [] };
    const perTeam = options.eventsPerTeam ?? 8;
    const opponents = SCHOOLS.filter((school) => school !== team.name);
    for (let k = 0; k < perTeam; k += 1) {
      const eventId = `ev-${101 + i}-${k + 1}`;
      // The middle game is today, started half an hour ago: game day with a live game.
      const middle = Math.floor(perTeam / 2);
      const start = k === middle ? anchor - SLOT : today + (k - middle) * 3 * DAY + 18 * 3_600_000;
      events.push({
        eventId,
        teamId,
        home: k % 2 === 0 ? team.name : pick(opponents, i + k),
        away: k % 2 === 0 ? pick(opponents, i + k) : team.name,
        location: k % 2 === 0 ? `${team.name} Arena` : 'Away',
        start,
        seed: 31_337 + i * 100 + k,
        rallyMs,
        edits: 0,
      });
      team.eventIds.push(eventId);
    }
    teams.push(team);
  }
  return { teams, events };
}
