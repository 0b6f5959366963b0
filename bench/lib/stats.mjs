// Small statistics for the figures.

/** The nearest-rank percentile `p` (0-100) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The median (nearest-rank p50) of `values`. */
export const median = (values) => percentile(values, 50);

/** Rounds to `digits` decimals. */
export const round = (value, digits = 0) => Number(value.toFixed(digits));
