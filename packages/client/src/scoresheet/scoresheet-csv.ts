import type { Scoresheet, SheetEntry } from './build-scoresheet';

/** Columns of the scoresheet CSV, in order (the header row). */
export const CSV_COLUMNS = [
  'n',
  'op_id',
  'client_id',
  'type',
  'team',
  'team_name',
  'detail',
  'set',
  'score_a',
  'score_b',
  'sets_a',
  'sets_b',
  'counted',
  'in_effect',
  'client_time',
  'server_time',
] as const;

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it with a quote.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(sheet: Scoresheet, e: SheetEntry): string {
  const teamName = e.team === 'A' ? sheet.match.teamA : e.team === 'B' ? sheet.match.teamB : '';
  return [
    e.n,
    e.opId,
    e.clientId,
    e.type,
    e.team,
    teamName,
    e.detail,
    e.set,
    e.a,
    e.b,
    e.setsA,
    e.setsB,
    e.counted,
    e.inEffect,
    e.clientTime,
    e.serverTime,
  ]
    .map(csvField)
    .join(',');
}

/** The scoresheet as CSV: a header row, then one row per event of the match's log (F6). */
export function scoresheetCsv(sheet: Scoresheet): string {
  return [CSV_COLUMNS.join(','), ...sheet.entries.map((e) => row(sheet, e))].join('\r\n') + '\r\n';
}
