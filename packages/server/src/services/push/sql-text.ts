/**
 * Values written into SQL text. The push sends its statements as text so that several of them
 * travel in one round trip (the simple query protocol takes no parameters), see
 * push-session.ts. Only these helpers may put a value into such a statement.
 */

/** Tag of dollar-quoted literals; a text holding it is written with `E'…'` instead. */
const TAG = '$cs$';

/**
 * A string as an SQL literal. Dollar quoting needs no escaping (a push's JSON is tens of KB:
 * no copy to double its quotes) and reads the same whatever `standard_conforming_strings`
 * says, as does the `E'…'` fallback with backslashes and quotes doubled. A NUL would cut the
 * statement short in the protocol, so it is refused (validated ids never hold one; JSON
 * escapes it).
 */
export function literal(text: string): string {
  if (text.includes('\u0000')) throw new Error('SQL literal with a NUL character');
  // `+ '$'`: a text ending in "$cs" would otherwise close early on the tag's first "$".
  if (!`${text}$`.includes(TAG)) return `${TAG}${text}${TAG}`;
  return `E'${text.replace(/[\\']/g, (c) => c + c)}'`;
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
