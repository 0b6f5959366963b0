import type { LoggedAction } from '@courtsync/protocol';
import type { Team } from '@courtsync/scoring';

/** The team names a description uses. */
export interface TeamNames {
  teamA: string;
  teamB: string;
}

/** The team an action is about (the rally's winner, the timeout's team…), if any. */
export function actionTeam(action: LoggedAction): Team | undefined {
  const p = action.payload as { winner?: unknown; team?: unknown };
  const team = action.type === 'rally' ? p.winner : p.team;
  return team === 'A' || team === 'B' ? team : undefined;
}

/** The action's own details without the team (players, sanction, corrected sets). */
export function actionDetail(action: LoggedAction): string {
  const p = action.payload as Record<string, unknown>;
  switch (action.type) {
    case 'substitution':
      return `#${String(p.playerIn)} in for #${String(p.playerOut)}`;
    case 'sanction':
      return p.player === undefined
        ? String(p.sanction)
        : `${String(p.sanction)} #${String(p.player)}`;
    case 'first-server':
      return p.left ? `starts left: ${String(p.left)}` : '';
    case 'correction':
      return Array.isArray(p.sets)
        ? (p.sets as { a: number; b: number }[]).map((s) => `${s.a}-${s.b}`).join(', ')
        : '';
    case 'undo':
      return typeof p.target === 'string' ? `of ${p.target}` : 'of the last action';
    default:
      return '';
  }
}

const VERB: Record<LoggedAction['type'], string> = {
  rally: 'Point',
  undo: 'Undo',
  timeout: 'Timeout',
  substitution: 'Substitution',
  sanction: 'Sanction',
  'first-server': 'First serve',
  correction: 'Score correction',
};

/** One line for people: "Point Lakeside Lions", "Sanction Harbor Hawks: warning #7". */
export function describeAction(action: LoggedAction, names: TeamNames): string {
  const team = actionTeam(action);
  const who = team === undefined ? '' : ` ${team === 'A' ? names.teamA : names.teamB}`;
  const detail = action.type === 'undo' ? '' : actionDetail(action);
  return `${VERB[action.type]}${who}${detail ? `: ${detail}` : ''}`;
}
