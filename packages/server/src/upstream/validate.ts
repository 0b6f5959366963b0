import type { z } from 'zod';
import { SyncError } from './errors';

/** Parses provider data with a zod schema; a mismatch is a VALIDATION error naming `what`. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new SyncError('VALIDATION', `${what}: ${issue?.message ?? 'invalid'}${where}`);
}
