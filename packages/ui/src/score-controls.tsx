import type { Team } from '@courtsync/scoring';

/** Props of the scorekeeper's buttons. */
export interface ScoreControlsProps {
  teamA: string;
  teamB: string;
  finished: boolean;
  canUndo: boolean;
  /** Court order of the teams (left first): the buttons stand where the teams play. */
  order?: [Team, Team];
  /** Team serving the next rally (its button says so). */
  serving?: Team;
  onPoint: (team: Team) => void;
  onUndo: () => void;
  /** Opens the less frequent actions (timeouts, sanctions, substitutions). */
  onMore?: () => void;
}

/**
 * Big thumb-sized buttons in the bottom half of the screen: a point for either team (one tap
 * per rally), undo of the last action (one tap) and, one level down, the other actions.
 */
export function ScoreControls({
  teamA,
  teamB,
  finished,
  canUndo,
  order = ['A', 'B'],
  serving,
  onPoint,
  onUndo,
  onMore,
}: ScoreControlsProps) {
  const name = (team: Team) => (team === 'A' ? teamA : teamB);
  return (
    <div className="score-controls">
      {order.map((team) => (
        <button
          key={team}
          type="button"
          className={`point-button point-${team.toLowerCase()}`}
          disabled={finished}
          onClick={() => onPoint(team)}
          data-testid={`point-${team.toLowerCase()}`}
        >
          Point {name(team)}
          {serving === team && !finished && <span className="point-serving">serving</span>}
        </button>
      ))}
      <button
        type="button"
        className="undo-button"
        disabled={!canUndo}
        onClick={onUndo}
        data-testid="undo"
      >
        Undo
      </button>
      {onMore && (
        <button
          type="button"
          className="more-button"
          disabled={finished}
          onClick={onMore}
          data-testid="more-actions"
          aria-haspopup="dialog"
        >
          Timeout, sanction…
        </button>
      )}
    </div>
  );
}
