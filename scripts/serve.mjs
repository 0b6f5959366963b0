// The production server (`npm start`, the e2e tests and the bench start it): Next's own request
// handler behind Node's HTTP server, as `next start` sets it up, except that the routes
// @courtsync/server publishes from the instrumentation hook (POST /api/v1/sync/push) are
// answered before Next's router: for a 100-op push that pipeline cost about a third of the
// server's CPU (issue #14). Usage: node scripts/serve.mjs [-p port] [-H hostname]
import http from 'node:http';
import { createRequire } from 'node:module';
import next from 'next';

const args = process.argv.slice(2);
const option = (short, long) => {
  const at = args.findIndex((a) => a === short || a === long);
  return at >= 0 ? args[at + 1] : undefined;
};
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname');
/** Where packages/server/src/http/node-routes.ts publishes its routes. */
const ROUTES = Symbol.for('courtsync.server.nodeRoutes');

const app = next({ dev: false, dir: process.cwd(), port, hostname });
/** Next's handler once prepared; prepare() also runs instrumentation.ts (database, routes). */
let handle;
const ready = app.prepare().then(() => {
  handle = app.getRequestHandler();
});

/** The headers next.config.js gives every path, for the answers Next does not write. */
const require = createRequire(import.meta.url);
const everyPathHeaders = (async () => {
  const config = require('../next.config.js')('phase-production-server');
  const rules = (await config.headers?.()) ?? [];
  return rules.filter((r) => r.source === '/:path*').flatMap((r) => r.headers);
})();

const server = http.createServer(async (req, res) => {
  try {
    // Listening starts at once, as with `next start`; the first requests wait for Next.
    if (!handle) await ready;
    const path = (req.url ?? '/').split('?')[0];
    const route = globalThis[ROUTES]?.get(`${req.method} ${path}`);
    if (!route) return await handle(req, res);
    for (const { key, value } of await everyPathHeaders) res.setHeader(key, value);
    await route(req, res);
  } catch (error) {
    console.error(`Failed to handle ${req.method} ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
});

// The app's own handler (instrumentation.ts) drains requests in flight, closes the database
// and exits; here the server stops taking new connections meanwhile.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close());

server.on('error', (error) => {
  console.error('Failed to start server', error);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`> CourtSync ready on http://${hostname ?? 'localhost'}:${port}`);
});
