import { z } from 'zod';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Op and client ids are ULIDs or UUIDs (DESIGN.md wire rules). */
export const uniqueIdSchema = z
  .string()
  .refine((s) => ULID.test(s) || UUID.test(s), { message: 'must be a ULID or a UUID' });

/** Match and tournament ids: short opaque strings chosen by the server. */
export const entityIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

/** ISO-8601 UTC timestamp, e.g. 2026-11-22T10:00:00.000Z. */
export const isoTimeSchema = z.iso.datetime();
