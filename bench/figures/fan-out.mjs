// Figure 4 — live fan-out over Server-Sent Events: 2,000 subscribers of one tournament's
// stream (GET /api/v1/sync/stream) on the real built server, then pushes of a few ops each,
// spaced out. 4a: per subscriber and push, from the push's commit (its answer arriving) to
// the stream message that carries its last op. 4b: the server's resident memory per
// subscriber. Every subscriber must receive every pushed op exactly once.
import http from 'node:http';
import { TOURNAMENT } from '../lib/databases.mjs';
import { formatNumber, makeFigure } from '../lib/figure.mjs';
import { fanoutMatches } from '../lib/match-plan.mjs';
import { BenchDevice, tapScript } from '../lib/op-scripts.mjs';
import { treeRssKb } from '../lib/process-memory.mjs';
import { preparePush, sendPush } from '../lib/push-client.mjs';
import { subscribeMany } from '../lib/sse-client.mjs';
import { percentile, round } from '../lib/stats.mjs';

/** The workload: pushes of OPS_PER_PUSH ops, round-robin over MATCHES matches, SPACING_MS apart. */
export const FANOUT = { matches: 5, opsPerPush: 3, spacingMs: 200, warmSubscribers: 20 };

/** Every match figure 4 pushes to (insert before starting the server). */
export const fanoutMatchList = () => fanoutMatches(FANOUT.matches);

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pushes: `count + 1` bodies (the first is the warm-up) of valid ops, made up front. */
function planPushes(lib, random, count) {
  const device = new BenchDevice(lib);
  const matches = fanoutMatchList();
  const perMatch = Math.ceil((count + 1) / matches.length) * FANOUT.opsPerPush;
  const scripts = matches.map((m) => tapScript(lib, m.format, perMatch, random));
  return Array.from({ length: count + 1 }, (_, k) => {
    const m = k % matches.length;
    const start = Math.floor(k / matches.length) * FANOUT.opsPerPush;
    const ops = scripts[m]
      .slice(start, start + FANOUT.opsPerPush)
      .map((tap) => device.op(matches[m].id, tap));
    return { ops, body: preparePush(ops) };
  });
}

/** The feed's head: pulls the tournament from 0 until nothing more is left. */
async function feedHead(url) {
  let cursor = 0;
  for (;;) {
    const response = await fetch(
      `${url}/api/v1/sync/pull?tournament=${TOURNAMENT}&cursor=${cursor}&limit=1000`,
    );
    if (response.status !== 200) throw new Error(`pull answered ${response.status}`);
    const page = await response.json();
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}

/**
 * Who received what: for every (subscriber, pushed op) how many times, and for every
 * (subscriber, push) when the message with the push's last op arrived.
 */
function createLedger(pushes, subscriberCount) {
  const opIndex = new Map();
  const pushOfOp = [];
  for (const [p, push] of pushes.entries()) {
    for (const op of push.ops) {
      opIndex.set(op.opId, pushOfOp.length);
      pushOfOp.push(p);
    }
  }
  const ops = pushOfOp.length;
  const copies = new Uint8Array(subscriberCount * ops);
  const arrival = new Float64Array(subscriberCount * pushes.length).fill(NaN);
  const lastPosition = new Float64Array(subscriberCount);
  /** Per push: the server's serverTime of its events (ms since the epoch, the server's clock). */
  const serverTime = new Float64Array(pushes.length).fill(NaN);
  let foreign = 0;
  let outOfOrder = 0;
  return {
    /** Reads the messages subscriber `s` collected since the last call. */
    take(s, subscriber) {
      for (const message of subscriber.drain()) {
        if (message.event !== 'feed') continue;
        const { events } = JSON.parse(message.data);
        for (const event of events) {
          if (event.position <= lastPosition[s]) outOfOrder += 1;
          lastPosition[s] = Math.max(lastPosition[s], event.position);
          const i = opIndex.get(event.opId);
          if (i === undefined) {
            foreign += 1;
            continue;
          }
          copies[s * ops + i] = Math.min(255, copies[s * ops + i] + 1);
          const p = pushOfOp[i];
          if (Number.isNaN(serverTime[p])) serverTime[p] = Date.parse(event.serverTime);
          const cell = s * pushes.length + p;
          if (!(arrival[cell] >= message.at)) arrival[cell] = message.at;
        }
      }
    },
    /** Whether subscriber `s` has every op of the pushes up to `last` (all by default). */
    complete(s, last = pushes.length - 1) {
      for (let i = 0; i < ops && pushOfOp[i] <= last; i += 1) {
        if (copies[s * ops + i] === 0) return false;
      }
      return true;
    },
    /** Missing and doubled (subscriber, op) pairs, foreign and out-of-order events. */
    faults() {
      let missing = 0;
      let doubled = 0;
      for (const c of copies) {
        if (c === 0) missing += 1;
        else if (c > 1) doubled += 1;
      }
      return { missing, doubled, foreign, outOfOrder };
    },
    arrivalOf: (s, p) => arrival[s * pushes.length + p],
    serverTimeOf: (p) => serverTime[p],
  };
}

/** Waits until `done()` holds, reading the subscribers' messages every 50 ms. */
async function settle(ledger, subscribers, done, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    subscribers.forEach((sub, s) => ledger.take(s, sub));
    if (done()) return true;
    if (performance.now() > deadline) return false;
    await delay(50);
  }
}

