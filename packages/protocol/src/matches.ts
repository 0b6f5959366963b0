import { z } from 'zod/mini';
import type { MatchState } from '@courtsync/scoring';
import {
  countSchema,
  entityIdSchema,
  isoTimeSchema,
  positiveIntSchema,
  uniqueIdSchema,
} from './ids';
import {
  matchFormatSchema,
  opTypeSchema,
  playerNumberSchema,
  sanctionSchema,
  teamSchema,
} from './ops';

const setScoreSchema = z.object({
  a: countSchema,
  b: countSchema,
  winner: z.optional(teamSchema),
});

const teamCountsSchema = z.object({ A: countSchema, B: countSchema });
const scoreAtSchema = z.object({ a: countSchema, b: countSchema });

const setDetailSchema = z.object({
  firstServer: teamSchema,
  startLeft: teamSchema,
  timeouts: z.array(z.object({ team: teamSchema, at: scoreAtSchema })),
  substitutions: z.array(
    z.object({
      team: teamSchema,
      playerOut: playerNumberSchema,
      playerIn: playerNumberSchema,
      at: scoreAtSchema,
    }),
  ),
  corrected: z.boolean(),
});

const sanctionRecordSchema = z.object({
  team: teamSchema,
  sanction: sanctionSchema,
  player: z.optional(playerNumberSchema),
  set: positiveIntSchema,
  at: scoreAtSchema,
});

/**
 * Wire form of `@courtsync/scoring`'s MatchState. The scoreboard details are optional: states
 * stored before the full rules (F3) carry the score only.
 */
export const matchStateSchema = z.object({
  format: matchFormatSchema,
  sets: z.array(setScoreSchema),
  setsWon: z.object({ A: z.int(), B: z.int() }),
  winner: z.optional(teamSchema),
  serving: teamSchema,
  rallies: countSchema,
  set: z.optional(positiveIntSchema),
  sides: z.optional(z.object({ left: teamSchema, right: teamSchema })),
  timeoutsLeft: z.optional(teamCountsSchema),
  substitutionsLeft: z.optional(teamCountsSchema),
  sanctions: z.optional(z.array(sanctionRecordSchema)),
  technicalTimeoutDue: z.optional(z.boolean()),
  sideSwitchDue: z.optional(z.boolean()),
  setDetails: z.optional(z.array(setDetailSchema)),
  actions: z.optional(countSchema),
}) satisfies z.ZodMiniType<MatchState>;

export const matchStatusSchema = z.enum(['scheduled', 'live', 'finished']);

/** A match as listed and as shown to the scorekeeper. */
export const matchViewSchema = z.object({
  id: entityIdSchema,
  tournamentId: entityIdSchema,
  format: matchFormatSchema,
  teamA: z.string(),
  teamB: z.string(),
  court: z.string(),
  scheduledAt: isoTimeSchema,
  status: matchStatusSchema,
  state: matchStateSchema,
  eventCount: countSchema,
  version: countSchema,
  updatedAt: isoTimeSchema,
});
export type MatchView = z.infer<typeof matchViewSchema>;

/** What every applied op carries on the wire, in a match's log and in the change feed. */
export const appliedOpSchema = z.object({
  opId: uniqueIdSchema,
  clientId: uniqueIdSchema,
  seq: positiveIntSchema,
  type: opTypeSchema,
  payload: z.record(z.string(), z.unknown()),
  clientTime: isoTimeSchema,
  serverTime: isoTimeSchema,
});
export type AppliedOp = z.infer<typeof appliedOpSchema>;

/** One applied op in a match's server-side event log (`position`: its place in the match). */
export const matchEventSchema = z.extend(appliedOpSchema, { position: positiveIntSchema });
export type MatchEvent = z.infer<typeof matchEventSchema>;

export const matchEventsResponseSchema = z.object({
  matchId: entityIdSchema,
  events: z.array(matchEventSchema),
});
export type MatchEventsResponse = z.infer<typeof matchEventsResponseSchema>;

export const tournamentViewSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  location: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  matches: z.array(matchViewSchema),
});
export type TournamentView = z.infer<typeof tournamentViewSchema>;

export const tournamentListResponseSchema = z.object({
  tournaments: z.array(tournamentViewSchema),
});
export type TournamentListResponse = z.infer<typeof tournamentListResponseSchema>;
