/**
 * Next.js boot hook: starts opening (creating, migrating, seeding) the database without
 * holding the first requests (startServer) and closes it on SIGTERM/SIGINT. The start scripts set NEXT_MANUAL_SIG_HANDLE=1 so Next
 * leaves the signals to us (notes/database.md, pitfall 3).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The database first: it opens while the rest of the server loads (packages/server/src/boot.ts).
  const { startOpeningDatabase } = await import('@courtsync/server/boot');
  startOpeningDatabase();
  const { startServer, shutdownServer, logger } = await import('@courtsync/server');
  await startServer();
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('signal received', { signal });
    shutdownServer().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
