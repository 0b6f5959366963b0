// Figure 8 — first-load JavaScript of the scorekeeper page and the service worker's scripts,
// gzipped (level 9, as Next's own size report did), read from the build output.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { newPhoneContext } from '../lib/browser.mjs';
import { makeFigure } from '../lib/figure.mjs';
import { ROOT } from '../lib/paths.mjs';
import { round } from '../lib/stats.mjs';

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The build output file behind a script URL: .next/static for chunks, public/ for the PWA's. */
function buildFileOf(url) {
  if (url.startsWith('/_next/static/')) {
    return path.join(ROOT, '.next/static', decodeURIComponent(url.slice('/_next/static/'.length)));
  }
  const file = path.join(ROOT, 'public', decodeURIComponent(url));
  if (!existsSync(file)) throw new Error(`page script not in the build output: ${url}`);
  return file;
}

/**
 * The scripts a fresh browser loads for the scorekeeper page (until none is requested for 2 s),
 * each measured from its file in .next/static.
 */
export async function measureFirstLoadJs({ browser, origin, matchId }) {
  const context = await newPhoneContext(browser);
  try {
    const page = await context.newPage();
    const urls = new Set();
    let lastScriptAt = Date.now();
    page.on('request', (request) => {
      if (request.resourceType() !== 'script') return;
      urls.add(new URL(request.url()).pathname);
      lastScriptAt = Date.now();
    });
    await page.goto(`${origin}/matches/${matchId}`);
    await page.getByTestId('scorekeeper').waitFor();
    // Until no script has been requested for 2 s. Not `networkidle`: the page keeps its live
    // stream (SSE) open, so the network is never idle.
    const deadline = Date.now() + 30_000;
    while (Date.now() - lastScriptAt < 2_000 && Date.now() < deadline) {
      await page.waitForTimeout(250);
    }
    const files = [...urls].map((url) => {
      const file = buildFileOf(url);
      return { url, raw: readFileSync(file).length, gzip: gzipSize(file) };
    });
    return { gzip: files.reduce((n, f) => n + f.gzip, 0), files };
  } finally {
    await context.close();
  }
}

/** public/sw.js and every script it loads: workbox (its `define` deps) and importScripts. */
export function measureServiceWorker() {
  const dir = path.join(ROOT, 'public');
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const names = new Set(['sw.js']);
  for (const [, deps] of sw.matchAll(/define\(\[([^\]]*)\]/g)) {
    for (const [, dep] of deps.matchAll(/"\.\/([^"]+)"/g)) names.add(`${dep}.js`);
  }
  for (const [, args] of sw.matchAll(/importScripts\(((?:"[^"]+",?)+)\)/g)) {
    for (const [, url] of args.matchAll(/"\/?([^"]+)"/g)) names.add(url);
  }
  const files = [...names].map((name) => {
    const file = path.join(dir, name);
    return { file: `public/${name}`, raw: readFileSync(file).length, gzip: gzipSize(file) };
  });
  return { gzip: files.reduce((n, f) => n + f.gzip, 0), files };
}

/** One size figure in kB of 1,000 bytes against its gzip budget. */
function sizeFigure(id, name, measured, budgetKb) {
  return makeFigure({
    id,
    name,
    value: round(measured.gzip / 1000, 1),
    unit: 'kB',
    digits: 1,
    target: { text: `≤ ${budgetKb} kB`, met: measured.gzip <= budgetKb * 1000 },
    details: { files: measured.files },
  });
}

/** Figures 8a and 8b. */
export function sizeFigures({ page, worker }) {
  return [
    sizeFigure('8a', 'first-load JS, scorekeeper page (gzip)', page, 200),
    sizeFigure('8b', 'service worker scripts (gzip)', worker, 60),
  ];
}