/**
 * Runs figure 4 against the built server at `server` ({url, pid}) whose database holds
 * fanoutMatchList() in the bench tournament. Returns raw samples and memory readings.
 */
export async function measureFanOut({ lib, server, random, subscribers: count, pushes, log }) {
  const plan = planPushes(lib, random, pushes);
  const pushAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const open = new Set();
  const track = (subscriber) => open.add(subscriber);
  const closeAll = () => {
    for (const subscriber of open) subscriber.close();
    open.clear();
  };
  try {
    // Warm-up, untimed: a few subscribers and one push, so idle memory is a warmed server's.
    const cursor = await feedHead(server.url);
    const streamUrl = `${server.url}/api/v1/sync/stream?tournament=${TOURNAMENT}&cursor=${cursor}`;
    const warm = await subscribeMany(streamUrl, streamAgent, FANOUT.warmSubscribers, track);
    await sendPush(server.url, pushAgent, plan[0].body);
    const warmLedger = createLedger(plan.slice(0, 1), warm.length);
    const warmed = await settle(
      warmLedger,
      warm,
      () => warm.every((_, s) => warmLedger.complete(s)),
      10_000,
    );
    if (!warmed) throw new Error('warm-up: the subscribers did not receive the warm-up push');
    closeAll();
    await delay(1000);
    const rssIdleKb = treeRssKb(server.pid);

    // 2,000 subscribers, from the head after the warm-up push.
    const head = await feedHead(server.url);
    const url = `${server.url}/api/v1/sync/stream?tournament=${TOURNAMENT}&cursor=${head}`;
    const connectStarted = performance.now();
    const subs = await subscribeMany(url, streamAgent, count, track);
    const connectMs = performance.now() - connectStarted;
    log(`  fan-out: ${subs.length} subscribers ready in ${Math.round(connectMs)} ms`);
    await delay(1000);
    const rssConnectedKb = treeRssKb(server.pid);

    // The timed pushes, spacingMs apart; just before each, the bench reads what arrived.
    const timed = plan.slice(1);
    const ledger = createLedger(timed, subs.length);
    const sent = [];
    // Bench time (performance.now) to wall-clock time, to compare with the server's serverTime.
    const wallOffset = Date.now() - performance.now();
    const t0 = performance.now();
    for (const [p, push] of timed.entries()) {
      const due = t0 + p * FANOUT.spacingMs;
      if (performance.now() < due) await delay(due - performance.now());
      // Read the previous push's messages now, not while they may still be arriving.
      subs.forEach((sub, s) => ledger.take(s, sub));
      const sentAt = performance.now();
      const answer = await sendPush(server.url, pushAgent, push.body);
      const answeredAt = sentAt + answer.ms;
      const refused = answer.results.find((r) => r.status !== 'applied');
      if (refused) throw new Error(`push ${p}: op ${refused.opId} ${refused.status}`);
      sent.push({ sentAt, answeredAt });
    }
    const allIn = await settle(
      ledger,
      subs,
      () => subs.every((_, s) => ledger.complete(s)),
      10_000,
    );
    const rssAfterKb = treeRssKb(server.pid);
    const broken = subs.filter((sub) => sub.error).length;

    const clockDriftMs = Date.now() - performance.now() - wallOffset;
    const samples = [];
    const fromAnswer = [];
    const fromSend = [];
    let beforeAnswer = 0;
    for (let s = 0; s < subs.length; s += 1) {
      for (let p = 0; p < timed.length; p += 1) {
        const at = ledger.arrivalOf(s, p);
        if (Number.isNaN(at)) continue;
        const ms = at - sent[p].answeredAt;
        if (ms < 0) beforeAnswer += 1;
        fromAnswer.push(Math.max(0, ms));
        fromSend.push(at - sent[p].sentAt);
        // The server stamps serverTime inside the committing transaction: at or before commit.
        samples.push(Math.max(0, at + wallOffset - ledger.serverTimeOf(p)));
      }
    }
    const faults = ledger.faults();
    log(
      `  fan-out: ${samples.length} samples, p99 ${Math.round(percentile(samples, 99))} ms; ` +
        `missing ${faults.missing}, doubled ${faults.doubled}, broken streams ${broken}`,
    );
    closeAll();
    await delay(1000);
    const rssClosedKb = treeRssKb(server.pid);
    return {
      subscribers: subs.length,
      pushes: timed.length,
      opsPerPush: FANOUT.opsPerPush,
      spacingMs: FANOUT.spacingMs,
      connectMs,
      samples,
      fromAnswer,
      fromSend,
      beforeAnswer,
      clockDriftMs,
      pushMs: sent.map((x) => x.answeredAt - x.sentAt),
      allIn,
      broken,
      faults,
      rss: {
        idleKb: rssIdleKb,
        connectedKb: rssConnectedKb,
        afterKb: rssAfterKb,
        closedKb: rssClosedKb,
      },
    };
  } finally {
    closeAll();
    pushAgent.destroy();
    streamAgent.destroy();
  }
}

