// `npm start`: build the app (with its service worker), then serve it. The embedded database
// is created, migrated and seeded by the server itself on boot (instrumentation.ts).
import { bin, runStep } from './run-step.mjs';

const port = process.env.PORT ?? '3000';
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild) {
  console.log('> Building CourtSync (next build --webpack)…');
  const code = await runStep(bin('next'), ['build', '--webpack']);
  if (code !== 0) process.exit(code);
}
console.log(`> Starting CourtSync on http://localhost:${port}`);
// Our own SIGTERM handler closes the database before exit (notes/database.md, pitfall 3).
const code = await runStep(bin('next'), ['start', '-p', port], {
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: '1' },
});
process.exit(code);
