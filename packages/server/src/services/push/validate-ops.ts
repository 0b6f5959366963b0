import { entityIdSchema, opIdentitySchema, opSchema } from '@courtsync/protocol';
import type { Op, OpIdentity } from '@courtsync/protocol';
import { config, type core } from 'zod/mini';
import { en } from 'zod/locales';

// The protocol's schemas use zod/mini so the page and the service worker stay small; mini ships
// no messages, so the server (the one side that explains errors to people) loads English here.
config(en());

/** One issue of a failed validation as sent in `error.details` (path into the request body). */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

/** A push that cannot be answered op by op: some op has no readable opId/clientId/seq. */
export class PushValidationError extends Error {
  /** The issues, with paths from the request body (`ops.3.seq`). */
  readonly issues: ValidationIssue[];

  /** Builds the error from the issues found. */
  constructor(issues: ValidationIssue[]) {
    super(`${issues.length} op(s) without a readable identity (opId, clientId, seq)`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'PushValidationError';
    this.issues = issues;
  }
}

/** The outcome of reading one raw op: fully valid, or only identifiable (then rejected). */
export type ReadOp =
  | { valid: true; op: Op }
  | { valid: false; identity: OpIdentity; message: string; matchId?: string };

/** zod issues as plain `{path, message}` objects, paths prefixed (e.g. with `['ops', 3]`). */
export function toIssues(
  error: core.$ZodError,
  prefix: (string | number)[] = [],
): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
  }));
}

/** One readable line for people: `payload.winner: Invalid option…; clientTime: Invalid…`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/**
 * Reads every op of a push in one pass. An op that fails `opSchema` but has an identity is
 * kept as invalid (answered INVALID_OP); without an identity there is nothing to answer
 * with, so the whole push is refused with PushValidationError listing every such op.
 */
export function readOps(rawOps: readonly unknown[]): ReadOp[] {
  const unidentifiable: ValidationIssue[] = [];
  const read = rawOps.map((raw, index): ReadOp | undefined => {
    const parsed = opSchema.safeParse(raw);
    if (parsed.success) return { valid: true, op: parsed.data };
    const identity = opIdentitySchema.safeParse(raw);
    if (!identity.success) {
      unidentifiable.push(...toIssues(identity.error, ['ops', index]));
      return undefined;
    }
    const message = `Invalid op: ${describeIssues(toIssues(parsed.error))}`;
    // Kept when readable: the client's later ops of that match are then held behind this one.
    const matchId = entityIdSchema.safeParse((raw as { matchId?: unknown }).matchId);
    return {
      valid: false,
      identity: identity.data,
      message,
      ...(matchId.success ? { matchId: matchId.data } : {}),
    };
  });
  if (unidentifiable.length > 0) throw new PushValidationError(unidentifiable);
  return read as ReadOp[];
}
