// What next-pwa's page entry needs of workbox-window, and no more. Its entry (sw-entry.js,
// injected into every page) only calls `new Workbox(url, { scope }).register()`; the whole
// workbox-window module (update prompts, messageSW, lifecycle events) was ≈ 2 kB gzip of
// every screen's first load (bench figure 8a). The worker calls skipWaiting and clientsClaim
// itself, so the page has no update to steer. next.config.js points `workbox-window` here
// for the browser build only.

/** Where and how to register the service worker. */
export interface RegistrationOptions {
  scope?: string;
}

/** Registers one service worker once the page has loaded, as workbox-window's register() did. */
export class ServiceWorkerRegistrar {
  /** A registrar for the worker script at `scriptUrl`. */
  constructor(
    private readonly scriptUrl: string,
    private readonly options: RegistrationOptions = {},
  ) {}

  /**
   * Registers the worker after the window's `load` event, so that installing it (and its
   * precache) does not compete with the page's own first load; resolves with the registration,
   * or undefined where the browser refused it (it is retried on the next load).
   */
  async register(): Promise<ServiceWorkerRegistration | undefined> {
    if (document.readyState !== 'complete') {
      await new Promise<void>((resolve) =>
        window.addEventListener('load', () => resolve(), { once: true }),
      );
    }
    try {
      return await navigator.serviceWorker.register(this.scriptUrl, this.options);
    } catch (error) {
      // Not fatal: the app works without its worker (the page flushes the outbox itself).
      console.warn('Service worker registration failed', error);
      return undefined;
    }
  }
}

// The name next-pwa's entry imports.
export { ServiceWorkerRegistrar as Workbox };
