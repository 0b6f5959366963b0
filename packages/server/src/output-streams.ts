/** Marks the streams already guarded (the server module is loaded twice in one process). */
const GUARDED = Symbol.for('courtsync.server.outputGuarded');

/**
 * Keeps the server serving when whoever reads its stdout/stderr goes away (a closed terminal,
 * a killed supervisor). Without an `error` listener the next write's EPIPE becomes an uncaught
 * exception; Next logs that to the same broken stream, which throws again: the process then
 * spins at full CPU forever, never answering and never finishing its SIGTERM shutdown.
 * Log lines written after that are lost, which is the only thing left to do with them.
 */
export function keepRunningWhenOutputCloses(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    const marked = stream as NodeJS.WriteStream & { [GUARDED]?: boolean };
    if (marked[GUARDED]) continue;
    marked[GUARDED] = true;
    // EPIPE is the usual error; any other one on a log sink is just as final.
    stream.on('error', () => undefined);
  }
}
