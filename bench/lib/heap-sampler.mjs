// Peak JS heap of a page and a service worker over CDP (Runtime.getHeapUsage), above an idle
// level taken right after a forced garbage collection.

/** Collects garbage in every target, then returns each one's used heap (bytes). */
export async function idleHeap(targets) {
  await Promise.all(targets.map((t) => t.send('HeapProfiler.collectGarbage')));
  return Promise.all(targets.map(async (t) => (await t.send('Runtime.getHeapUsage')).usedSize));
}

/** Samples each target's used heap every `intervalMs` until `stop()`, which returns the peaks. */
export function startHeapSampler(targets, intervalMs = 10) {
  const peaks = targets.map(() => 0);
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const sizes = await Promise.all(
        targets.map(async (t) => (await t.send('Runtime.getHeapUsage')).usedSize),
      );
      sizes.forEach((size, i) => (peaks[i] = Math.max(peaks[i], size)));
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { peaks, samples };
    },
  };
}
