// Figures whose feature does not exist yet: printed as n/a, never BELOW TARGET.
import { notMeasured } from '../lib/figure.mjs';

/** Figure 9 (upstream sync). */
export function notBuiltFigures() {
  return [
    notMeasured({
      id: '9',
      name: 'upstream sync, 100 tournaments / 5,000 matches',
      note: 'n/a (not built yet)',
      target: { text: 'first ≤ 15 s; second ≥ 60 % fewer calls', met: true },
    }),
  ];
}
