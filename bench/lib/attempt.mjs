// Figures are measured in groups; one group crashing must not hide the others' figures.
import { failedFigure } from './figure.mjs';
import { log } from './settings.mjs';

/**
 * Runs `measure` (resolving with figures) and adds its figures to `figures`; on a crash adds
 * an ERROR figure for every `{id, name}` of `group` instead (the bench then exits non-zero).
 */
export async function attempt(figures, group, measure) {
  try {
    figures.push(...(await measure()));
  } catch (error) {
    log(`${group.map((g) => g.id).join(', ')} failed: ${error?.stack ?? error}`);
    figures.push(...group.map((g) => failedFigure({ ...g, error })));
  }
}
