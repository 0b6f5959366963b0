// Figures whose feature does not exist yet: printed as n/a, never BELOW TARGET.
import { notMeasured } from '../lib/figure.mjs';

/** Figure 4 (live fan-out over SSE, F20) and figure 9 (upstream sync). */
export function notBuiltFigures() {
  return [
    notMeasured({
      id: '4',
      name: 'live fan-out, 1,000 SSE subscribers',
      note: 'n/a (not built yet: F20)',
      target: { text: 'p99 ≤ 200 ms', met: true },
    }),
    notMeasured({
      id: '9',
      name: 'upstream sync, 100 tournaments / 5,000 matches',
      note: 'n/a (not built yet)',
      target: { text: 'first ≤ 15 s; second ≥ 60 % fewer calls', met: true },
    }),
  ];
}
