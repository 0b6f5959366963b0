// The indicator's state in words and one status, shared by its nav-bar dot and its larger
// variants: the dot is in every page's first load, the rest only on /sync (bench 8a).
import type { ConnectionQuality } from '@courtsync/client';

/** What every variant of the indicator shows. */
export interface SyncIndicatorData {
  quality: ConnectionQuality;
  pending: number;
  failed: number;
  flushing: boolean;
  /** Ops settled / queued in the running flush. */
  done: number;
  total: number;
  etaMs?: number;
  lastSuccessAt?: number;
  lastError?: string;
  /** Why automatic sync holds work back now, if it does. */
  heldBy?: 'disabled' | 'paused' | 'low-battery' | 'not-charging';
}

/** One word for the state: what colour the dot takes. */
export type SyncIndicatorStatus = 'offline' | 'syncing' | 'error' | 'pending' | 'synced';

/** The indicator's status from its data. */
export function indicatorStatus(d: SyncIndicatorData): SyncIndicatorStatus {
  if (d.quality === 'offline') return 'offline';
  if (d.flushing) return 'syncing';
  if (d.failed > 0 || d.lastError) return 'error';
  if (d.pending > 0) return 'pending';
  return 'synced';
}

const LABEL: Record<SyncIndicatorStatus, string> = {
  offline: 'Offline',
  syncing: 'Syncing',
  error: 'Needs attention',
  pending: 'Waiting to sync',
  synced: 'All synced',
};

/** What the indicator says of the state: "Waiting to sync · 3 pending · 1 failed". */
export function indicatorLabel(d: SyncIndicatorData): string {
  const status = indicatorStatus(d);
  return `${LABEL[status]}${d.pending ? ` · ${d.pending} pending` : ''}${
    d.failed ? ` · ${d.failed} failed` : ''
  }`;
}

/** The one word of a status: "All synced". */
export function statusWord(status: SyncIndicatorStatus): string {
  return LABEL[status];
}
