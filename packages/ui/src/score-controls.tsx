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
  return (
    <div className="score-controls">
      <button
        type="button"
        className="point-button point-a"
        disabled={finished}
        onClick={() => onPoint('A')}
        data-testid="point-a"
      >
        Point {teamA}
      </button>
      <button
        type="button"
        className="point-button point-b"
        disabled={finished}
        onClick={() => onPoint('B')}
        data-testid="point-b"
      >
        Point {teamB}
      </button>
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
