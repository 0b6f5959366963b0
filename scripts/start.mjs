// `npm start`: build the app (with its service worker) and prepare the embedded database
// (scripts/prepare-database.mjs), then serve it. The server copies that prepared database into
// a fresh data directory, or creates one itself; it migrates and seeds on boot (instrumentation.ts).
// Unless a real provider is configured (VIS_URL / PRESTO_URL) or UPSTREAM_SIM=off, the local
// upstream simulator (packages/upstream-sim) starts too and the app syncs from it (F38).
import { spawn } from 'node:child_process';
import os from 'node:os';
import { bin, runStep } from './run-step.mjs';
import { ensureUpstreamSimBundle } from './upstream-sim-bundle.mjs';

const port = process.env.PORT ?? '3000';
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild) {
  console.log('> Building CourtSync (next build --webpack)…');
  const code = await runStep(bin('next'), ['build', '--webpack']);
  if (code !== 0) process.exit(code);
  // The embedded database, created and migrated once here instead of on every fresh start.
  if (!process.env.DATABASE_URL) {
    const script = new URL('./prepare-database.mjs', import.meta.url).pathname;
    if ((await runStep(process.execPath, [script])) !== 0)
      console.warn('> Could not prepare the embedded database; the server creates it on start');
  }
  // Bundled now so that the start below only checks it is current.
  if (runsSimulator(process.env)) await simulatorCommand();
}

/** Whether `npm start` runs the local simulator: no real provider set, and not turned off. */
function runsSimulator(env) {
  return !env.VIS_URL && !env.PRESTO_URL && env.UPSTREAM_SIM !== 'off';
}

/** How to run the simulator: its bundle (built when stale), or through tsx if that fails. */
async function simulatorCommand() {
  try {
    const { file } = await ensureUpstreamSimBundle();
    return [process.execPath, [file]];
  } catch (error) {
    console.warn(
      `> Could not bundle the upstream simulator (${error.message}); running it with tsx`,
    );
    return [bin('tsx'), ['packages/upstream-sim/src/cli.ts']];
  }
}

const env = { ...process.env, NEXT_MANUAL_SIG_HANDLE: '1' };
let sim;
if (runsSimulator(env)) {
  const simPort = env.UPSTREAM_SIM_PORT ?? '4100';
  const simUrl = `http://127.0.0.1:${simPort}`;
  console.log(`> Starting the upstream simulator on ${simUrl} (UPSTREAM_SIM=off to skip)`);
  const [command, args] = await simulatorCommand();
  sim = spawn(command, [...args, '--port', simPort], { stdio: 'inherit' });
  // The simulator stands in for the outside world: while both boot on a small machine, the app
  // goes first (on 2 cores the simulator's start delayed the first page and data by ≈ 0.3 s).
  try {
    if (sim.pid) os.setPriority(sim.pid, 10);
  } catch {
    // Not allowed here: it merely competes on equal terms.
  }
  Object.assign(env, {
    VIS_URL: `${simUrl}/Vis2009/XmlRequest.asmx`,
    VIS_USERNAME: 'courtsync',
    VIS_PASSWORD: 'vis-secret',
    PRESTO_URL: simUrl,
    PRESTO_USERNAME: 'courtsync',
    PRESTO_PASSWORD: 'presto-secret',
    PRESTO_TEAM_IDS: 'team-101,team-102',
  });
}

console.log(`> Starting CourtSync on http://localhost:${port}`);
// Our own SIGTERM handler closes the database before exit (notes/database.md, pitfall 3).
const code = await runStep(bin('next'), ['start', '-p', port], { env });
sim?.kill('SIGTERM');
process.exit(code);
