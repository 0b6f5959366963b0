import { z } from 'zod/mini';
import {
  countSchema,
  entityIdSchema,
  isoTimeSchema,
  positiveIntSchema,
  uniqueIdSchema,
} from './ids';

export const teamSchema = z.enum(['A', 'B']);
export const matchFormatSchema = z.enum(['indoor', 'beach']);

/** What identifies an op for exactly-once delivery: enough to answer it even if the rest is bad. */
export const opIdentitySchema = z.object({
  opId: uniqueIdSchema,
  clientId: uniqueIdSchema,
  seq: positiveIntSchema,
});

const opBase = z.extend(opIdentitySchema, {
  matchId: entityIdSchema,
  clientTime: isoTimeSchema,
});

/** A rally won by `winner`. */
export const rallyOpSchema = z.extend(opBase, {
  type: z.literal('rally'),
  payload: z.strictObject({ winner: teamSchema }),
});

/**
 * Undo of one action. With `target` (the opId of the action to take back) it removes exactly
 * that action from the match's effective log, wherever it now stands; without it (clients
 * before F42) it takes back the last action in effect.
 */
export const undoOpSchema = z.extend(opBase, {
  type: z.literal('undo'),
  payload: z.strictObject({ target: z.optional(uniqueIdSchema) }),
});

/** A shirt number (FIVB 4.3.3: players are numbered 1 to 99). */
export const playerNumberSchema = z.int().check(z.minimum(1), z.maximum(99));

/** A team timeout in the current set. */
export const timeoutOpSchema = z.extend(opBase, {
  type: z.literal('timeout'),
  payload: z.strictObject({ team: teamSchema }),
});

/** An indoor substitution: `playerIn` replaces `playerOut` on court. */
export const substitutionOpSchema = z.extend(opBase, {
  type: z.literal('substitution'),
  payload: z.strictObject({
    team: teamSchema,
    playerOut: playerNumberSchema,
    playerIn: playerNumberSchema,
  }),
});

export const sanctionSchema = z.enum(['warning', 'penalty', 'expulsion', 'disqualification']);

/** A sanction to a team (or one of its players); a penalty is a point to the opponent. */
export const sanctionOpSchema = z.extend(opBase, {
  type: z.literal('sanction'),
  payload: z.strictObject({
    team: teamSchema,
    sanction: sanctionSchema,
    player: z.optional(playerNumberSchema),
  }),
});

/** Who serves first in the current set (the toss), and optionally who starts on the left. */
export const firstServerOpSchema = z.extend(opBase, {
  type: z.literal('first-server'),
  payload: z.strictObject({ team: teamSchema, left: z.optional(teamSchema) }),
});

/** Most sets a correction can name (indoor is best of 5). */
export const MAX_CORRECTED_SETS = 5;

/** Points of one set in an official's correction. */
export const correctedSetSchema = z.strictObject({ a: countSchema, b: countSchema });

/** An official's correction: the match's sets become exactly `sets`, set 1 first (F41). */
export const correctionOpSchema = z.extend(opBase, {
  type: z.literal('correction'),
  payload: z.strictObject({
    sets: z.array(correctedSetSchema).check(z.minLength(1), z.maxLength(MAX_CORRECTED_SETS)),
  }),
});

/** Every op a scorekeeper's device (or an official) can push. */
export const opSchema = z.discriminatedUnion('type', [
  rallyOpSchema,
  undoOpSchema,
  timeoutOpSchema,
  substitutionOpSchema,
  sanctionOpSchema,
  firstServerOpSchema,
  correctionOpSchema,
]);

/** The type of every op, in the order of `opSchema`. */
export const OP_TYPES = [
  'rally',
  'undo',
  'timeout',
  'substitution',
  'sanction',
  'first-server',
  'correction',
] as const;
export const opTypeSchema = z.enum(OP_TYPES);

export type Op = z.infer<typeof opSchema>;
export type OpType = Op['type'];
export type OpIdentity = z.infer<typeof opIdentitySchema>;
