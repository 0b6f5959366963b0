import { currentSet, opponent, type MatchData } from './match-data';
import { PLAY_RULES } from './play-rules';
import { forfeit, scorePoint } from './points';
import { ScoringError } from './scoring-error';
import type { MatchFormat, ScoringEvent } from './types';

type SanctionEvent = Extract<ScoringEvent, { type: 'sanction' }>;

/** Who a sanction names: a player, or the team itself (delay sanctions, staff without number). */
function whom(event: { team: string; player?: number }): string {
  return event.player === undefined
    ? `team ${event.team}`
    : `player ${event.player} of team ${event.team}`;
}

/**
 * Records a sanction (FIVB 16, 21). A warning is given once per match to the same member (or
 * to the team, for delay): a repeat must be sanctioned harder. A penalty is a point and the
 * serve to the opponent. In beach an expelled or disqualified player leaves the team
 * incomplete: it loses the set (expulsion) or the match (disqualification), keeping its points.
 */
export function applySanction(data: MatchData, format: MatchFormat, event: SanctionEvent): void {
  const { team, sanction, player } = event;
  if (
    sanction === 'warning' &&
    data.sanctions.some((s) => s.sanction === 'warning' && s.team === team && s.player === player)
  ) {
    throw new ScoringError(
      'WARNING_ALREADY_GIVEN',
      `${whom(event)} already has a warning in this match: a repeated offence is sanctioned ` +
        'with at least a penalty',
    );
  }
  const { score } = currentSet(data);
  data.sanctions.push({
    team,
    sanction,
    ...(player === undefined ? {} : { player }),
    set: data.sets.length,
    at: { a: score.a, b: score.b },
  });
  if (sanction === 'penalty') scorePoint(data, format, opponent(team));
  const excludes = sanction === 'expulsion' || sanction === 'disqualification';
  if (excludes && PLAY_RULES[format].exclusionForfeits) {
    forfeit(data, format, team, sanction === 'disqualification');
  }
}
