/** How good the connection is for syncing (F13). */
export type ConnectionQuality = 'excellent' | 'good' | 'poor' | 'offline';

/** Everything the detector knows, as one value. */
export interface ConnectivitySnapshot {
  /** The browser's flag (navigator.onLine and its events). */
  online: boolean;
  /** The last probe's answer; undefined before the first. */
  reachable?: boolean;
  /** Round trip of the last successful probe (ms). */
  probeRttMs?: number;
  lastProbeAt?: number;
  type?: string;
  effectiveType?: string;
  /** The Network Information API's estimate (ms). */
  rtt?: number;
  /** Mbit/s. */
  downlink?: number;
  /** 0…1; undefined without the Battery API. */
  batteryLevel?: number;
  charging?: boolean;
  quality: ConnectionQuality;
}

/** Whether a sync may run now, and whether only urgent work may go. */
export interface SyncVerdict {
  may: boolean;
  urgentOnly: boolean;
  reason?: 'offline' | 'disabled' | 'not-charging' | 'low-battery';
}

/** The quality from the raw readings (pure). */
export function deriveQuality(s: Omit<ConnectivitySnapshot, 'quality'>): ConnectionQuality {
  if (!s.online || s.reachable === false) return 'offline';
  const rtt = s.probeRttMs ?? s.rtt;
  const slowType = s.effectiveType === 'slow-2g' || s.effectiveType === '2g';
  if (
    slowType ||
    (rtt !== undefined && rtt > 800) ||
    (s.downlink !== undefined && s.downlink < 0.5)
  )
    return 'poor';
  const fastType = s.effectiveType === undefined || s.effectiveType === '4g';
  const fastLink = s.downlink === undefined || s.downlink >= 2;
  if (fastType && fastLink && rtt !== undefined && rtt <= 150) return 'excellent';
  return 'good';
}
