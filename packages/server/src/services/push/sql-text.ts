/**
 * Values written into SQL text. The push sends its statements as text so that several of them
 * travel in one round trip (the simple query protocol takes no parameters), see
 * push-session.ts. Only these helpers may put a value into such a statement.
 */

/**
 * A string as an SQL literal. `E'…'` with backslashes and quotes doubled reads the same
 * whatever `standard_conforming_strings` says; a NUL would cut the statement short in the
 * protocol, so it is refused (validated ids never hold one; JSON escapes it).
 */
export function literal(text: string): string {
  if (text.includes('\u0000')) throw new Error('SQL literal with a NUL character');
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A value as a jsonb literal (JSON.stringify escapes every control character). */
export function jsonLiteral(value: unknown): string {
  return `${literal(JSON.stringify(value))}::jsonb`;
}

/** A non-empty list of strings for `in (…)`. */
export function literalList(values: Iterable<string>): string {
  const items = [...values].map(literal);
  if (items.length === 0) throw new Error('SQL list without items');
  return items.join(', ');
}

/** A moment as a timestamptz literal. */
export function timeLiteral(at: Date): string {
  return `${literal(at.toISOString())}::timestamptz`;
}
