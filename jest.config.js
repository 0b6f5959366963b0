/** Jest: one project per package so each gets the environment it needs. */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
    },
  ],
};

// jose ships ES modules only: let swc turn it into CommonJS like our own code.
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

// Jest 30 "soft"-deletes a test file's globals after it ends, and a later write to one recurses
// until the stack overflows (jestjs/jest#16044, #16443, open). Dexie writes globals when its
// zones switch, so an IndexedDB transaction finishing after a file's teardown crashed the worker
// (CI, 2026-12-07: tap-session.test.ts, 4 crashes in a row). Soft mode frees nothing (it keeps
// every value alive behind a getter), so turning it off costs no memory.
const testEnvironmentOptions = { globalsCleanup: 'off' };

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  testEnvironmentOptions,
  transform,
  transformIgnorePatterns,
  testMatch: [`<rootDir>/packages/${name}/src/**/*.test.ts?(x)`],
  ...extra,
});

module.exports = {
  // Per-project testTimeout is ignored by Jest: database suites need more than the 5 s default.
  testTimeout: 60000,
  // Two workers, each replaced once it holds more than 1.5 GB after a file. On 2 cores Jest
  // would otherwise pick one worker, i.e. run every file in its main process, where the PGlite
  // instances (WebAssembly memory outside Jest's sandbox) of ~90 files outgrew the 4 GB heap.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1500MB',
  projects: [
    project('scoring'),
    project('protocol'),
    project('client', { setupFiles: ['fake-indexeddb/auto'] }),
    project('server'),
    {
      // Cross-layer: the real client flush against the real server handlers and database.
      displayName: 'integration',
      testEnvironment: 'node',
      testEnvironmentOptions,
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      setupFiles: ['fake-indexeddb/auto'],
    },
    project('ui', {
      testEnvironment: 'jsdom',
      setupFiles: ['fake-indexeddb/auto'],
      setupFilesAfterEnv: ['@testing-library/jest-dom'],
    }),
  ],
};
