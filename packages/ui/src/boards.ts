/**
 * Tournament screens (F3 screens, F20): the court list and the spectators' live boards. An
 * entry of its own so the scorekeeper page's first load does not carry them.
 */
export { TournamentCourts, courtBoardPath } from './tournament-courts';
export { TournamentLiveBoard } from './tournament-live-board';
export { CourtLiveBoard } from './court-live-board';
export {
  groupByCourt,
  useTournamentMatches,
  type BoardMatch,
  type CourtMatches,
} from './use-tournament-matches';
