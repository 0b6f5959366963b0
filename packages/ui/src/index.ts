export { ScorekeeperScreen } from './scorekeeper-screen';
export { Scoreboard, type ScoreboardProps } from './scoreboard';
export { ScoreControls, type ScoreControlsProps } from './score-controls';
export { SyncBadge, type SyncBadgeProps } from './sync-badge';
export { useObservable, type Subscribable } from './use-observable';
export { useOnline } from './use-online';
export { useQueueStats } from './use-queue-stats';
export { useSyncStatus, connectSyncStatus, type SyncStatus } from './sync-status-store';
export { TournamentList } from './tournament-list';
