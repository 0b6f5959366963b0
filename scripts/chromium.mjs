// Finds a Chromium for the end-to-end tests, installing Debian's package when possible.
import { existsSync } from 'node:fs';
import { runStep } from './run-step.mjs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The first Chromium found: $CHROMIUM_PATH, then Debian's paths. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH)
    return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Returns a Chromium path, installing `chromium` with apt-get when running as root. */
export async function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('> Chromium not found: installing Debian package "chromium" (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if ((await runStep('apt-get', ['update', '-qq'], { env })) === 0) {
      await runStep('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    [
      'End-to-end tests need Chromium and none was found.',
      `Looked at: ${process.env.CHROMIUM_PATH ?? '(CHROMIUM_PATH unset)'}, ${CANDIDATES.join(', ')}.`,
      'Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    ].join('\n'),
  );
  return undefined;
}
