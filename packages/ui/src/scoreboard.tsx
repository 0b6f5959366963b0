import type { MatchState, Team } from '@courtsync/scoring';

/** Props of the scoreboard: the derived state and the teams' names. */
export interface ScoreboardProps {
  state: MatchState;
  teamA: string;
  teamB: string;
  /** Smaller digits, for boards that show many matches at once. */
  compact?: boolean;
}

/** The teams in court order: the team on the left first (A first for states without sides). */
export function courtOrder(state: MatchState): [Team, Team] {
  const left = state.sides?.left ?? 'A';
  return left === 'A' ? ['A', 'B'] : ['B', 'A'];
}

/**
 * The current set in large digits with the teams where they stand on court, the serving team
 * marked by a filled band and the word "Serving" (not by colour alone), every set below.
 */
export function Scoreboard({ state, teamA, teamB, compact = false }: ScoreboardProps) {
  const current = state.sets[state.sets.length - 1] ?? { a: 0, b: 0 };
  const setNumber = state.sets.length;
  const name = (team: Team) => (team === 'A' ? teamA : teamB);
  return (
    <section className={`scoreboard${compact ? ' is-compact' : ''}`} aria-label="Score">
      <p className="scoreboard-status" data-testid="match-status">
        {state.winner ? (
          `${name(state.winner)} won ${state.setsWon.A}-${state.setsWon.B}`
        ) : (
          <>
            <strong className="set-label" data-testid="set-number" data-set={setNumber}>
              Set {setNumber}
            </strong>
            {' · '}sets {state.setsWon.A}-{state.setsWon.B}
          </>
        )}
      </p>
      <div className="scoreboard-current">
        {courtOrder(state).map((team) => (
          <TeamScore
            key={team}
            team={team}
            name={name(team)}
            points={team === 'A' ? current.a : current.b}
            serving={!state.winner && state.serving === team}
            timeoutsLeft={state.winner ? undefined : state.timeoutsLeft?.[team]}
          />
        ))}
      </div>
      <ol className="scoreboard-sets" data-testid="set-scores" aria-label="Sets">
        {state.sets.map((set, i) => (
          <li key={i} data-testid={`set-${i + 1}`}>
            <span>Set {i + 1}</span>
            <strong>
              {set.a}-{set.b}
            </strong>
          </li>
        ))}
      </ol>
    </section>
  );
}

function TeamScore(props: {
  team: Team;
  name: string;
  points: number;
  serving: boolean;
  timeoutsLeft: number | undefined;
}) {
  const { team, serving } = props;
  return (
    <div
      className={`team-score team-${team.toLowerCase()}${serving ? ' is-serving' : ''}`}
      data-testid={`team-${team.toLowerCase()}`}
      data-serving={serving}
    >
      <span className="team-name">
        {props.name}
        {serving && (
          <span className="serve-flag" data-testid="serving" aria-label="serving">
            <span aria-hidden>●</span> Serving
          </span>
        )}
      </span>
      <span className="team-points" data-testid={`score-${team.toLowerCase()}`}>
        {props.points}
      </span>
      {props.timeoutsLeft !== undefined && (
        <span className="timeouts-left" data-testid={`timeouts-left-${team.toLowerCase()}`}>
          Timeouts left: {props.timeoutsLeft}
        </span>
      )}
    </div>
  );
}
