/** Props of the scorekeeper's buttons. */
export interface ScoreControlsProps {
  teamA: string;
  teamB: string;
  finished: boolean;
  canUndo: boolean;
  onPoint: (team: 'A' | 'B') => void;
  onUndo: () => void;
}

/** Big thumb-sized buttons: a point for either team, and undo of the last action. */
export function ScoreControls({
  teamA,
  teamB,
  finished,
  canUndo,
  onPoint,
  onUndo,
}: ScoreControlsProps) {
  const teams = [
    { team: 'A', name: teamA },
    { team: 'B', name: teamB },
  ] as const;
  return (
    <div className="score-controls">
      {teams.map(({ team, name }) => (
        <button
          key={team}
          type="button"
          className={`point-button point-${team.toLowerCase()}`}
          disabled={finished}
          onClick={() => onPoint(team)}
          data-testid={`point-${team.toLowerCase()}`}
        >
          Point {name}
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
    </div>
  );
}
