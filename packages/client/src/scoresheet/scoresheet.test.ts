import type { LoggedAction } from '@courtsync/protocol';
import { buildScoresheet, type SheetMatch, type TimedAction } from './build-scoresheet';
import { CSV_COLUMNS, csvField, scoresheetCsv } from './scoresheet-csv';

const MATCH: SheetMatch = {
  id: 'm1',
  tournamentId: 't1',
  format: 'beach',
  teamA: 'Keller, "K" / Brunner',
  teamB: 'Dubois / Martin',
  court: 'Center Court',
  scheduledAt: '2026-11-22T09:00:00.000Z',
};

let n = 0;
/** An action at second `n` of the match, with a readable op id. */
function act(type: LoggedAction['type'], payload: Record<string, unknown>): TimedAction {
  n += 1;
  const id = String(n).padStart(12, '0');
  return {
    opId: `00000000-0000-4000-8000-${id}`,
    clientId: '00000000-0000-4000-8000-00000000abcd',
    type,
    payload,
    clientTime: new Date(Date.UTC(2026, 10, 22, 9, 0, n)).toISOString(),
    serverTime: new Date(Date.UTC(2026, 10, 22, 9, 0, n, 500)).toISOString(),
  };
}
const point = (winner: 'A' | 'B') => act('rally', { winner });

describe('scoresheet (F6)', () => {
  it('sets with their running score, timeouts, sanctions, times; one CSV row per event', () => {
    const log: TimedAction[] = [];
    for (let i = 0; i < 20; i++) log.push(point('A'));
    log.push(act('timeout', { team: 'B' }));
    const wrong = point('B');
    log.push(wrong, act('undo', { target: wrong.opId }));
    log.push(point('A')); // 21-0: set 1 over
    log.push(act('sanction', { team: 'A', sanction: 'warning', player: 1 }));
    log.push(act('sanction', { team: 'A', sanction: 'penalty', player: 1 })); // 0-1 set 2
    for (let i = 0; i < 21; i++) log.push(point('A'));
    const sheet = buildScoresheet(MATCH, log);

    expect(sheet.state.winner).toBe('A');
    expect(sheet.sets.map((s) => [s.number, s.a, s.b, s.winner])).toEqual([
      [1, 21, 0, 'A'],
      [2, 21, 1, 'A'],
    ]);
    const [one, two] = sheet.sets;
    expect(one?.points.map((p) => `${p.a}-${p.b}`)).toEqual(
      Array.from({ length: 21 }, (_, i) => `${i + 1}-0`),
    );
    expect(one?.detail?.timeouts).toEqual([{ team: 'B', at: { a: 20, b: 0 } }]);
    expect(two?.points[0]).toEqual({ team: 'B', a: 0, b: 1, penalty: true });
    expect(two?.points).toHaveLength(22);
    expect(two?.sanctions.map((s) => s.sanction)).toEqual(['warning', 'penalty']);
    expect(one?.startedAt).toBe(log[0]?.serverTime);
    expect(one?.endedAt).toBe(log[23]?.serverTime);
    expect(sheet.startedAt).toBe(log[0]?.serverTime);
    expect(sheet.endedAt).toBe(log[log.length - 1]?.serverTime);

    // Every event is an entry, the undone rally included (not in effect).
    expect(sheet.entries).toHaveLength(log.length);
    const undone = sheet.entries[21];
    expect(undone).toMatchObject({ type: 'rally', team: 'B', inEffect: false, a: 20, b: 1 });
    expect(sheet.entries[22]).toMatchObject({ type: 'undo', inEffect: true, a: 20, b: 0 });

    const lines = scoresheetCsv(sheet).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(log.length + 1);
    expect(lines[1]).toContain('"Keller, ""K"" / Brunner"');
    expect(lines[26]).toContain(
      ',sanction,A,"Keller, ""K"" / Brunner",penalty #1,2,0,1,1,0,true,true,',
    );
  });

  it('a correction replaces the running score of the sets it names', () => {
    const log: TimedAction[] = [point('A'), point('B'), point('B')];
    log.push(
      act('correction', {
        sets: [
          { a: 21, b: 19 },
          { a: 2, b: 3 },
        ],
      }),
    );
    log.push(point('A'));
    const sheet = buildScoresheet(MATCH, log);
    expect(sheet.sets.map((s) => [s.a, s.b, s.detail?.corrected])).toEqual([
      [21, 19, true],
      [3, 3, true],
    ]);
    expect(sheet.sets[0]?.points).toEqual([]);
    expect(sheet.sets[1]?.points).toEqual([{ team: 'A', a: 3, b: 3, penalty: false }]);
    expect(sheet.endedAt).toBeUndefined();
  });

  it('csvField quotes separators and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(undefined)).toBe('');
  });
});
