import { ServiceWorkerRegistrar, Workbox } from './service-worker-registration';

/** A page whose load has or has not finished, and a browser that records registrations. */
function fakePage(readyState: DocumentReadyState, refuse = false) {
  const registered: { url: string; options: RegistrationOptions | undefined }[] = [];
  const loadListeners: (() => void)[] = [];
  Object.assign(globalThis, {
    document: { readyState },
    window: {
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'load') loadListeners.push(listener);
      },
    },
  });
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      serviceWorker: {
        register: async (url: string, options?: RegistrationOptions) => {
          if (refuse) throw new Error('SecurityError');
          registered.push({ url, options });
          return { scope: options?.scope } as ServiceWorkerRegistration;
        },
      },
    },
  });
  return { registered, fireLoad: () => loadListeners.forEach((l) => l()) };
}

describe('ServiceWorkerRegistrar', () => {
  const saved = { document: globalThis.document, window: globalThis.window };
  const savedNavigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  afterEach(() => {
    Object.assign(globalThis, saved);
    if (savedNavigator) Object.defineProperty(globalThis, 'navigator', savedNavigator);
  });

  it('is what next-pwa imports as workbox-window.Workbox', () => {
    expect(Workbox).toBe(ServiceWorkerRegistrar);
  });

  it('registers at once when the page has loaded, with the scope given', async () => {
    const page = fakePage('complete');
    const registration = await new ServiceWorkerRegistrar('/sw.js', { scope: '/' }).register();
    expect(page.registered).toEqual([{ url: '/sw.js', options: { scope: '/' } }]);
    expect(registration?.scope).toBe('/');
  });

  it('waits for the load event while the page is still loading', async () => {
    const page = fakePage('interactive');
    const done = new ServiceWorkerRegistrar('/sw.js').register();
    await Promise.resolve();
    expect(page.registered).toHaveLength(0);
    page.fireLoad();
    await done;
    expect(page.registered).toHaveLength(1);
  });

  it('resolves undefined when the browser refuses, without throwing', async () => {
    fakePage('complete', true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(new ServiceWorkerRegistrar('/sw.js').register()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
