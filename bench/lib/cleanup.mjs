// Everything the bench starts is stopped again: servers, proxy, browser, databases — in
// reverse order, on success, on error and on Ctrl-C.

/** A stack of async disposers. */
export function createCleanup() {
  const disposers = [];
  let running;
  const run = () => {
    running ??= (async () => {
      while (disposers.length > 0) {
        const { label, dispose } = disposers.pop();
        try {
          await dispose();
        } catch (error) {
          console.error(`bench cleanup: ${label} failed: ${error?.message ?? error}`);
        }
      }
    })();
    return running;
  };
  const onSignal = (signal) => {
    console.error(`bench: ${signal}, cleaning up…`);
    void run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    /**
     * Registers `dispose` to run at cleanup (last registered runs first). Returns a function
     * that runs it now instead (for things stopped before the end of the run).
     */
    add(label, dispose) {
      const entry = { label, dispose };
      disposers.push(entry);
      return async () => {
        const index = disposers.indexOf(entry);
        if (index === -1) return;
        disposers.splice(index, 1);
        await dispose();
      };
    },
    /** Runs and forgets every disposer, once. */
    async run() {
      await run();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
