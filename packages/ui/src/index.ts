export { Notices, notifyError, notifyInfo, notifySuccess } from './notices';
export { ScorekeeperScreen } from './scorekeeper-screen';
export { Scoreboard, type ScoreboardProps } from './scoreboard';
export { ScoreControls, type ScoreControlsProps } from './score-controls';
export { SyncBadge, type SyncBadgeProps } from './sync-badge';
export { useObservable, type Subscribable } from './use-observable';
export { useOnline } from './use-online';
export { useQueueStats } from './use-queue-stats';
export { useSyncStatus, connectSyncStatus, type SyncStatus } from './sync-status-store';
export { TournamentList } from './tournament-list';
export { FailedOpsPanel, type FailedOpsPanelProps } from './failed-ops-panel';
export { SyncBlockBanner, type SyncBlockBannerProps } from './sync-block-banner';
export { LiveBoard } from './live-board';
export { DuePrompts, duePrompts, type DuePrompt } from './due-prompts';
export { courtOrder } from './scoreboard';
export { LoginForm } from './login-form';
export { SessionBadge } from './session-badge';
export { ClaimBar } from './claim-bar';
export { AdminPanel } from './admin-panel';
export { CoverageToggle } from './coverage-toggle';
export {
  SyncProgressIndicator,
  indicatorStatus,
  type SyncProgressIndicatorProps,
  type SyncIndicatorData,
} from './sync-progress-indicator';
export { NavSyncIndicator } from './nav-sync-indicator';
export { SyncPage } from './sync-page';
export { SyncQueueTab, type SyncQueueTabProps } from './sync-queue-tab';
export { PriorityViewTab, type PriorityViewTabProps } from './priority-view-tab';
export { PriorityRulesTab, type PriorityRulesTabProps } from './priority-rules-tab';
export { useBackgroundSyncView, syncRatePerMinute } from './background-sync-store';
export { SyncToasts } from './sync-toasts';
