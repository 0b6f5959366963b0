// Starts the built app (`next start`) the way scripts/e2e-server.mjs does, on a port of the
// bench's choosing, and stops it by its own pid.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

const NEXT_BIN = path.join(ROOT, 'node_modules/.bin/next');

/**
 * Runs `next start -p port` with `env` (DATABASE_URL or DATA_DIR) and resolves once
 * /api/health answers 200. Output goes to `logFile` (one JSON line per request).
 */
export async function startAppServer({ port, env, logFile, timeoutMs = 120_000 }) {
  const log = createWriteStream(logFile);
  // A log that cannot be written must not crash the bench (and orphan the server).
  log.on('error', () => undefined);
  const child = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    // Our own SIGTERM handler closes the database before exit (notes/database.md, pitfall 3).
    // The bench's devices push without signing in: AUTH_MODE=open lets anonymous pushes reach
    // matches nobody has claimed, and RATE_LIMIT_STORE=off measures the sync path itself (its
    // load generators would otherwise be one client address over the read/write limits).
    env: {
      ...process.env,
      NEXT_MANUAL_SIG_HANDLE: '1',
      NODE_ENV: 'production',
      AUTH_MODE: 'open',
      RATE_LIMIT_STORE: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const server = { url, pid: child.pid, stop: () => stopChild(child, exited) };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const early = await Promise.race([exited, delay(200).then(() => undefined)]);
    if (early)
      throw new Error(`next start exited early (${JSON.stringify(early)}); see ${logFile}`);
    if (await healthy(url)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`next start did not become healthy within ${timeoutMs} ms; see ${logFile}`);
    }
  }
}

async function healthy(url) {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** SIGTERM (the app closes its database), then SIGKILL if it is still there after 15 s. */
async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([exited, delay(15_000).then(() => undefined)]);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
