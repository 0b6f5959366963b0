import { currentSet, type MatchData } from './match-data';
import { PLAY_RULES } from './play-rules';
import { ScoringError } from './scoring-error';
import type { MatchFormat, ScoringEvent, SubstitutionRecord, Team } from './types';

type Substitution = Extract<ScoringEvent, { type: 'substitution' }>;

/** Where each player of a team stands in the set's substitution pairs (FIVB 15.6). */
interface Pairs {
  /** Substitute on court -> the starting player they replaced. */
  replaced: Map<number, number>;
  /** Starting players on the bench, replaced by a substitute. */
  benched: Set<number>;
  /** Players whose pair is complete (left and came back, or came in and left): no more changes. */
  done: Set<number>;
}

/** The pairs formed by a team's substitutions so far in the set. */
function pairsOf(substitutions: SubstitutionRecord[], team: Team): Pairs {
  const pairs: Pairs = { replaced: new Map(), benched: new Set(), done: new Set() };
  for (const { team: t, playerOut, playerIn } of substitutions) {
    if (t !== team) continue;
    if (pairs.replaced.get(playerOut) === playerIn) {
      pairs.replaced.delete(playerOut);
      pairs.benched.delete(playerIn);
      pairs.done.add(playerOut).add(playerIn);
    } else {
      pairs.replaced.set(playerIn, playerOut);
      pairs.benched.add(playerOut);
    }
  }
  return pairs;
}

/** Why FIVB 15.6 forbids `out` -> `in` given the pairs so far, or undefined when it is legal. */
function pairingProblem(pairs: Pairs, out: number, into: number): string | undefined {
  if (out === into) return `player ${out} cannot replace themselves`;
  for (const player of [out, into]) {
    if (pairs.done.has(player)) {
      return `player ${player} has already left and re-entered (or come in and left) in this set`;
    }
  }
  const starter = pairs.replaced.get(out);
  if (starter !== undefined && starter !== into) {
    return `substitute ${out} can only be replaced by player ${starter}, whom they replaced`;
  }
  if (starter !== undefined) return undefined;
  if (pairs.benched.has(out)) return `player ${out} is not on court (replaced earlier)`;
  if (pairs.replaced.has(into)) return `player ${into} is already on court`;
  if (pairs.benched.has(into)) {
    return `player ${into} can only come back for the substitute who replaced them`;
  }
  return undefined;
}

/** The players of `team` that may not play now: expelled for this set, or disqualified. */
function excluded(data: MatchData, team: Team): Set<number> {
  const players = new Set<number>();
  for (const s of data.sanctions) {
    if (s.team !== team || s.player === undefined) continue;
    if (s.sanction === 'disqualification') players.add(s.player);
    if (s.sanction === 'expulsion' && s.set === data.sets.length) players.add(s.player);
  }
  return players;
}

/** Records an indoor substitution: 6 per team per set, in pairs (FIVB 15.5, 15.6). */
export function substitute(data: MatchData, format: MatchFormat, event: Substitution): void {
  const { team, playerOut, playerIn } = event;
  const allowed = PLAY_RULES[format].substitutionsPerSet;
  if (allowed === 0) {
    throw new ScoringError(
      'SUBSTITUTIONS_NOT_ALLOWED',
      `No substitutions in ${format} volleyball: team ${team} plays with its two players`,
    );
  }
  const set = currentSet(data);
  const made = set.substitutions.filter((s) => s.team === team).length;
  if (made >= allowed) {
    throw new ScoringError(
      'SUBSTITUTIONS_EXHAUSTED',
      `Team ${team} has made its ${allowed} substitutions of set ${data.sets.length} ` +
        `(${format}: ${allowed} per team per set)`,
    );
  }
  if (excluded(data, team).has(playerIn)) {
    throw new ScoringError(
      'PLAYER_EXCLUDED',
      `Player ${playerIn} of team ${team} is expelled for this set or disqualified: ` +
        'they cannot come back on court',
    );
  }
  const problem = pairingProblem(pairsOf(set.substitutions, team), playerOut, playerIn);
  if (problem) {
    throw new ScoringError(
      'ILLEGAL_SUBSTITUTION',
      `Illegal substitution for team ${team}: ${problem} (FIVB 15.6)`,
    );
  }
  set.substitutions.push({ team, playerOut, playerIn, at: { a: set.score.a, b: set.score.b } });
}
