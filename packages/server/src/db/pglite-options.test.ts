/**
 * Every PGlite of ours starts with PGLITE_SETTINGS (pglite-settings.json): the server's, the
 * tests' and the prepared template's (scripts/prepare-database.mjs reads the same file, so the
 * bench's ingest ceiling runs on the engine the server runs).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestPglite } from '../../test-support/test-databases';
import { PGLITE_SETTINGS, pgliteStartParams } from './pglite-options';

const run = promisify(execFile);

it('adds each setting as -c name=value after PGlite’s own parameters', () => {
  const params = pgliteStartParams(['--single', '-F']);
  expect(params.slice(0, 2)).toEqual(['--single', '-F']);
  for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
    expect(params).toContain(`${name}=${value}`);
    expect(params[params.indexOf(`${name}=${value}`) - 1]).toBe('-c');
  }
});

it('runs PGlite with them', async () => {
  const pglite = await createTestPglite(undefined);
  try {
    for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
      const { rows } = await pglite.query<{ value: string }>(
        `select current_setting('${name}') as value`,
      );
      expect(rows[0]?.value).toBe(value);
    }
  } finally {
    await pglite.close();
  }
}, 60_000);

it('gives the build step the same start parameters', async () => {
  const script = `import { pgliteCreateOptions } from './scripts/prepare-database.mjs';
    const { PGlite } = await import('@electric-sql/pglite');
    process.stdout.write(JSON.stringify(pgliteCreateOptions(PGlite, '/x').startParams));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: path.resolve(__dirname, '../../../..'),
  });
  const { PGlite } = await import('@electric-sql/pglite');
  expect(JSON.parse(stdout)).toEqual(pgliteStartParams(PGlite.defaultStartParams));
});
