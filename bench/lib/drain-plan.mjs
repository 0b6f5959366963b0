// The ops of one drain: 20 matches × 50 taps = 1,000, interleaved in time.
import { interleave, tapScript } from './op-scripts.mjs';

/**
 * The 1,000 taps of one drain: 20 courts scored side by side. Priority rules do not exist yet,
 * so the ops are queued in tap order, as the app queues them today.
 */
export function drainPlan(lib, matches, random, opsPerMatch = 50) {
  return interleave(
    matches.map((m) => ({ matchId: m.id, taps: tapScript(lib, m.format, opsPerMatch, random) })),
  );
}
