import { z } from 'zod/mini';
import {
  countSchema,
  entityIdSchema,
  isoTimeSchema,
  positiveIntSchema,
  uniqueIdSchema,
} from './ids';
import { appliedOpSchema, tournamentViewSchema } from './matches';
import { matchFormatSchema, opSchema } from './ops';

/**
 * The file a device exports and another imports (F6): everything local in plain JSON. It
 * crosses from one device to another, so it is validated like any request. A match's `state`
 * is not trusted on import: it is replayed from the logs in the file.
 */

/** Value of `kind`, so an unrelated JSON file is refused with a clear message. */
export const DEVICE_EXPORT_KIND = 'courtsync-device-export';
/** Format version of the file; a newer file is refused rather than half read. */
export const DEVICE_EXPORT_VERSION = 1;

/** Largest export file a device imports (a season of matches is a few MB). */
export const MAX_DEVICE_EXPORT_BYTES = 50 * 1024 * 1024;

const exportedMatchSchema = z.object({
  id: entityIdSchema,
  tournamentId: entityIdSchema,
  format: matchFormatSchema,
  teamA: z.string(),
  teamB: z.string(),
  court: z.string(),
  scheduledAt: isoTimeSchema,
  state: z.optional(z.unknown()),
  cursor: z.optional(countSchema),
  importedAt: z.optional(z.number()),
});

const exportedConfirmedSchema = z.object({
  matchId: entityIdSchema,
  matchPosition: positiveIntSchema,
  position: positiveIntSchema,
  opId: uniqueIdSchema,
  clientId: uniqueIdSchema,
  type: appliedOpSchema.shape.type,
  payload: z.record(z.string(), z.unknown()),
  clientTime: z.optional(isoTimeSchema),
  serverTime: z.optional(isoTimeSchema),
});

const exportedAckedSchema = z.object({
  opId: uniqueIdSchema,
  matchId: entityIdSchema,
  seq: positiveIntSchema,
  type: appliedOpSchema.shape.type,
  payload: z.record(z.string(), z.unknown()),
});

const opFailureSchema = z.object({ code: z.string(), message: z.string() });

/**
 * An outbox entry: a valid op plus its queue status, the level the scorekeeper gave it and
 * when it was queued (F11: both carry over; its scores are recomputed by the importing device).
 */
const exportedOutboxSchema = z.intersection(
  opSchema,
  z.object({
    status: z.enum(['pending', 'failed']),
    attempts: countSchema,
    lastError: z.optional(opFailureSchema),
    priority: z.optional(z.enum(['high', 'normal', 'low'])),
    queuedAt: z.optional(z.number().check(z.nonnegative())),
  }),
);

const exportedListingSchema = z.object({
  key: z.literal('tournaments'),
  tournaments: z.array(tournamentViewSchema),
  fetchedAt: z.number(),
});

/** The whole export file. */
export const deviceExportSchema = z.object({
  kind: z.literal(DEVICE_EXPORT_KIND),
  version: z.literal(DEVICE_EXPORT_VERSION),
  exportedAt: isoTimeSchema,
  /** The exporting device's client id (its pending ops keep it: the server dedupes by it). */
  clientId: z.optional(uniqueIdSchema),
  matches: z.array(exportedMatchSchema),
  confirmed: z.array(exportedConfirmedSchema),
  acked: z.array(exportedAckedSchema),
  outbox: z.array(exportedOutboxSchema),
  listings: z.array(exportedListingSchema),
});
export type DeviceExport = z.infer<typeof deviceExportSchema>;
