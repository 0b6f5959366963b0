// CDP access to service workers: find a registration, fire its sync event as the browser would
// (notes/browser-testing.md), and talk to the worker's own target (for its heap).

/** Tracks service-worker registrations over a page's CDP session. */
export async function watchRegistrations(cdp) {
  const registrations = new Map();
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) =>
    e.registrations.forEach((r) => registrations.set(r.registrationId, r)),
  );
  await cdp.send('ServiceWorker.enable');
  return {
    /** The live registration whose scope is `scopeURL`; waits up to `timeoutMs`. */
    async idFor(scopeURL, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = [...registrations.values()].find(
          (r) => r.scopeURL === scopeURL && !r.isDeleted,
        );
        if (found) return found.registrationId;
        if (Date.now() > deadline)
          throw new Error(`no service worker registration for ${scopeURL}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Fires `tag`'s sync event in the worker of `registrationId` (dropped silently if offline). */
export function dispatchSync(cdp, { origin, registrationId, tag }) {
  return cdp.send('ServiceWorker.dispatchSyncEvent', {
    origin,
    registrationId,
    tag,
    lastChance: false,
  });
}

/**
 * A CDP channel to the running service worker whose script URL starts with `urlPrefix`.
 * Playwright only opens sessions on pages, so this goes through the browser session with
 * Target.sendMessageToTarget (non-flattened attach).
 */
export async function attachServiceWorker(browserSession, urlPrefix, timeoutMs = 10_000) {
  const target = await findWorkerTarget(browserSession, urlPrefix, timeoutMs);
  const { sessionId } = await browserSession.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let nextId = 0;
  const pending = new Map();
  const onMessage = (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const settle = pending.get(message.id);
    if (!settle) return;
    pending.delete(message.id);
    settle(message);
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  return {
    /** Sends one CDP command to the worker and resolves with its result. */
    async send(method, params = {}) {
      nextId += 1;
      const id = nextId;
      const answer = new Promise((resolve) => pending.set(id, resolve));
      await browserSession.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
      const message = await answer;
      if (message.error) throw new Error(`${method}: ${message.error.message}`);
      return message.result;
    },
    async detach() {
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** The service-worker target at `urlPrefix`, waiting for it to start. */
async function findWorkerTarget(browserSession, urlPrefix, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await browserSession.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(urlPrefix),
    );
    if (target) return target;
    if (Date.now() > deadline) throw new Error(`no running service worker at ${urlPrefix}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
