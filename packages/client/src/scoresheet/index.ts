/** Scoresheet of a match (F6): the printable sheet's data and its CSV. */
export {
  buildScoresheet,
  type Scoresheet,
  type SheetEntry,
  type SheetMatch,
  type SheetPoint,
  type SheetSet,
  type TimedAction,
} from './build-scoresheet';
export { scoresheetCsv, csvField, CSV_COLUMNS } from './scoresheet-csv';
export { loadScoresheet } from './load-scoresheet';
export { describeAction, actionTeam, actionDetail, type TeamNames } from './describe-action';
