import type { SimClock } from './clock';
import { BEACH, INDOOR, rallyWinners, scoreOf } from './rally-sim';
import type { SimFormat, SimScore } from './rally-sim';
import { generateSeason } from './season-data';
import type {
  SeasonData,
  SeasonOptions,
  SimEvent,
  SimMatch,
  SimPlayed,
  SimTeam,
  SimTournament,
} from './season-data';

/** Where a match stands at some moment. */
export interface PlayedSnapshot {
  status: 'Scheduled' | 'Running' | 'Finished';
  score: SimScore;
  /** Grows with every change the provider would report (edits, start, each rally, end). */
  version: number;
}

const DAY = 86_400_000;

/** The state of a match at `now`: rallies are played every `rallyMs` from its start. */
export function snapshotAt(format: SimFormat, played: SimPlayed, now: number): PlayedSnapshot {
  if (now < played.start) {
    return { status: 'Scheduled', score: scoreOf(format, [], 0), version: 1 + played.edits };
  }
  const winners = rallyWinners(format, played.seed);
  const rallies = Math.min(winners.length, Math.floor((now - played.start) / played.rallyMs));
  const finished = rallies >= winners.length;
  return {
    status: finished ? 'Finished' : 'Running',
    score: scoreOf(format, winners, rallies),
    version: 2 + played.edits + rallies + (finished ? 1 : 0),
  };
}

/** The simulated season of both providers, read at the simulator clock's "now". */
export class SimSeason {
  readonly tournaments = new Map<number, SimTournament>();
  readonly matches = new Map<number, SimMatch>();
  readonly teams = new Map<string, SimTeam>();
  readonly events = new Map<string, SimEvent>();

  constructor(
    readonly clock: SimClock,
    data: SeasonData,
  ) {
    for (const t of data.tournaments) this.tournaments.set(t.no, t);
    for (const m of data.matches) this.matches.set(m.no, m);
    for (const t of data.teams) this.teams.set(t.teamId, t);
    for (const e of data.events) this.events.set(e.eventId, e);
  }

  /** A generated season (see `generateSeason`) anchored at the clock's now unless given. */
  static generate(clock: SimClock, options: Partial<SeasonOptions> = {}): SimSeason {
    return new SimSeason(clock, generateSeason({ now: clock.now(), ...options }));
  }

  /** Scheduled before its first day, Finished after its last, else Running. */
  tournamentStatus(t: SimTournament): 'Scheduled' | 'Running' | 'Finished' {
    const now = this.clock.now();
    if (now < Date.parse(`${t.startDate}T00:00:00Z`)) return 'Scheduled';
    if (now >= Date.parse(`${t.endDate}T00:00:00Z`) + DAY) return 'Finished';
    return 'Running';
  }

  /** Version of a tournament: bumped by its own edits and by any change to its matches. */
  tournamentVersion(t: SimTournament): number {
    let version = 1 + t.edits;
    for (const no of t.matchNos) {
      const m = this.matches.get(no);
      if (m) version += this.matchSnapshot(m).version;
    }
    return version;
  }

  private readonly snapshots = new Map<
    number,
    { now: number; key: string; snap: PlayedSnapshot }
  >();

  /** A VIS beach match now (memoised per instant: list answers read every match). */
  matchSnapshot(m: SimMatch): PlayedSnapshot {
    const now = this.clock.now();
    const key = `${m.start}:${m.edits}`;
    const held = this.snapshots.get(m.no);
    if (held && held.now === now && held.key === key) return held.snap;
    const snap = snapshotAt(BEACH, m, now);
    this.snapshots.set(m.no, { now, key, snap });
    return snap;
  }

  /** A Presto-style indoor game now. */
  eventSnapshot(e: SimEvent): PlayedSnapshot {
    return snapshotAt(INDOOR, e, this.clock.now());
  }

  /**
   * Moves a match to another court and/or start time (a reschedule as federations do them);
   * its Version and its tournament's grow. Returns false when there is no such match.
   */
  rescheduleMatch(no: number, change: { court?: string; start?: number }): boolean {
    const m = this.matches.get(no);
    if (!m) return false;
    // Versions only grow: moving a started match back into the future must not reuse one.
    m.edits += this.matchSnapshot(m).version;
    if (change.court !== undefined) m.court = change.court;
    if (change.start !== undefined) m.start = change.start;
    m.edits += 1;
    return true;
  }
}