/** A missing or doubled event (or a broken stream) makes figure 4a an error, not a value. */
function deliveryError(raw) {
  const { missing, doubled, outOfOrder } = raw.faults;
  if (missing + doubled + outOfOrder + raw.broken === 0) return undefined;
  return (
    `delivery not exactly once: ${missing} (subscriber, op) pairs missing, ${doubled} doubled, ` +
    `${outOfOrder} out of order, ${raw.broken} streams broken ` +
    `(${raw.subscribers} subscribers × ${raw.pushes * raw.opsPerPush} ops)`
  );
}

const spread = (values) => ({
  p50: round(percentile(values, 50), 1),
  p99: round(percentile(values, 99), 1),
  max: round(percentile(values, 100), 1),
});

/** Figures 4a (p99 commit → received) and 4b (server memory per subscriber). */
export function fanOutFigures(raw) {
  const error = deliveryError(raw);
  if (error) throw new Error(error);
  const p50 = percentile(raw.samples, 50);
  const p99 = percentile(raw.samples, 99);
  // /proc counts kB of 1,024 bytes; the figure is in kB of 1,000 bytes like figure 8.
  const perSubscriber = (kib) => ((kib - raw.rss.idleKb) * 1024) / 1000 / raw.subscribers;
  const perSubscriberKb = perSubscriber(raw.rss.connectedKb);
  const n = formatNumber(raw.subscribers, 0);
  return [
    makeFigure({
      id: '4a',
      name: `live fan-out to ${n} SSE subscribers`,
      value: round(p99, 1),
      unit: 'ms',
      display: `p50 ${formatNumber(p50, 0)} / p99 ${formatNumber(p99, 0)} ms`,
      target: { text: 'p99 ≤ 200 ms', met: p99 <= 200 },
      details: {
        statistic:
          `from the events' serverTime to the message's arrival, nearest rank over ` +
          `${raw.subscribers} subscribers × ${raw.pushes} pushes`,
        ...spread(raw.samples),
        samples: raw.samples.length,
        fromAnswer: { ...spread(raw.fromAnswer), receivedBeforeAnswer: raw.beforeAnswer },
        fromSend: spread(raw.fromSend),
        pushMs: spread(raw.pushMs),
        clockDriftMs: round(raw.clockDriftMs, 2),
        connectMs: round(raw.connectMs),
        pushes: raw.pushes,
        opsPerPush: raw.opsPerPush,
        spacingMs: raw.spacingMs,
        faults: raw.faults,
      },
    }),
    makeFigure({
      id: '4b',
      name: 'fan-out: server memory per SSE subscriber',
      value: round(perSubscriberKb, 1),
      unit: 'kB',
      digits: 1,
      display: `${formatNumber(perSubscriberKb, 1)} kB/subscriber`,
      target: { text: '≤ 100 kB/subscriber', met: perSubscriberKb <= 100 },
      details: {
        statistic: '(VmRSS with all subscribers connected − VmRSS idle) / subscribers',
        rssKiB: raw.rss,
        afterPushesKbPerSubscriber: round(perSubscriber(raw.rss.afterKb), 1),
      },
    }),
  ];
}
