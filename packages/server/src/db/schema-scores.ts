import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { matches } from './schema';

/**
 * Who plays a match and in which division (F41 filters `teamId` and `division`). One row per
 * match, beside `matches` so a provider can fill it without touching the scoring columns; a
 * match without a row reads as no division and team ids made from the names (`teamIdOf`).
 */
export const matchTeams = pgTable(
  'match_teams',
  {
    matchId: text('match_id')
      .primaryKey()
      .references(() => matches.id, { onDelete: 'cascade' }),
    division: text('division'),
    teamAId: text('team_a_id').notNull(),
    teamBId: text('team_b_id').notNull(),
  },
  (t) => [
    index('match_teams_team_a_idx').on(t.teamAId),
    index('match_teams_team_b_idx').on(t.teamBId),
  ],
);
