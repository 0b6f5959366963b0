// Figures whose feature does not exist yet: printed as n/a, never BELOW TARGET.

/** None left: figure 9 (upstream sync) is measured by upstream-sync.mjs. */
export function notBuiltFigures() {
  return [];
}
