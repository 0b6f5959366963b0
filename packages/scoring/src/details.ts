import { currentSet, opponent, type MatchData } from './match-data';
import { PLAY_RULES } from './play-rules';
import { leftNow, sideSwitchDue, technicalTimeoutDue } from './sides';
import type { MatchDetails, MatchFormat, MatchState, Team, TeamCounts } from './types';

/** The score part of the state, as `replay` has always returned it (fresh copies). */
export function scoreState(data: MatchData, format: MatchFormat): MatchState {
  const state: MatchState = {
    format,
    sets: data.sets.map(({ score }) => ({ ...score })),
    setsWon: { ...data.setsWon },
    serving: data.serving,
    rallies: data.rallies,
  };
  if (data.winner) state.winner = data.winner;
  return state;
}

/** What is left per team of a per-set allowance, given what each team used. */
function left(allowed: number, used: { team: Team }[]): TeamCounts {
  const count = (team: Team) => used.filter((u) => u.team === team).length;
  return { A: allowed - count('A'), B: allowed - count('B') };
}

/** Everything a scoreboard shows besides the points (fresh copies); `actions` is given. */
export function matchDetails(data: MatchData, format: MatchFormat, actions: number): MatchDetails {
  const index = data.sets.length - 1;
  const set = currentSet(data);
  const rules = PLAY_RULES[format];
  const leftTeam = leftNow(format, index, set);
  const live = !data.winner;
  return {
    set: data.sets.length,
    sides: { left: leftTeam, right: opponent(leftTeam) },
    timeoutsLeft: left(rules.timeoutsPerSet, set.timeouts),
    substitutionsLeft: left(rules.substitutionsPerSet, set.substitutions),
    sanctions: data.sanctions.map((s) => ({ ...s, at: { ...s.at } })),
    technicalTimeoutDue: live && technicalTimeoutDue(format, index, set),
    sideSwitchDue: live && sideSwitchDue(format, index, set, data.serving),
    setDetails: data.sets.map((s) => ({
      firstServer: s.firstServer,
      startLeft: s.startLeft,
      timeouts: s.timeouts.map((t) => ({ ...t, at: { ...t.at } })),
      substitutions: s.substitutions.map((u) => ({ ...u, at: { ...u.at } })),
      corrected: s.corrected,
    })),
    actions,
  };
}
