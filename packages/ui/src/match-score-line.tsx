import type { BoardMatch } from './use-tournament-matches';

/** "21-17, 12-10" — every set of a match, or the start time while it is scheduled. */
export function scoreLine(m: BoardMatch): string {
  if (m.status === 'scheduled') {
    return new Date(m.scheduledAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
  return m.state.sets.map((s) => `${s.a}-${s.b}`).join(', ');
}

/** A match's status as a word a spectator reads at a glance. */
export function StatusTag({ status }: { status: BoardMatch['status'] }) {
  const label = status === 'live' ? 'Live' : status === 'scheduled' ? 'Next' : 'Final';
  return <span className={`status-tag status-${status}`}>{label}</span>;
}
