// `npm test`: every check and every test, in the order CI needs them. Stops at the first
// failure. Ends with the test runners' own summaries (Jest, then Playwright).
import { bin, runStep } from './run-step.mjs';
import { ensureChromium } from './chromium.mjs';

const steps = [
  ['Lint (ESLint, zero warnings)', bin('eslint'), ['--max-warnings', '0', '.']],
  ['Formatting (Prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['Typecheck (app + packages)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['Typecheck (service worker)', bin('tsc'), ['--noEmit', '-p', 'worker/tsconfig.json']],
  ['Build (next build --webpack)', bin('next'), ['build', '--webpack']],
  ['Unit + integration tests (Jest)', bin('jest'), ['--ci']],
];

const chromium = await ensureChromium();
if (!chromium) process.exit(1);

if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '> TEST_DATABASE_URL is not set: tests run on embedded PGlite only (CI also runs PostgreSQL).',
  );
}

for (const [title, cmd, args] of steps) {
  console.log(`\n> ${title}`);
  const code = await runStep(cmd, args);
  if (code !== 0) {
    console.error(`\n✗ ${title} failed (exit ${code})`);
    process.exit(code);
  }
}

console.log('\n> End-to-end tests (Playwright, headless Chromium)');
process.exit(
  await runStep(bin('playwright'), ['test'], { env: { ...process.env, CHROMIUM_PATH: chromium } }),
);
