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

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
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
