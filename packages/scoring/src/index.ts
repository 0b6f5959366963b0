export type {
  Team,
  MatchFormat,
  Sanction,
  CorrectedSet,
  ScoringEvent,
  ScoringEventType,
  SetScore,
  TeamCounts,
  ScoreAt,
  TimeoutRecord,
  SubstitutionRecord,
  SanctionRecord,
  SetDetail,
  MatchDetails,
  MatchState,
  FullMatchState,
  ScoringErrorCode,
} from './types';
export type { FormatRules } from './format-rules';
export type { PlayRules } from './play-rules';
export { PLAY_RULES } from './play-rules';
export { replay, replayFull, MatchReplayer, ScoringError, FORMAT_RULES } from './replay';
