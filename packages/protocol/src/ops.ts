import { z } from 'zod/mini';
import { entityIdSchema, isoTimeSchema, positiveIntSchema, uniqueIdSchema } from './ids';

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

/** Every op a scorekeeper's device can push. */
export const opSchema = z.discriminatedUnion('type', [rallyOpSchema, undoOpSchema]);

export type Op = z.infer<typeof opSchema>;
export type OpType = Op['type'];
export type OpIdentity = z.infer<typeof opIdentitySchema>;
