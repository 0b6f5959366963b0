export type {
  Team,
  MatchFormat,
  ScoringEvent,
  SetScore,
  MatchState,
  ScoringErrorCode,
} from './types';
export type { FormatRules } from './format-rules';
export { replay, MatchReplayer, ScoringError, FORMAT_RULES } from './replay';
