import { DEFAULT_SYNC_SETTINGS } from '@courtsync/protocol';
import type { BatteryLike, ConnectivityEnv, NetworkInformationLike } from './connectivity-env';
import { ConnectivityDetector } from './connectivity-detector';
import { deriveQuality } from './connectivity-quality';

/** A tiny event target for the fakes. */
class Emitter {
  private readonly handlers = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void) {
    const set = this.handlers.get(type) ?? new Set();
    set.add(listener);
    this.handlers.set(type, set);
  }
  removeEventListener(type: string, listener: () => void) {
    this.handlers.get(type)?.delete(listener);
  }
  emit(type: string) {
    this.handlers.get(type)?.forEach((l) => l());
  }
}

class FakeConnection extends Emitter implements NetworkInformationLike {
  type = 'wifi';
  effectiveType = '4g';
  rtt = 50;
  downlink = 10;
}

class FakeBattery extends Emitter implements BatteryLike {
  level = 1;
  charging = true;
}

/** An env with each API present or missing; the probe answers from `server`. */
function env(options: { connection?: boolean; battery?: boolean } = {}) {
  const window = new Emitter();
  const connection = options.connection === false ? undefined : new FakeConnection();
  const battery = options.battery === false ? undefined : new FakeBattery();
  const server = { up: true, delayMs: 20, probes: [] as number[] };
  const nav = { onLine: true, connection, getBattery: battery ? async () => battery : undefined };
  const e: ConnectivityEnv = {
    navigator: nav,
    events: window,
    fetch: (async () => {
      server.probes.push(Date.now());
      await new Promise((r) => setTimeout(r, server.delayMs));
      if (!server.up) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 204 });
    }) as typeof fetch,
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  };
  return { e, window, connection, battery, server, nav };
}

const tick = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('deriveQuality', () => {
  it('grades from the browser flag, the probe and the network estimate', () => {
    expect(deriveQuality({ online: false })).toBe('offline');
    expect(deriveQuality({ online: true, reachable: false })).toBe('offline');
    expect(deriveQuality({ online: true })).toBe('good');
    expect(deriveQuality({ online: true, probeRttMs: 40, effectiveType: '4g' })).toBe('excellent');
    expect(deriveQuality({ online: true, probeRttMs: 400 })).toBe('good');
    expect(deriveQuality({ online: true, probeRttMs: 40, effectiveType: '3g' })).toBe('good');
    expect(deriveQuality({ online: true, effectiveType: '2g' })).toBe('poor');
    expect(deriveQuality({ online: true, probeRttMs: 1200 })).toBe('poor');
    expect(deriveQuality({ online: true, rtt: 100, downlink: 0.3 })).toBe('poor');
  });
});

describe('ConnectivityDetector', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('reads the Network Information and Battery APIs and measures the probe round trip', async () => {
    const { e, connection, battery } = env();
    const detector = new ConnectivityDetector(e, { everyMs: 30_000 });
    const seen: string[] = [];
    detector.subscribe((s) => seen.push(s.quality));
    await detector.start();
    await tick(20);
    expect(detector.snapshot).toMatchObject({
      online: true,
      reachable: true,
      probeRttMs: 20,
      type: 'wifi',
      effectiveType: '4g',
      downlink: 10,
      batteryLevel: 1,
      charging: true,
      quality: 'excellent',
    });
    connection!.effectiveType = '2g';
    connection!.emit('change');
    expect(detector.snapshot.quality).toBe('poor');
    battery!.level = 0.1;
    battery!.charging = false;
    battery!.emit('chargingchange');
    expect(detector.snapshot).toMatchObject({ batteryLevel: 0.1, charging: false });
    expect(seen).toContain('excellent');
    detector.stop();
  });

  it('works without the Network Information and Battery APIs (Safari, Firefox)', async () => {
    const { e } = env({ connection: false, battery: false });
    const detector = new ConnectivityDetector(e);
    await detector.start();
    await tick(20);
    expect(detector.snapshot.batteryLevel).toBeUndefined();
    expect(detector.snapshot.effectiveType).toBeUndefined();
    expect(detector.snapshot.quality).toBe('excellent');
    // No battery: the battery rules never hold work back.
    const settings = { ...DEFAULT_SYNC_SETTINGS, syncOnlyWhenCharging: true };
    expect(detector.verdict(settings)).toEqual({ may: true, urgentOnly: false });
    detector.stop();
  });

  it('probes every 30 s while reachable and backs off (1, 2, 4 … 60 s) while not', async () => {
    const { e, server } = env();
    const detector = new ConnectivityDetector(e, { everyMs: 30_000, backoffMs: 1000 });
    await detector.start();
    await tick(20);
    expect(server.probes).toHaveLength(1);
    server.up = false;
    await tick(30_000 + 20);
    expect(detector.snapshot.quality).toBe('offline');
    const at = server.probes.length;
    await tick(1000 + 20);
    await tick(2000 + 20);
    await tick(4000 + 20);
    expect(server.probes.length - at).toBe(3);
    // Gaps grow: nothing in the next 7 s (the next probe is 8 s out).
    await tick(7000);
    expect(server.probes.length - at).toBe(3);
    server.up = true;
    await tick(1100);
    expect(detector.snapshot.reachable).toBe(true);
    detector.stop();
  });

  it('follows online/offline events: no probing while offline, a probe at once when back', async () => {
    const { e, window, nav, server } = env();
    const detector = new ConnectivityDetector(e);
    await detector.start();
    await tick(20);
    nav.onLine = false;
    window.emit('offline');
    expect(detector.snapshot.quality).toBe('offline');
    const count = server.probes.length;
    await tick(120_000);
    expect(server.probes).toHaveLength(count);
    nav.onLine = true;
    window.emit('online');
    expect(server.probes).toHaveLength(count + 1);
    await tick(20);
    expect(detector.snapshot.quality).not.toBe('offline');
    detector.stop();
  });

  it('says whether a sync may run: offline, off, battery rules, and Sync now', async () => {
    const { e, battery } = env();
    const detector = new ConnectivityDetector(e);
    await detector.start();
    await tick(20);
    const s = DEFAULT_SYNC_SETTINGS;
    expect(detector.verdict(s)).toEqual({ may: true, urgentOnly: false });
    expect(detector.verdict({ ...s, enabled: false })).toMatchObject({
      may: false,
      reason: 'disabled',
    });
    battery!.level = 0.1;
    battery!.charging = false;
    battery!.emit('levelchange');
    expect(detector.verdict(s)).toEqual({ may: true, urgentOnly: true, reason: 'low-battery' });
    expect(detector.verdict({ ...s, minimumBatteryLevel: 5 })).toEqual({
      may: true,
      urgentOnly: false,
    });
    expect(
      detector.verdict({ ...s, minimumBatteryLevel: 5, syncOnlyWhenCharging: true }),
    ).toMatchObject({
      urgentOnly: true,
      reason: 'not-charging',
    });
    expect(detector.verdict({ ...s, enabled: false }, true)).toEqual({
      may: true,
      urgentOnly: false,
    });
    detector.stop();
  });
});
