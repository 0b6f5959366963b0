// `npm start`: build the app (with its service worker) and prepare the embedded database
// (scripts/prepare-database.mjs), then serve it. The server copies that prepared database into
// a fresh data directory, or creates one itself; it migrates and seeds on boot (instrumentation.ts).
import { bin, runStep } from './run-step.mjs';

const port = process.env.PORT ?? '3000';
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild) {
  console.log('> Building CourtSync (next build --webpack)…');
  const code = await runStep(bin('next'), ['build', '--webpack']);
  if (code !== 0) process.exit(code);
  // The embedded database, created and migrated once here instead of on every fresh start.
  if (!process.env.DATABASE_URL) {
    const script = new URL('./prepare-database.mjs', import.meta.url).pathname;
    if ((await runStep(process.execPath, [script])) !== 0)
      console.warn('> Could not prepare the embedded database; the server creates it on start');
  }
}
console.log(`> Starting CourtSync on http://localhost:${port}`);
// Our own SIGTERM handler closes the database before exit (notes/database.md, pitfall 3).
const code = await runStep(bin('next'), ['start', '-p', port], {
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: '1' },
});
process.exit(code);
