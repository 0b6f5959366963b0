// Runs a command with inherited stdio; resolves with its exit code (signals forwarded).
import { spawn } from 'node:child_process';

/** Spawns `cmd args` and resolves with the exit code; forwards SIGINT/SIGTERM to it. */
export function runStep(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Path of a local binary installed by npm. */
export const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
