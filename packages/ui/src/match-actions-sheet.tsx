'use client';

import { useEffect, useRef, useState } from 'react';
import type { OpInput } from '@courtsync/client';
import type { MatchState, Sanction, Team } from '@courtsync/scoring';

/** Props of the sheet of less frequent actions. */
export interface MatchActionsSheetProps {
  matchId: string;
  state: MatchState;
  teamA: string;
  teamB: string;
  /** Records the action; resolves true when it was recorded (the sheet then closes). */
  onAction: (input: OpInput) => Promise<boolean>;
  onClose: () => void;
}

const SANCTIONS: { value: Sanction; label: string }[] = [
  { value: 'warning', label: 'Warning' },
  { value: 'penalty', label: 'Penalty (point to the opponent)' },
  { value: 'expulsion', label: 'Expulsion' },
  { value: 'disqualification', label: 'Disqualification' },
];

/** A shirt number 1-99 from a text field, or undefined when empty or not one. */
function shirt(value: string): number | undefined {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 99 ? n : undefined;
}

/**
 * Timeouts, sanctions, substitutions and the first server: one level below the point buttons
 * (a dialog), so they are never tapped by accident, each still a few big taps away.
 */
export function MatchActionsSheet(props: MatchActionsSheetProps) {
  const { matchId, state, teamA, teamB, onAction, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const [team, setTeam] = useState<Team>('A');
  const [sanction, setSanction] = useState<Sanction>('warning');
  const [player, setPlayer] = useState('');
  const [playerOut, setPlayerOut] = useState('');
  const [playerIn, setPlayerIn] = useState('');
  const name = (t: Team) => (t === 'A' ? teamA : teamB);
  const current = state.sets[state.sets.length - 1] ?? { a: 0, b: 0 };
  const setStarted = current.a + current.b > 0;
  const indoor = state.format === 'indoor';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);

  const run = (input: OpInput) =>
    void onAction(input).then((ok) => {
      if (ok) onClose();
    });

  return (
    <dialog
      ref={ref}
      className="actions-sheet"
      aria-labelledby="actions-title"
      data-testid="actions-sheet"
      onCancel={onClose}
    >
      <header className="sheet-header">
        <h2 id="actions-title">Match actions</h2>
        <button
          type="button"
          className="plain-button"
          onClick={onClose}
          data-testid="close-actions"
        >
          Close
        </button>
      </header>

      <fieldset className="sheet-group">
        <legend>Timeout</legend>
        <div className="sheet-row">
          {(['A', 'B'] as const).map((t) => (
            <button
              key={t}
              type="button"
              className={`action-button team-fill-${t.toLowerCase()}`}
              disabled={(state.timeoutsLeft?.[t] ?? 1) <= 0}
              data-testid={`timeout-${t.toLowerCase()}`}
              onClick={() => run({ matchId, type: 'timeout', payload: { team: t } })}
            >
              Timeout {name(t)}
              <span className="action-note">{state.timeoutsLeft?.[t] ?? '–'} left</span>
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset className="sheet-group">
        <legend>Team</legend>
        <div className="sheet-row" role="radiogroup" aria-label="Team for the action below">
          {(['A', 'B'] as const).map((t) => (
            <label key={t} className="choice">
              <input
                type="radio"
                name="sheet-team"
                checked={team === t}
                onChange={() => setTeam(t)}
                data-testid={`sheet-team-${t.toLowerCase()}`}
              />
              {name(t)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="sheet-group">
        <legend>Sanction</legend>
        <label className="field">
          Kind
          <select
            value={sanction}
            onChange={(e) => setSanction(e.target.value as Sanction)}
            data-testid="sanction-kind"
          >
            {SANCTIONS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Player number (empty for the team)
          <input
            inputMode="numeric"
            value={player}
            onChange={(e) => setPlayer(e.target.value)}
            data-testid="sanction-player"
          />
        </label>
        <button
          type="button"
          className="action-button"
          data-testid="record-sanction"
          onClick={() => {
            const number = shirt(player);
            run({
              matchId,
              type: 'sanction',
              payload:
                number === undefined ? { team, sanction } : { team, sanction, player: number },
            });
          }}
        >
          Record sanction for {name(team)}
        </button>
      </fieldset>

      {indoor && (
        <fieldset className="sheet-group">
          <legend>Substitution</legend>
          <div className="sheet-row">
            <label className="field">
              Player out
              <input
                inputMode="numeric"
                value={playerOut}
                onChange={(e) => setPlayerOut(e.target.value)}
                data-testid="sub-out"
              />
            </label>
            <label className="field">
              Player in
              <input
                inputMode="numeric"
                value={playerIn}
                onChange={(e) => setPlayerIn(e.target.value)}
                data-testid="sub-in"
              />
            </label>
          </div>
          <button
            type="button"
            className="action-button"
            data-testid="record-substitution"
            disabled={shirt(playerOut) === undefined || shirt(playerIn) === undefined}
            onClick={() =>
              run({
                matchId,
                type: 'substitution',
                payload: { team, playerOut: shirt(playerOut) ?? 0, playerIn: shirt(playerIn) ?? 0 },
              })
            }
          >
            Substitute for {name(team)} ({state.substitutionsLeft?.[team] ?? '–'} left)
          </button>
        </fieldset>
      )}

      <fieldset className="sheet-group">
        <legend>First serve of set {state.sets.length}</legend>
        <button
          type="button"
          className="action-button"
          data-testid="record-first-server"
          disabled={setStarted}
          onClick={() => run({ matchId, type: 'first-server', payload: { team } })}
        >
          {name(team)} serves first
        </button>
        {setStarted && <p className="action-note">Only before the set&apos;s first point.</p>}
      </fieldset>
    </dialog>
  );
}
