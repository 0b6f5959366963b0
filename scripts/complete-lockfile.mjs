// Adds to package-lock.json the platform-specific optional packages npm 11 leaves out when it
// writes the lock on Linux (darwin/win32 builds of @next/swc, @swc/core, ...), which `npm ci`
// then demands ("Missing: … from lock file"). Run after changing dependencies:
//   npm install && node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** Where npm would look up `name` from the package at `parentPath` (nearest node_modules). */
function resolvedPath(parentPath, name) {
  const segments = parentPath ? parentPath.split('/node_modules/') : [''];
  for (let i = segments.length; i >= 0; i--) {
    const base = segments.slice(0, i).join('/node_modules/');
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
  }
  return undefined;
}

const missing = new Map();
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!resolvedPath(path, name)) missing.set(`node_modules/${name}`, { name, spec });
  }
}

/** os/cpu/libc from a platform package's name (e.g. @next/swc-win32-arm64-msvc). */
function platformOf(name) {
  const tail = name.split('/').pop();
  const os = [
    'darwin',
    'win32',
    'linux',
    'android',
    'freebsd',
    'openbsd',
    'netbsd',
    'sunos',
    'aix',
    'openharmony',
  ].find((o) => tail.includes(`-${o}`));
  const cpu = [
    'arm64',
    'x64',
    'ia32',
    'arm',
    'ppc64',
    's390x',
    'riscv64',
    'loong64',
    'wasm32',
  ].find((c) => new RegExp(`-${c}(-|$)`).test(tail));
  const libc = /-musl/.test(tail) ? 'musl' : /-gnu/.test(tail) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

for (const [path, { name, spec }] of missing) {
  // The registry this lock was made against may not serve other platforms' builds at all,
  // so describe them from the declaring package: the exact version it pins and the platform
  // its name states. npm skips a package for another platform before fetching it.
  if (!/^\d+\.\d+\.\d+/.test(spec))
    throw new Error(`${name}: expected an exact version, got ${spec}`);
  const { os, cpu, libc } = platformOf(name);
  if (!os && !cpu) throw new Error(`${name}: cannot tell its platform from its name`);
  packages[path] = {
    version: spec,
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(libc ? { libc: [libc] } : {}),
    optional: true,
    ...(os ? { os: [os] } : {}),
  };
  console.log(`added ${name}@${spec} (${[os, cpu, libc].filter(Boolean).join(' ')})`);
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${missing.size} optional platform packages added to package-lock.json`);
