import { z } from 'zod/mini';
import { isoTimeSchema, positiveIntSchema, uniqueIdSchema } from './ids';
import { opSchema } from './ops';

/** Most ops one push may carry; the client batches below this. */
export const MAX_OPS_PER_PUSH = 500;
/** Largest push body in bytes; larger bodies get 413 PAYLOAD_TOO_LARGE. */
export const MAX_PUSH_BYTES = 1024 * 1024;

/** The push body as the client sends it. */
export const pushRequestSchema = z.object({
  ops: z.array(opSchema).check(z.minLength(1), z.maxLength(MAX_OPS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * The push body as the server first reads it: a list of objects. Each op is then parsed on
 * its own so one bad op is rejected alone and the rest of the batch still applies.
 */
export const pushEnvelopeSchema = z.object({
  ops: z.array(z.looseObject({})).check(z.minLength(1), z.maxLength(MAX_OPS_PER_PUSH)),
});

/** Why one op was refused; the op is kept by the client as *failed* with this reason. */
export const rejectCodeSchema = z.enum([
  'INVALID_OP',
  'UNKNOWN_MATCH',
  'MATCH_FINISHED',
  'NOTHING_TO_UNDO',
  // Refusals by the scoring rules (F3), one per rule: see ScoringErrorCode.
  'TIMEOUTS_EXHAUSTED',
  'SUBSTITUTIONS_EXHAUSTED',
  'SUBSTITUTIONS_NOT_ALLOWED',
  'ILLEGAL_SUBSTITUTION',
  'PLAYER_EXCLUDED',
  'WARNING_ALREADY_GIVEN',
  'SET_ALREADY_STARTED',
  'INVALID_CORRECTION',
  'OUT_OF_ORDER',
  'SEQ_REUSED',
  'OP_ID_REUSED',
  // F4: the pushing user does not hold the match's claim; the op is kept in the server's
  // review list for an admin to accept into the match or dismiss.
  'CLAIM_NOT_HELD',
  // An earlier op of the same match in this push was refused: this one is kept back (not
  // applied) so the match's order holds; the client keeps it pending behind the failed op.
  'HELD',
]);
export type RejectCode = z.infer<typeof rejectCodeSchema>;

const resultBase = z.object({ opId: uniqueIdSchema, seq: positiveIntSchema });

/** The server's verdict on one op, in the order of the request. */
export const opResultSchema = z.discriminatedUnion('status', [
  z.extend(resultBase, { status: z.literal('applied'), version: positiveIntSchema }),
  z.extend(resultBase, { status: z.literal('duplicate') }),
  z.extend(resultBase, {
    status: z.literal('rejected'),
    code: rejectCodeSchema,
    message: z.string(),
  }),
]);
export type OpResult = z.infer<typeof opResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(opResultSchema),
  serverTime: isoTimeSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
