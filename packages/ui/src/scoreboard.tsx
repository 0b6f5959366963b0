import type { MatchState } from '@courtsync/scoring';

/** Props of the scoreboard: the derived state and the teams' names. */
export interface ScoreboardProps {
  state: MatchState;
  teamA: string;
  teamB: string;
}

/** The current set in large digits, every set below, and who serves. */
export function Scoreboard({ state, teamA, teamB }: ScoreboardProps) {
  const current = state.sets[state.sets.length - 1] ?? { a: 0, b: 0 };
  const setNumber = state.sets.length;
  return (
    <section className="scoreboard" aria-label="Score">
      <div className="scoreboard-current">
        <TeamScore
          name={teamA}
          points={current.a}
          serving={!state.winner && state.serving === 'A'}
          testId="score-a"
        />
        <span className="scoreboard-dash" aria-hidden>
          :
        </span>
        <TeamScore
          name={teamB}
          points={current.b}
          serving={!state.winner && state.serving === 'B'}
          testId="score-b"
        />
      </div>
      <p className="scoreboard-status" data-testid="match-status">
        {state.winner
          ? `${state.winner === 'A' ? teamA : teamB} won ${state.setsWon.A}-${state.setsWon.B}`
          : `Set ${setNumber} · sets ${state.setsWon.A}-${state.setsWon.B}`}
      </p>
      <ol className="scoreboard-sets" data-testid="set-scores">
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

function TeamScore(props: { name: string; points: number; serving: boolean; testId: string }) {
  return (
    <div className="team-score">
      <span className="team-name">
        {props.name}
        {props.serving && (
          <span className="serve-dot" title="Serving" aria-label="serving">
            ●
          </span>
        )}
      </span>
      <span className="team-points" data-testid={props.testId}>
        {props.points}
      </span>
    </div>
  );
}
