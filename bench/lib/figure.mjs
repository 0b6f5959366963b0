// One figure of the report: value, unit, target, baseline and ratio where there is one.

/** `value` with thousands separators and exactly `digits` decimals (1,234.5). */
export function formatNumber(value, digits) {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * A measured figure. `target.met` decides BELOW TARGET; `display` overrides how the value is
 * printed (e.g. "p50 95 / p95 180"); `details` go to latest.json only.
 */
export function makeFigure({
  id,
  name,
  value,
  unit,
  digits = 0,
  display,
  target,
  baseline,
  ratio,
  details,
}) {
  return {
    id,
    name,
    value,
    unit,
    display: display ?? `${formatNumber(value, digits)} ${unit}`,
    target,
    baseline,
    ratio,
    belowTarget: target ? !target.met : false,
    details,
  };
}

/** A figure that is not measured (yet): printed as `note`, never BELOW TARGET. */
export function notMeasured({ id, name, note, target }) {
  return { id, name, value: null, unit: null, display: note, target, belowTarget: false };
}

/** A figure whose measurement crashed: printed as ERROR; the bench then exits non-zero. */
export function failedFigure({ id, name, error }) {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id,
    name,
    value: null,
    unit: null,
    display: `ERROR ${message.split('\n')[0]}`,
    error: message,
    belowTarget: false,
  };
}
