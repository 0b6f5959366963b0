import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimClock } from './clock';
import { answerControl } from './control-handler';
import { FaultInjector } from './faults';
import type { FaultRule, RequestTarget } from './faults';
import { answerPresto, prestoRoute } from './presto-handler';
import { PrestoTokens } from './presto-tokens';
import { RequestLog } from './request-log';
import { basicCredentials, json, malformed, readBody, send, xml } from './responses';
import type { SimResponse } from './responses';
import { SimSeason } from './season';
import type { SeasonOptions } from './season-data';
import { answerVis } from './vis-handler';
import { parseVisEnvelope } from './vis-request';

/** Where the VIS endpoint lives, as on the real service. */
export const VIS_PATH = '/Vis2009/XmlRequest.asmx';

/** How to start the simulator. */
export interface UpstreamSimOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Simulated clock; default real time at speed 1. */
  clock?: SimClock;
  /** Season size and shape (see SeasonOptions); anchored at the clock's now. */
  season?: Partial<SeasonOptions>;
  /** Added to every request (the bench's 50 ms provider). */
  latencyMs?: number;
  /** VIS credentials; null accepts anonymous calls. Default courtsync / vis-secret. */
  vis?: { username: string; password: string } | null;
  /** Presto credentials and id-token lifetime (default courtsync / presto-secret, 3600 s). */
  presto?: { username: string; password: string; tokenSeconds?: number };
}

/** A running simulator and its handles for tests (season, clock, faults, request log). */
export interface UpstreamSim {
  url: string;
  visUrl: string;
  prestoUrl: string;
  port: number;
  clock: SimClock;
  season: SimSeason;
  faults: FaultInjector;
  tokens: PrestoTokens;
  requests: RequestLog;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds a request open without answering until the caller gives up (or 2 minutes pass). */
async function hang(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 120_000);
    req.socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  res.destroy();
}

/** The answer injected faults force instead of the real one, if any. */
function forced(faults: FaultRule[], target: RequestTarget): SimResponse | undefined {
  const asXml = target.protocol === 'vis';
  const error = (status: number, message: string) =>
    asXml
      ? xml(status, `<Error Message="${message}"/>`)
      : json(status, { error: { code: `HTTP_${status}`, message } });
  for (const fault of faults) {
    if (fault.kind === 'unauthorized') return error(401, 'unauthorized (injected)');
    if (fault.kind === 'rate-limit') {
      const retry = String(fault.retryAfterSeconds ?? 1);
      return { ...error(429, 'rate limited (injected)'), headers: { 'retry-after': retry } };
    }
    if (fault.kind === 'error') return error(fault.status ?? 500, 'server error (injected)');
  }
  return undefined;
}

/** Starts the simulator over real HTTP; resolves once it listens. */
export async function startUpstreamSim(options: UpstreamSimOptions = {}): Promise<UpstreamSim> {
  const clock = options.clock ?? new SimClock();
  const season = SimSeason.generate(clock, options.season);
  const faults = new FaultInjector();
  const requests = new RequestLog();
  const prestoCredentials = options.presto ?? { username: 'courtsync', password: 'presto-secret' };
  const tokens = new PrestoTokens(clock, prestoCredentials.tokenSeconds ?? 3600);
  const visCredentials =
    options.vis === undefined ? { username: 'courtsync', password: 'vis-secret' } : options.vis;

  const visAuthorized = (req: IncomingMessage, user?: string, pass?: string): boolean => {
    if (!visCredentials) return true;
    const basic = basicCredentials(req);
    const username = user ?? basic?.username;
    const password = pass ?? basic?.password;
    return username === visCredentials.username && password === visCredentials.password;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (url.pathname.startsWith('/__sim/')) {
      send(req, res, answerControl({ season, faults, requests }, method, url.pathname, body));
      return;
    }
    let target: RequestTarget;
    let answer: () => SimResponse;
    if (url.pathname === VIS_PATH && (method === 'GET' || method === 'POST')) {
      const text = method === 'GET' ? (url.searchParams.get('Request') ?? '') : body;
      const form = text.startsWith('Request=') ? new URLSearchParams(text).get('Request') : null;
      let envelope;
      try {
        envelope = parseVisEnvelope(form ?? text);
      } catch (error) {
        requests.add({ protocol: 'vis', endpoint: 'invalid', at: Date.now(), status: 400 });
        send(
          req,
          res,
          xml(400, `<Error Message="${(error as Error).message.replace(/["<>&]/g, ' ')}"/>`),
        );
        return;
      }
      const first = envelope.requests[0];
      target = {
        protocol: 'vis',
        endpoint: first?.type ?? 'unknown',
        key: first?.no ?? first?.filter.NoTournament,
      };
      answer = () =>
        visAuthorized(req, envelope.username, envelope.password)
          ? answerVis(season, envelope.requests)
          : xml(401, '<Error Message="invalid username or password"/>');
    } else {
      const route = prestoRoute(method, url.pathname);
      if (!route) {
        send(
          req,
          res,
          json(404, { error: { code: 'NOT_FOUND', message: `${method} ${url.pathname}` } }),
        );
        return;
      }
      target = { protocol: 'presto', ...route };
      const ctx = { season, tokens, credentials: prestoCredentials };
      answer = () => answerPresto(ctx, route, body, req.headers.authorization);
    }
    const hits = faults.take(target);
    const at = Date.now();
    const latency =
      (options.latencyMs ?? 0) +
      hits.reduce((sum, f) => sum + (f.kind === 'latency' ? (f.latencyMs ?? 0) : 0), 0);
    if (latency > 0) await sleep(latency);
    if (hits.some((f) => f.kind === 'timeout')) {
      requests.add({ ...target, at, status: 0 });
      await hang(req, res);
      return;
    }
    let response = forced(hits, target) ?? answer();
    if (hits.some((f) => f.kind === 'malformed') && response.status === 200)
      response = malformed(response);
    requests.add({ ...target, at, status: send(req, res, response) });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(req, res, json(500, { error: { code: 'SIM_FAILED', message: String(error) } }));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    visUrl: `${url}${VIS_PATH}`,
    prestoUrl: url,
    port,
    clock,
    season,
    faults,
    tokens,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
