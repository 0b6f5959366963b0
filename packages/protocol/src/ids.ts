import { z } from 'zod/mini';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Op and client ids are ULIDs or UUIDs (DESIGN.md wire rules). */
export const uniqueIdSchema = z
  .string()
  .check(z.refine((s) => ULID.test(s) || UUID.test(s), { error: 'must be a ULID or a UUID' }));

/** Match and tournament ids: short opaque strings chosen by the server. */
export const entityIdSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only'),
  );

/** ISO-8601 UTC timestamp, e.g. 2026-11-22T10:00:00.000Z. */
export const isoTimeSchema = z.iso.datetime();

/** A whole number ≥ 1 (sequence numbers, positions, versions). */
export const positiveIntSchema = z.int().check(z.positive());

/** A whole number ≥ 0 (scores, counts). */
export const countSchema = z.int().check(z.nonnegative());
