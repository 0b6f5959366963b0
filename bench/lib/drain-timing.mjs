// Timing of one drain, from the push exchanges the bench proxy saw.
import { round } from './stats.mjs';

/**
 * Summarizes a drain that started at `startedAt` and was committed at `committedAt`: total ms,
 * the part with a push in flight (network + server), the rest (the browser's own work), and
 * each push's [sent, answered] in ms after the sync event.
 */
export function drainTiming(exchanges, startedAt, committedAt) {
  const ms = committedAt - startedAt;
  const serverMs = exchanges.reduce((n, x) => n + (x.finishedAt - x.startedAt), 0);
  return {
    ms,
    requests: exchanges.length,
    inFlightMs: round(serverMs),
    browserMs: round(ms - serverMs),
    pushes:
      exchanges.length <= 20
        ? exchanges.map((x) => [round(x.startedAt - startedAt), round(x.finishedAt - startedAt)])
        : undefined,
  };
}
