// Figure 10: `npm start --no-build` on a fresh PGlite directory and after a SIGKILL.
import { attempt } from '../lib/attempt.mjs';
import { assertPortFree } from '../lib/seeded-server.mjs';
import { log, selected, SETTINGS } from '../lib/settings.mjs';
import { measureServerStart, serverStartFigures } from '../figures/server-start.mjs';

/** Adds figures 10a and 10b (port BENCH_PORT + 3, nothing else running on the server). */
export async function runStartSuite({ figures }) {
  if (!selected('10a') && !selected('10b')) return;
  const group = [
    { id: '10a', name: 'npm start to first page, fresh data directory' },
    { id: '10b', name: 'npm start to first page, after SIGKILL' },
  ];
  await attempt(figures, group, async () => {
    const port = SETTINGS.port + 3;
    await assertPortFree(port);
    const samples = await measureServerStart({ port, runs: SETTINGS.startRuns, log });
    return serverStartFigures(samples).filter((f) => selected(f.id));
  });
}
