import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** An app server of the test's own (not Playwright's shared one), so a test may kill it. */
export interface OwnServer {
  port: number;
  base: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Starts the server (again, on the same data) and waits until it answers. */
  start(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
}

/**
 * A built app (`next start`, as `npm start --no-build`) on `port` with its own embedded
 * database, kept across restarts, so a test can crash and restart the server mid-run.
 * `extraEnv` adds settings (metrics token, upstream provider urls, short token lifetimes).
 */
export function ownServer(port: number, extraEnv: Record<string, string> = {}): OwnServer {
  const root = mkdtempSync(path.join(tmpdir(), 'courtsync-own-'));
  const dataDir = path.join(root, 'pglite');
  let child: ChildProcess | undefined;
  let log = '';
  const base = `http://127.0.0.1:${port}`;

  const waitHealthy = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server on ${port} did not become healthy:\n${log.slice(-2000)}`);
  };

  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running?.pid || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    process.kill(-running.pid, 'SIGKILL');
    await exited;
  };

  return {
    port,
    base,
    output: () => log,
    async start() {
      const env: NodeJS.ProcessEnv = {
        // As scripts/e2e-server.mjs: phones driven by a test read far more than people do.
        RATE_LIMIT_READ: '3000/min',
        ...process.env,
        ...extraEnv,
        PORT: String(port),
        DATA_DIR: dataDir,
      };
      delete env.DATABASE_URL;
      child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: SIGKILL reaches `next` too.
        detached: true,
      });
      child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
      await waitHealthy(90_000);
    },
    kill,
    async dispose() {
      await kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
