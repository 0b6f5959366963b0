// Every match the bench scores, by figure. Ids of the app's and the baseline's matches have the
// same length so both sides send the same number of bytes per op.

/** Formats alternate so every figure mixes beach and indoor matches. */
export const formatOf = (index) => (index % 2 === 0 ? 'beach' : 'indoor');

const pad = (n) => String(n).padStart(2, '0');

/** Figure 1: 20 matches per drain run, `side` 'a' (CourtSync) or 'b' (baseline). */
export const drainMatches = (run, side) =>
  Array.from({ length: 20 }, (_, i) => ({
    id: `drain${run}${side}-${pad(i)}`,
    format: formatOf(i),
  }));

/** Figure 2: one match per reconnect round. */
export const reconnectMatches = (rounds) =>
  Array.from({ length: rounds }, (_, i) => ({ id: `reconnect-${pad(i)}`, format: formatOf(i) }));

/** Figure 3: the matches tapped on screen. */
export const tapMatches = (count) =>
  Array.from({ length: count }, (_, i) => ({ id: `tap-${pad(i)}`, format: formatOf(i) }));

/** Figure 4: the matches whose ops are fanned out to the tournament's subscribers. */
export const fanoutMatches = (count) =>
  Array.from({ length: count }, (_, i) => ({ id: `fanout-${pad(i)}`, format: formatOf(i) }));

/** Figure 11: one match per recovery round. */
export const recoveryMatches = (rounds) =>
  Array.from({ length: rounds }, (_, i) => ({ id: `recovery-${pad(i)}`, format: formatOf(i) }));

/** Figure 5: `perClient` matches for each of `clients` devices (plus one warm-up match each). */
export const ingestMatches = (clients, perClient) =>
  Array.from({ length: clients }, (_, c) =>
    Array.from({ length: perClient + 1 }, (_, k) => ({
      id: `ingest-${pad(c)}-${k === perClient ? 'warm' : pad(k)}`,
      format: formatOf(k),
    })),
  ).flat();

/** Rows for insertMatches: each match with the empty state of its format. */
export const withEmptyState = (lib, matches) =>
  matches.map((m) => ({ ...m, state: lib.replay(m.format, []) }));
