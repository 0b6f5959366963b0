import { DEVICE_API, type SyncSettings } from '@courtsync/protocol';
import type { BatteryLike, ConnectivityEnv } from './connectivity-env';
import { deriveQuality, type ConnectivitySnapshot, type SyncVerdict } from './connectivity-quality';
import { batteryHold } from './sync-gate';

/** Tuning of the reachability probe. */
export interface ProbeOptions {
  url?: string;
  /** Between probes while the server answers. */
  everyMs?: number;
  /** First retry while it does not, doubling up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A probe slower than this counts as unreachable. */
  timeoutMs?: number;
}

/**
 * Watches connectivity and battery (F13): online/offline events, the Network Information API,
 * the Battery API and a reachability probe of the server (GET connectivity-test, its round
 * trip measured), which backs off while the server cannot be reached. Where an API is missing
 * (Safari, Firefox) its fields stay undefined and the rest still works. No React in here.
 */
export class ConnectivityDetector {
  private state: Omit<ConnectivitySnapshot, 'quality'>;
  private current: ConnectivitySnapshot;
  private readonly listeners = new Set<(s: ConnectivitySnapshot) => void>();
  private battery?: BatteryLike;
  private probeTimer: unknown;
  private failures = 0;
  private started = false;
  private readonly probe: Required<ProbeOptions>;

  /** A detector over `env`; call `start()`. */
  constructor(
    private readonly env: ConnectivityEnv,
    options: ProbeOptions = {},
  ) {
    this.probe = {
      url: options.url ?? DEVICE_API.connectivityTest,
      everyMs: options.everyMs ?? 30_000,
      backoffMs: options.backoffMs ?? 1_000,
      maxBackoffMs: options.maxBackoffMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 10_000,
    };
    this.state = { online: env.navigator.onLine };
    this.current = { ...this.state, quality: deriveQuality(this.state) };
  }

  /** The latest readings. */
  get snapshot(): ConnectivitySnapshot {
    return this.current;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (s: ConnectivitySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts listening and probing; resolves once the battery (if any) has been read. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.env.events?.addEventListener('online', this.onOnline);
    this.env.events?.addEventListener('offline', this.onOffline);
    const connection = this.env.navigator.connection;
    if (connection) {
      connection.addEventListener('change', this.onNetwork);
      this.readNetwork();
    }
    try {
      this.battery = await this.env.navigator.getBattery?.();
    } catch {
      this.battery = undefined; // Blocked by a permissions policy: as if missing.
    }
    if (!this.started) return;
    if (this.battery) {
      this.battery.addEventListener('levelchange', this.onBattery);
      this.battery.addEventListener('chargingchange', this.onBattery);
      this.readBattery();
    }
    this.update({});
    if (this.state.online) void this.probeNow();
  }

  /** Stops listening and probing. */
  stop(): void {
    this.started = false;
    this.env.events?.removeEventListener('online', this.onOnline);
    this.env.events?.removeEventListener('offline', this.onOffline);
    this.env.navigator.connection?.removeEventListener('change', this.onNetwork);
    this.battery?.removeEventListener('levelchange', this.onBattery);
    this.battery?.removeEventListener('chargingchange', this.onBattery);
    this.clearProbe();
  }

  /** Probes the server now; schedules the next probe (backing off while unreachable). */
  async probeNow(): Promise<boolean> {
    this.clearProbe();
    const started = this.env.now();
    let reachable = false;
    try {
      const timeout = new Promise<never>((_, reject) => {
        this.probeTimer = this.env.setTimeout(
          () => reject(new Error('timeout')),
          this.probe.timeoutMs,
        );
      });
      const response = await Promise.race([
        this.env.fetch(this.probe.url, { method: 'GET', cache: 'no-store' }),
        timeout,
      ]);
      reachable = response.ok;
    } catch {
      reachable = false;
    }
    this.clearProbe();
    const at = this.env.now();
    this.failures = reachable ? 0 : this.failures + 1;
    this.update({
      reachable,
      lastProbeAt: at,
      probeRttMs: reachable ? at - started : this.state.probeRttMs,
    });
    this.scheduleProbe();
    return reachable;
  }

  /** Whether a sync may run under `settings` (F14); "Sync now" (`force`) always may. */
  verdict(settings: SyncSettings, force = false): SyncVerdict {
    if (force) return { may: true, urgentOnly: false };
    if (this.current.quality === 'offline')
      return { may: false, urgentOnly: false, reason: 'offline' };
    if (!settings.enabled) return { may: false, urgentOnly: false, reason: 'disabled' };
    const hold = batteryHold(settings, this.current);
    return hold ? { may: true, urgentOnly: true, reason: hold } : { may: true, urgentOnly: false };
  }

  private scheduleProbe(): void {
    if (!this.started || !this.state.online) return;
    const delay =
      this.failures === 0
        ? this.probe.everyMs
        : Math.min(this.probe.maxBackoffMs, this.probe.backoffMs * 2 ** (this.failures - 1));
    this.probeTimer = this.env.setTimeout(() => void this.probeNow(), delay);
  }

  private clearProbe(): void {
    if (this.probeTimer !== undefined) this.env.clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
  }

  private readonly onOnline = () => {
    this.failures = 0;
    this.update({ online: true, reachable: undefined });
    void this.probeNow();
  };

  private readonly onOffline = () => {
    // No probing while the browser knows it is offline: `online` starts it again.
    this.clearProbe();
    this.update({ online: false });
  };

  private readonly onNetwork = () => {
    this.readNetwork();
    this.update({});
  };

  private readonly onBattery = () => {
    this.readBattery();
    this.update({});
  };

  private readNetwork(): void {
    const c = this.env.navigator.connection;
    if (!c) return;
    Object.assign(this.state, {
      type: c.type,
      effectiveType: c.effectiveType,
      rtt: c.rtt,
      downlink: c.downlink,
    });
  }

  private readBattery(): void {
    if (!this.battery) return;
    Object.assign(this.state, {
      batteryLevel: this.battery.level,
      charging: this.battery.charging,
    });
  }

  private update(changes: Partial<ConnectivitySnapshot>): void {
    this.state = { ...this.state, ...changes };
    this.current = { ...this.state, quality: deriveQuality(this.state) };
    for (const listener of this.listeners) listener(this.current);
  }
}
