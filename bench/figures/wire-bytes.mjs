// Figure 7 — bytes on the wire for 1,000 ops, measured at the bench proxy during the first
// drain run of each side: request line + headers exactly as Chromium sent them, plus the body
// as sent (gzip for CourtSync's batches, plain JSON for the baseline's one-op requests).
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { round } from '../lib/stats.mjs';

/** Sums the request and response sides of some push exchanges. */
function totals(exchanges) {
  const sum = (key) => exchanges.reduce((n, x) => n + x[key], 0);
  const heads = sum('requestHeadBytes');
  const bodies = sum('requestBodyBytes');
  return {
    requests: exchanges.length,
    requestBytes: heads + bodies,
    requestHeadBytes: heads,
    requestBodyBytes: bodies,
    meanHeadBytes: round(heads / exchanges.length),
    responseBytes: sum('responseHeadBytes') + sum('responseBodyBytes'),
    encodings: [...new Set(exchanges.map((x) => x.contentEncoding))],
  };
}

/** Figure 7 from the wire records of the first drain run. */
export function wireFigure(wire) {
  const ours = totals(wire.ours);
  const base = totals(wire.baseline);
  const fewer = 1 - ours.requestBytes / base.requestBytes;
  return makeFigure({
    id: '7',
    name: 'bytes on the wire, 1,000 ops (requests)',
    value: ours.requestBytes,
    unit: 'B',
    target: { text: '≥ 70 % fewer than baseline', met: fewer >= 0.7 },
    baseline: {
      value: base.requestBytes,
      unit: 'B',
      text: `${formatNumber(base.requestBytes, 0)} B (1,000 JSON requests)`,
    },
    ratio: { value: round(fewer * 100, 1), text: `${formatNumber(fewer * 100, 1)} % fewer` },
    details: { ours, baseline: base },
  });
}
