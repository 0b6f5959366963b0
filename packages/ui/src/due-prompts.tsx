'use client';

import { useEffect, useMemo, useState } from 'react';
import type { MatchState, Team } from '@courtsync/scoring';

/** Something the scorekeeper must act on before the next rally. */
export interface DuePrompt {
  kind: 'technical-timeout' | 'side-switch' | 'set-over';
  /** Identifies this occurrence (kind, set, score), so a dismissed one does not come back. */
  key: string;
  title: string;
  text: string;
}

/** The prompts a state calls for, most urgent first (derived: an undo takes them away). */
export function duePrompts(state: MatchState, teamA: string, teamB: string): DuePrompt[] {
  if (state.winner) return [];
  const set = state.sets.length;
  const current = state.sets[set - 1] ?? { a: 0, b: 0 };
  const at = `${set}:${current.a}-${current.b}`;
  const name = (team: Team) => (team === 'A' ? teamA : teamB);
  const prompts: DuePrompt[] = [];
  const previous = state.sets[set - 2];
  if (previous?.winner && current.a === 0 && current.b === 0) {
    prompts.push({
      kind: 'set-over',
      key: `set-over:${at}`,
      title: `Set ${set - 1} to ${name(previous.winner)}, ${previous.a}-${previous.b}`,
      text: `Teams change sides. Set ${set}: ${name(state.serving)} serves first unless the toss says otherwise (More → First serve).`,
    });
  }
  if (state.technicalTimeoutDue) {
    prompts.push({
      kind: 'technical-timeout',
      key: `technical-timeout:${at}`,
      title: `Technical timeout · ${current.a}-${current.b}`,
      text: `${current.a + current.b} points played: 30-second technical timeout now.`,
    });
  }
  if (state.sideSwitchDue) {
    const left = state.sides?.left ?? 'A';
    prompts.push({
      kind: 'side-switch',
      key: `side-switch:${at}`,
      title: `Switch sides · ${current.a}-${current.b}`,
      text: `Teams change sides now: ${name(left)} on the left. The buttons have moved with them.`,
    });
  }
  return prompts;
}

/** Vibrates once when a new prompt appears (where the device can), so it is felt, not only seen. */
function useBuzz(keys: string): void {
  useEffect(() => {
    if (keys) globalThis.navigator?.vibrate?.([120, 60, 120]);
  }, [keys]);
}

/**
 * The prompts that must not be missed (technical timeout, side switch, set over): a large
 * high-contrast banner over the score (it names the score itself), announced to screen
 * readers and felt as a vibration, each with a button that confirms it. The point buttons and
 * the sync status stay free: a rally tapped without confirming moves on (a prompt is for one
 * score only).
 */
export function DuePrompts({
  state,
  teamA,
  teamB,
}: {
  state: MatchState;
  teamA: string;
  teamB: string;
}) {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const prompts = useMemo(
    () => duePrompts(state, teamA, teamB).filter((p) => !done.has(p.key)),
    [state, teamA, teamB, done],
  );
  useBuzz(prompts.map((p) => p.key).join('|'));
  if (prompts.length === 0) return null;
  return (
    <div className="due-prompts" role="alert" data-testid="due-prompts">
      {prompts.map((p) => (
        <section
          key={p.key}
          className={`due-prompt prompt-${p.kind}`}
          data-testid={`prompt-${p.kind}`}
          data-key={p.key}
          aria-label={p.title}
        >
          <div>
            <p className="due-title">{p.title}</p>
            <p className="due-text">{p.text}</p>
          </div>
          <button
            type="button"
            className="due-done"
            data-testid={`prompt-done-${p.kind}`}
            onClick={() => setDone((d) => new Set(d).add(p.key))}
          >
            Done
          </button>
        </section>
      ))}
    </div>
  );
}
