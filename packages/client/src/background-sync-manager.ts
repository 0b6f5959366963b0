import type { BackgroundState, SyncSettings } from '@courtsync/protocol';
import { backgroundApi, type BackgroundApi } from './background-api';
import { ensureClientId } from './client-identity';
import type { ConnectivityDetector } from './connectivity-detector';
import type { ConnectivitySnapshot, SyncVerdict } from './connectivity-quality';
import type { CourtSyncDb } from './courtsync-db';
import { writeDeviceConditions } from './device-conditions';
import type { FlushOptions, FlushResult } from './flush';
import { flushOnDemand, sendFlushReportsOnDemand } from './flush-on-demand';
import { hasSyncWork } from './outbox-batch';
import { rescoreOutbox } from './outbox-rescore';
import {
  hasOwnSettings,
  readBackgroundState,
  readSettings,
  writeBackgroundState,
  writeSettings,
} from './sync-settings';

/** What the manager needs; injected so tests run it on fakes and fake timers. */
export interface BackgroundSyncDeps {
  db: CourtSyncDb;
  fetch: typeof fetch;
  detector: ConnectivityDetector;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  /** Extra flush options (lock, URLs, batch size) for tests and the worker-less fallback. */
  flushOptions?: Partial<FlushOptions>;
  /** The background-sync API; default over `fetch` for this device's client id. */
  api?: (clientId: string) => BackgroundApi;
}

/** The manager's state, as the indicator and the /sync page show it. */
export interface BackgroundSyncState {
  connectivity: ConnectivitySnapshot;
  settings: SyncSettings;
  /** The server's pause / resume of this device. */
  serverState: BackgroundState;
  verdict: SyncVerdict;
  running: boolean;
  lastResult?: FlushResult;
  /** When a flush last drained everything it was allowed to send (ms since the epoch). */
  lastSuccessAt?: number;
  lastError?: string;
}

/** How long after start the manager asks the server for this device's pause state and settings. */
export const STATUS_DELAY_MS = 3_000;

/**
 * Background sync with priorities and settings (F11, F14) for an open app: runs the flush on
 * an interval (syncIntervalMinutes, rescoring first so age rules apply), when the connection
 * comes back or charging starts, and on "Sync now", which overrides every rule. Keeps the
 * battery snapshot for the service worker, mirrors settings and pause to the server (F23) and
 * sends flush reports (F24) after flushes, never inside one.
 */
export class BackgroundSyncManager {
  private current: BackgroundSyncState;
  private readonly listeners = new Set<(s: BackgroundSyncState) => void>();
  private intervalTimer: unknown;
  private statusTimer: unknown;
  private unsubscribeDetector?: () => void;
  private clientId?: string;
  private stopped = false;
  private lastBattery = '';

  /** A manager over `deps`; call `start()`. */
  constructor(
    private readonly deps: BackgroundSyncDeps,
    settings: SyncSettings,
  ) {
    const connectivity = deps.detector.snapshot;
    this.current = {
      connectivity,
      settings,
      serverState: 'active',
      verdict: deps.detector.verdict(settings),
      running: false,
    };
  }

