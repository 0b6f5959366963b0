// Prints one line per figure and writes bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './paths.mjs';

/** One report line: id, name, value, target, baseline and ratio, BELOW TARGET if missed. */
export function formatLine(figure) {
  const parts = [`${figure.id.padEnd(3)} ${figure.name.padEnd(50)} ${figure.display.padEnd(24)}`];
  if (figure.target) parts.push(`target ${figure.target.text}`.padEnd(34));
  if (figure.baseline) parts.push(`baseline ${figure.baseline.text}`);
  if (figure.ratio) parts.push(`ratio ${figure.ratio.text}`);
  if (figure.belowTarget) parts.push('BELOW TARGET');
  return parts.join('  ').trimEnd();
}

/** Prints the report to stdout and saves it as JSON; returns the JSON path. */
export function writeReport({ figures, meta }) {
  const sorted = [...figures].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  console.log(`CourtSync bench — ${meta.startedAt} — ${meta.machine}`);
  for (const figure of sorted) console.log(formatLine(figure));
  console.log(`(${meta.durationS} s; ${meta.build}; JSON: bench/results/latest.json)`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'latest.json');
  writeFileSync(file, `${JSON.stringify({ ...meta, figures: sorted }, null, 2)}\n`);
  return file;
}
