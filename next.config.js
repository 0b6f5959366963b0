// @ts-check
// CommonJS on purpose: package.json has no "type": "module", and Node would only load an ESM
// next.config.js after a failed CommonJS parse, with a MODULE_TYPELESS_PACKAGE_JSON warning.
// Runtime caches: pages and RSC payloads network-first so a visited screen opens offline (F2).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS config (see above)
const { PHASE_PRODUCTION_SERVER } = require('next/constants');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS config (see above)
const path = require('node:path');

/** next-pwa fallback kinds the app has no fallback for (it has the document one only). */
const UNUSED_FALLBACKS = ['IMAGE', 'AUDIO', 'VIDEO', 'FONT', 'DATA'];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Our workspace packages ship TypeScript sources; Next compiles them.
  transpilePackages: [
    '@courtsync/scoring',
    '@courtsync/protocol',
    '@courtsync/client',
    '@courtsync/ui',
    '@courtsync/server',
  ],
  // PGlite loads its wasm from its own folder at run time: webpack must not bundle it.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  webpack(config, { isServer, dev, webpack }) {
    if (isServer) return config;
    // Dexie's default entry wraps its ES5 UMD build (tslib helpers, downlevelled classes); the
    // modern ES module is the same library, ≈ 1.6 kB smaller gzipped in the service worker's
    // script (bench figure 8b). The worker only (next-pwa compiles it in a child compiler):
    // in the pages it made a tap's write slower to become durable (bench 3b p95 ≈ 29 → 35 ms,
    // three runs each), which the few hundred bytes it saves there do not pay for.
    const modernDexie = require.resolve('dexie/dist/modern/dexie.mjs');
    config.plugins.push({
      /** @param {import('webpack').Compiler} compiler */
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('WorkerModernDexie', (compilation) => {
          compilation.hooks.childCompiler.tap('WorkerModernDexie', (child) => {
            new webpack.NormalModuleReplacementPlugin(/^dexie$/, modernDexie).apply(child);
          });
        });
      },
    });
    // zod's "no side effects" marks made readable to the minifier (see the loader).
    config.module.rules.push({
      test: /[\\/]node_modules[\\/]zod[\\/].+\.js$/,
      enforce: 'pre',
      loader: require.resolve('./scripts/webpack/zod-pure-annotations.cjs'),
    });
    // next-pwa's offline fallback script reads one process.env variable per fallback kind, but
    // only defines those configured (here the document, app/~offline). The others made webpack
    // bundle a whole `process` polyfill into it (≈ 1 kB of its 1.2 kB gzipped, figure 8b);
    // defined as undefined, the minifier drops their branches. Keep in step with `fallbacks`.
    config.plugins.push(
      new webpack.DefinePlugin(
        Object.fromEntries(
          UNUSED_FALLBACKS.map((kind) => [`process.env.__PWA_FALLBACK_${kind}__`, 'undefined']),
        ),
      ),
    );
    if (dev) return config;
    // next-pwa's page entry needs only `new Workbox(url).register()` (see the module's comment).
    config.resolve.alias['workbox-window$'] = path.join(
      __dirname,
      'packages/client/src/service-worker-registration.ts',
    );
    // Every page loads the root layout, so whatever the layout uses goes into one chunk beside
    // it. Next's own rule shares code between chunks only from 20 kB up: below that, the
    // session, database and sync-status code the layout and a page both use was shipped twice
    // in one first load (bench figure 8a).
    config.optimization.splitChunks.cacheGroups.layoutShared = {
      name: 'layout-shared',
      chunks: 'initial',
      minChunks: 2,
      minSize: 0,
      priority: 5,
      reuseExistingChunk: true,
      /** @type {(module: unknown, context: { chunkGraph: { getModuleChunksIterable(m: unknown): Iterable<{ name?: string | null }> } }) => boolean} */
      test: (module, { chunkGraph }) => {
        for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
          if (chunk.name === 'app/layout') return true;
        }
        return false;
      },
    };
    return config;
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        // The service worker must never be served stale, or fixes would not reach devices.
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' },
          { key: 'Service-Worker-Allowed', value: '/' },
        ],
      },
    ];
  },
};

/**
 * next-pwa's default runtime caches this app uses: its own scripts, styles and icons, and
 * pages with their RSC payloads. Left out: the API (see below), Google Fonts, audio and video
 * (their range-request plugin), next/image, pages-router data, data files and cross-origin
 * requests — the app has none of them, and each rule and plugin is code in the service
 * worker's scripts (bench figure 8b).
 */
const USED_CACHES = new Set([
  'static-image-assets',
  'next-static-js-assets',
  'static-js-assets',
  'static-style-assets',
  'pages-rsc-prefetch',
  'pages-rsc',
  'pages',
]);

/** next-pwa only adds a webpack step (the service worker), so `next start` never needs it. */
function withPWA() {
  // Required lazily: loading next-pwa (workbox-build, webpack plugins) took 0.9–2.9 s of
  // every `next start` here, before the first request could be answered (issue #14).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS config (see above)
  const { default: withPWAInit, runtimeCaching: defaultCache } = require('@ducanh2912/next-pwa');
  return withPWAInit({
    dest: 'public',
    customWorkerSrc: 'worker',
    register: true,
    // A reload on `online` would interrupt a scorekeeper mid-rally; the outbox syncs by itself.
    reloadOnOnline: false,
    cacheOnFrontEndNav: true,
    cacheStartUrl: true,
    dynamicStartUrl: true,
    workboxOptions: {
      skipWaiting: true,
      clientsClaim: true,
      // Workbox's runtime bundled into sw.js rather than a separate workbox-*.js loaded
      // through an AMD shim: one script, tree-shaken and compressed as one (figure 8b).
      inlineWorkboxRuntime: true,
      // Transpiled for the browsers Next builds the app for (its default browserslist), not
      // workbox's default Chrome 56: no class and spread helpers in the service worker.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS config (see above)
      babelPresetEnvTargets: require('next/dist/shared/lib/modern-browserslist-target'),
      // next-pwa's default caching, except that the worker never caches the API: the client
      // keeps what it needs offline in IndexedDB, and a cached answer would pass for a fresh
      // one (API responses are no-store). This list replaces the defaults (no extending); of
      // those, only the caches in USED_CACHES are kept.
      runtimeCaching: [
        {
          // The live stream (SSE) is left to the browser: piped through the worker, a cut
          // connection surfaced as a failed response and EventSource closed for good instead of
          // reconnecting with Last-Event-ID. No other route matches /api/, so the worker does
          // not touch it at all.
          urlPattern: ({ sameOrigin, url: { pathname } }) =>
            sameOrigin && pathname.startsWith('/api/') && pathname !== '/api/v1/sync/stream',
          handler: 'NetworkOnly',
          method: 'GET',
        },
        ...defaultCache.filter((entry) => USED_CACHES.has(entry.options?.cacheName ?? '')),
      ],
    },
  })(nextConfig);
}

/** The production server (`next start`) gets the plain config; builds and dev get the PWA. */
module.exports = (/** @type {string} */ phase) =>
  phase === PHASE_PRODUCTION_SERVER ? nextConfig : withPWA();