  /** The latest state. */
  get state(): BackgroundSyncState {
    return this.current;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (s: BackgroundSyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads settings, starts the detector and the interval, asks the server for this device. */
  async start(): Promise<void> {
    const { db, detector } = this.deps;
    const [settings, serverState] = await Promise.all([readSettings(db), readBackgroundState(db)]);
    this.update({ settings, serverState });
    this.unsubscribeDetector = detector.subscribe((c) => this.onConnectivity(c));
    await detector.start();
    this.onConnectivity(detector.snapshot);
    this.scheduleInterval();
    // Not at once: the manager starts when a tap has just made work, and that tap's push (and the
    // spectators' pulls it sets off) must not queue behind this request on the server.
    this.statusTimer = this.deps.setTimeout(() => {
      this.statusTimer = undefined;
      void this.pullServerStatus();
    }, STATUS_DELAY_MS);
  }

  /** Stops timers and listeners (a flush under way finishes on its own). */
  stop(): void {
    this.stopped = true;
    this.unsubscribeDetector?.();
    this.deps.detector.stop();
    if (this.intervalTimer !== undefined) this.deps.clearTimeout(this.intervalTimer);
    if (this.statusTimer !== undefined) this.deps.clearTimeout(this.statusTimer);
  }

  /**
   * An automatic run: skipped when offline or off, and when there is nothing to send, confirm
   * or report; the flush applies pause and battery rules.
   */
  async runAuto(): Promise<FlushResult | undefined> {
    const verdict = this.deps.detector.verdict(this.current.settings);
    this.update({ verdict });
    if (!verdict.may || !(await hasSyncWork(this.deps.db))) return undefined;
    return this.run('auto');
  }

  /** "Sync now": rescore, then send everything whatever the settings say (F14). */
  async syncNow(): Promise<FlushResult> {
    await rescoreOutbox(this.deps.db);
    void this.api().then((api) => api?.start().catch(() => undefined));
    return this.run('now');
  }

  /** Stores new settings (validated), mirrors them to the server and re-plans the interval. */
  async updateSettings(settings: SyncSettings): Promise<void> {
    await writeSettings(this.deps.db, settings);
    this.update({ settings, verdict: this.deps.detector.verdict(settings) });
    this.scheduleInterval();
    void this.api().then((api) => api?.putSettings(settings).catch(() => undefined));
    // The battery rules may have changed: ops they held may go now.
    void this.runAuto();
  }

  /** Pauses (or resumes) automatic sync on this device, here and on the server. */
  async setPaused(paused: boolean): Promise<void> {
    const serverState: BackgroundState = paused ? 'paused' : 'active';
    await writeBackgroundState(this.deps.db, serverState);
    this.update({ serverState });
    const api = await this.api();
    await (paused ? api?.pause() : api?.resume())?.catch(() => undefined);
    if (!paused) void this.runAuto();
  }

  private async run(mode: 'auto' | 'now'): Promise<FlushResult> {
    this.update({ running: true });
    try {
      const result = await flushOnDemand({
        db: this.deps.db,
        fetch: this.deps.fetch,
        ...this.deps.flushOptions,
        mode,
      });
      const drained = result.status === 'done' && !result.blocked;
      this.update({
        running: false,
        lastResult: result,
        lastSuccessAt: drained ? this.deps.now() : this.current.lastSuccessAt,
        lastError: result.status === 'done' ? this.current.lastError : result.reason,
      });
      void sendFlushReportsOnDemand(this.deps.db, this.deps.fetch).catch(() => undefined);
      return result;
    } catch (error) {
      this.update({ running: false, lastError: String(error) });
      throw error;
    }
  }

  private scheduleInterval(): void {
    if (this.intervalTimer !== undefined) this.deps.clearTimeout(this.intervalTimer);
    if (this.stopped) return;
    const ms = this.current.settings.syncIntervalMinutes * 60_000;
    this.intervalTimer = this.deps.setTimeout(() => {
      this.intervalTimer = undefined;
      void rescoreOutbox(this.deps.db)
        .then(() => this.runAuto())
        .catch(() => undefined)
        .finally(() => this.scheduleInterval());
    }, ms);
  }

  private onConnectivity(connectivity: ConnectivitySnapshot): void {
    const before = this.current.connectivity;
    this.update({ connectivity, verdict: this.deps.detector.verdict(this.current.settings) });
    const battery = `${connectivity.batteryLevel}/${connectivity.charging}`;
    if (battery !== this.lastBattery) {
      this.lastBattery = battery;
      const { batteryLevel, charging } = connectivity;
      void writeDeviceConditions(this.deps.db, { batteryLevel, charging, at: this.deps.now() });
    }
    const cameBack = before.quality === 'offline' && connectivity.quality !== 'offline';
    const plugged = !before.charging && connectivity.charging === true;
    if (cameBack || plugged) void this.runAuto();
  }

  /**
   * Adopts the server's pause state for this device, and the server's settings when this
   * device never had its own (a new phone: the user's settings follow them, F23).
   */
  private async pullServerStatus(): Promise<void> {
    const api = await this.api();
    const status = await api?.status().catch(() => undefined);
    if (!status || this.stopped) return;
    await writeBackgroundState(this.deps.db, status.state);
    this.update({ serverState: status.state });
    if (status.settingsSource !== 'default' && !(await hasOwnSettings(this.deps.db))) {
      await writeSettings(this.deps.db, status.settings);
      this.update({ settings: status.settings });
      this.scheduleInterval();
    }
  }

  private async api(): Promise<BackgroundApi | undefined> {
    try {
      this.clientId ??= await this.deps.db.transaction('rw', this.deps.db.meta, () =>
        ensureClientId(this.deps.db),
      );
    } catch {
      return undefined;
    }
    return (this.deps.api ?? ((id) => backgroundApi(this.deps.fetch, id)))(this.clientId);
  }

  private update(changes: Partial<BackgroundSyncState>): void {
    this.current = { ...this.current, ...changes };
    for (const listener of this.listeners) listener(this.current);
  }
}
