/** The Network Information API as far as we use it (Chromium only). */
export interface NetworkInformationLike {
  type?: string;
  effectiveType?: string;
  rtt?: number;
  downlink?: number;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/** The Battery Status API as far as we use it (Chromium only). */
export interface BatteryLike {
  level: number;
  charging: boolean;
  addEventListener(type: 'levelchange' | 'chargingchange', listener: () => void): void;
  removeEventListener(type: 'levelchange' | 'chargingchange', listener: () => void): void;
}

/** What the detector reads from its surroundings; each API may be missing. */
export interface ConnectivityEnv {
  navigator: {
    onLine: boolean;
    connection?: NetworkInformationLike;
    getBattery?: () => Promise<BatteryLike>;
  };
  /** Where `online` / `offline` fire (the window). */
  events?: {
    addEventListener(type: 'online' | 'offline', listener: () => void): void;
    removeEventListener(type: 'online' | 'offline', listener: () => void): void;
  };
  fetch: typeof fetch;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** The detector's env in a browser page (window, navigator, fetch, timers). */
export function browserConnectivityEnv(): ConnectivityEnv {
  const nav = navigator as Navigator & {
    connection?: NetworkInformationLike;
    getBattery?: () => Promise<BatteryLike>;
  };
  return {
    navigator: {
      get onLine() {
        return nav.onLine;
      },
      connection: nav.connection,
      getBattery: typeof nav.getBattery === 'function' ? () => nav.getBattery!() : undefined,
    },
    events: window,
    fetch: (input, init) => fetch(input, init),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  };
}
