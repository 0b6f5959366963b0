import type { Op } from '@courtsync/protocol';

/** What an op did, in the scorekeeper's words. */
export function describeOp(entry: Op, teamA = 'Team A', teamB = 'Team B'): string {
  const name = (team: 'A' | 'B') => (team === 'A' ? teamA : teamB);
  switch (entry.type) {
    case 'undo':
      return 'Undo';
    case 'rally':
      return `Point ${name(entry.payload.winner)}`;
    case 'timeout':
      return `Timeout ${name(entry.payload.team)}`;
    case 'substitution':
      return `Substitution ${name(entry.payload.team)}: ${entry.payload.playerIn} for ${entry.payload.playerOut}`;
    case 'sanction':
      return `Sanction ${name(entry.payload.team)}: ${entry.payload.sanction}`;
    case 'first-server':
      return `First serve ${name(entry.payload.team)}`;
    case 'correction':
      return `Score correction ${entry.payload.sets.map((set) => `${set.a}-${set.b}`).join(', ')}`;
  }
}
