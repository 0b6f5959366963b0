import { z } from 'zod/mini';
import { entityIdSchema, isoTimeSchema, uniqueIdSchema } from './ids';
import { opSchema } from './ops';

/** Default life of a match claim (F4): 3 hours. */
export const DEFAULT_CLAIM_MS = 3 * 60 * 60 * 1000;
/** Longest claim one request may ask for. */
export const MAX_CLAIM_MS = 24 * 60 * 60 * 1000;

/** POST /api/v1/events/:eventId/claims/:matchId body (may be empty). */
export const claimRequestSchema = z.strictObject({ expiresAt: z.optional(isoTimeSchema) });
export type ClaimRequest = z.infer<typeof claimRequestSchema>;

/** POST …/claims/:matchId/handover (admin): give the claim to another scorekeeper. */
export const handoverRequestSchema = z.strictObject({
  userId: entityIdSchema,
  expiresAt: z.optional(isoTimeSchema),
});
export type HandoverRequest = z.infer<typeof handoverRequestSchema>;

/** Who may write a match's score until when. */
export const claimViewSchema = z.object({
  eventId: entityIdSchema,
  matchId: entityIdSchema,
  userId: entityIdSchema,
  userName: z.string(),
  claimedAt: isoTimeSchema,
  expiresAt: isoTimeSchema,
});
export type ClaimView = z.infer<typeof claimViewSchema>;

/** GET …/claims/:matchId: the active claim or null. */
export const claimStatusSchema = z.object({ claim: z.nullable(claimViewSchema) });
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** GET /api/v1/events/:eventId/claims: the active claims of an event. */
export const claimListSchema = z.object({ claims: z.array(claimViewSchema) });
export type ClaimList = z.infer<typeof claimListSchema>;

export const reviewStatusSchema = z.enum(['pending', 'accepted', 'dismissed', 'applied']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

/** An op the server refused for want of a claim, kept for an admin's decision (F4, F18). */
export const reviewOpSchema = z.object({
  op: opSchema,
  eventId: entityIdSchema,
  userId: z.nullable(entityIdSchema),
  userName: z.nullable(z.string()),
  code: z.string(),
  message: z.string(),
  status: reviewStatusSchema,
  receivedAt: isoTimeSchema,
  resolvedAt: z.nullable(isoTimeSchema),
});
export type ReviewOp = z.infer<typeof reviewOpSchema>;

/** GET /api/v1/review?status=&match=. */
export const reviewQuerySchema = z.object({
  status: z.optional(reviewStatusSchema),
  match: z.optional(entityIdSchema),
});
export const reviewListSchema = z.object({ ops: z.array(reviewOpSchema) });
export type ReviewList = z.infer<typeof reviewListSchema>;

/** Path id of a review entry: the refused op's id. */
export const reviewIdSchema = uniqueIdSchema;

/** PUT /api/v1/events/:eventId/coverage-plans (F5): the matches this user follows. */
export const coveragePlanRequestSchema = z.strictObject({
  selectedMatches: z.array(entityIdSchema).check(z.maxLength(500)),
});
export type CoveragePlanRequest = z.infer<typeof coveragePlanRequestSchema>;

export const coveragePlanSchema = z.object({
  eventId: entityIdSchema,
  selectedMatches: z.array(entityIdSchema),
  updatedAt: z.nullable(isoTimeSchema),
});
export type CoveragePlan = z.infer<typeof coveragePlanSchema>;
