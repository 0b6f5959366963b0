import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@courtsync/server/test-support';
import { queryRows } from '../../db/raw-rows';
import { jsonLiteral, literal, literalList } from './sql-text';

/** Strings that could end a literal early or change how it is read. */
const TRICKY = [
  '',
  "it's",
  "''",
  'back\\slash',
  "\\'",
  '$',
  '$$',
  '$cs$',
  'a$cs',
  'a$cs$b',
  '$cs$$cs$',
  'cs$',
  'é ✓ \n\t',
  "'); drop table matches; --",
];

describeEachDatabase('SQL text of the push (sql-text.ts)', (get) => {
  it('reads every string back exactly as it was written', async () => {
    const { db } = get();
    for (const text of TRICKY) {
      const [row] = await queryRows<{ v: string }>(db, sql.raw(`select ${literal(text)} as v`));
      expect(row?.v).toBe(text);
    }
  });

  it('reads JSON values and lists back unchanged', async () => {
    const { db } = get();
    const value = { tricky: TRICKY, nested: [{ n: 1, s: "a'b\\c$cs$" }] };
    const [row] = await queryRows<{ v: unknown; n: number }>(
      db,
      sql.raw(
        `select ${jsonLiteral(value)} as v,
          (select count(*)::int from unnest(array[${literalList(TRICKY)}]) as t(s)
            where s in (${literalList(TRICKY)})) as n`,
      ),
    );
    expect(row?.v).toEqual(value);
    expect(row?.n).toBe(TRICKY.length);
  });

  it('refuses a NUL character instead of cutting the statement short', () => {
    expect(() => literal('a\u0000b')).toThrow(/NUL/);
  });
});
