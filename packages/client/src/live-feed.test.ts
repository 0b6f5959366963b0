import type { Op } from '@courtsync/protocol';
import type { CourtSyncDb } from './courtsync-db';
import { fakeSyncServer } from './fake-sync-server';
import { connectLiveFeed, type LiveFeedEnv } from './live-feed';
import { freshDb, seedLocalMatch } from './test-support';

/** One browser: its EventSources, BroadcastChannels and Web Locks, all in memory. */
function fakeBrowser() {
  const sources: FakeEventSource[] = [];
  const channels: FakeChannel[] = [];
  class FakeEventSource {
    readyState = 1;
    closed = false;
    private listeners = new Map<string, ((e: MessageEvent) => void)[]>();
    constructor(readonly url: string) {
      sources.push(this);
    }
    addEventListener(type: string, listener: (e: MessageEvent) => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    close() {
      this.closed = true;
    }
    /** The server sends one message. */
    emit(type: string, data: unknown) {
      for (const l of this.listeners.get(type) ?? [])
        l({ data: JSON.stringify(data) } as MessageEvent);
    }
  }
  class FakeChannel {
    onmessage: ((e: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      channels.push(this);
    }
    postMessage(data: unknown) {
      // Like the platform: every other channel of that name, never the sender.
      for (const c of channels)
        if (c !== this && c.name === this.name) c.onmessage?.({ data } as MessageEvent);
    }
    close() {
      channels.splice(channels.indexOf(this), 1);
    }
  }
  const held = new Set<string>();
  const queue: Array<{ name: string; grant: () => void }> = [];
  const locks = {
    request(name: string, options: { signal?: AbortSignal }, task: () => Promise<void>) {
      return new Promise<void>((resolve, reject) => {
        const grant = () => {
          held.add(name);
          void task().finally(() => {
            held.delete(name);
            resolve();
            const next = queue.findIndex((q) => q.name === name);
            if (next >= 0) queue.splice(next, 1)[0]!.grant();
          });
        };
        options.signal?.addEventListener('abort', () => {
          const i = queue.findIndex((q) => q.grant === grant);
          if (i >= 0) queue.splice(i, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        if (held.has(name)) queue.push({ name, grant });
        else grant();
      });
    },
  };
  const env = (): LiveFeedEnv => ({
    EventSource: FakeEventSource as never,
    BroadcastChannel: FakeChannel as never,
    locks: locks as never,
  });
  return { sources, env };
}

const flushPromises = () => new Promise((r) => setTimeout(r, 100));

async function tab(_server: ReturnType<typeof fakeSyncServer>) {
  const db: CourtSyncDb = freshDb();
  await seedLocalMatch(db, 'm1');
  return db;
}

const op = (seq: number): Op => ({
  opId: crypto.randomUUID(),
  clientId: '7f0c4a7e-3c1b-4c55-9d7e-8a2f4c1b9e01',
  seq,
  matchId: 'm1',
  type: 'rally',
  payload: { winner: 'A' },
  clientTime: new Date().toISOString(),
});

/** One tab of one browser, following t1's stream, connected. */
async function oneConnectedTab() {
  const server = fakeSyncServer({ m1: 'beach' });
  const browser = fakeBrowser();
  const db = await tab(server);
  const stop = connectLiveFeed({ db, tournamentId: 't1', fetch: server.fetch, env: browser.env() });
  await flushPromises();
  return { server, browser, db, stop };
}

describe('connectLiveFeed', () => {
  it('opens ONE stream per browser; every tab pulls on a feed message; the next tab takes over', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const browser = fakeBrowser();
    const [one, two] = [await tab(server), await tab(server)];
    const seen: number[] = [];
    const stopOne = connectLiveFeed({
      db: one,
      tournamentId: 't1',
      fetch: server.fetch,
      env: browser.env(),
    });
    const stopTwo = connectLiveFeed({
      db: two,
      tournamentId: 't1',
      fetch: server.fetch,
      env: browser.env(),
      onMessage: (m) => seen.push(m.cursor),
    });
    await flushPromises();
    expect(browser.sources).toHaveLength(1);
    expect(browser.sources[0]!.url).toBe('/api/v1/sync/stream?tournament=t1');

    server.apply([op(1), op(2)]);
    browser.sources[0]!.emit('feed', { events: server.feed, cursor: 2 });
    await flushPromises();
    for (const db of [one, two]) expect((await db.matches.get('m1'))?.state.rallies).toBe(2);
    expect(seen).toEqual([2]);

    // The leader tab closes: the other takes the lock and opens the stream.
    stopOne();
    await flushPromises();
    expect(browser.sources[0]!.closed).toBe(true);
    expect(browser.sources).toHaveLength(2);
    server.apply([op(3)]);
    browser.sources[1]!.emit('feed', { events: server.feed.slice(2), cursor: 3 });
    await flushPromises();
    expect((await two.matches.get('m1'))?.state.rallies).toBe(3);
    stopTwo();
    expect(browser.sources[1]!.closed).toBe(true);
  });

  it('coalesces pokes: one pull in flight per match, one more after it', async () => {
    const { server, browser, stop } = await oneConnectedTab();
    server.apply([op(1)]);
    for (let i = 0; i < 5; i++)
      browser.sources[0]!.emit('feed', { events: server.feed, cursor: 1 });
    await flushPromises();
    expect(server.pulls).toBe(2);
    // A message for a match this device does not have pulls nothing.
    browser.sources[0]!.emit('feed', {
      events: [{ ...server.feed[0], matchId: 'other' }],
      cursor: 1,
    });
    await flushPromises();
    expect(server.pulls).toBe(2);
    stop();
  });

  it('leaves the pull of this device’s own ops in flight to the flush that pushed them', async () => {
    const { server, browser, db, stop } = await oneConnectedTab();
    // This device pushed op 1 and holds its ack; the flush's own pull has not run (or failed).
    const own = op(1);
    server.apply([own]);
    await db.acked.put({
      opId: own.opId,
      matchId: 'm1',
      seq: 1,
      type: own.type,
      payload: own.payload,
    });
    browser.sources[0]!.emit('feed', { events: server.feed, cursor: 1 });
    await flushPromises();
    expect(server.pulls).toBe(0);
    // Another device's point in the same message: the match is pulled, own op included.
    server.apply([{ ...op(1), clientId: '2b1e6f3a-8c4d-4e5f-9a6b-7c8d9e0f1a2b' }]);
    browser.sources[0]!.emit('feed', { events: server.feed, cursor: 2 });
    await flushPromises();
    expect(server.pulls).toBe(1);
    expect((await db.matches.get('m1'))?.state.rallies).toBe(2);
    expect(await db.acked.count()).toBe(0);
    stop();
  });

  it('on ready pulls only the matches behind where the stream starts; a reconnect misses nothing', async () => {
    const server = fakeSyncServer({ m1: 'beach', m2: 'beach' });
    const browser = fakeBrowser();
    const db = await tab(server);
    await seedLocalMatch(db, 'm2');
    server.apply([op(1), op(2)]);
    // m2 was pulled up to position 2 (as a screen that just opened it); m1 never was.
    await db.matches.update('m2', { cursor: 2 });
    const pulled: string[] = [];
    const fetchFn: typeof fetch = (input, init) => {
      const url = new URL(String(input), 'http://courtsync.test');
      if (url.pathname.endsWith('/pull')) pulled.push(url.searchParams.get('match') ?? '');
      return server.fetch(input, init);
    };
    const stop = connectLiveFeed({ db, tournamentId: 't1', fetch: fetchFn, env: browser.env() });
    await flushPromises();
    const stream = browser.sources[0]!;
    stream.emit('ready', { cursor: 2 });
    await flushPromises();
    expect(pulled).toEqual(['m1']);
    expect((await db.matches.get('m1'))?.state.rallies).toBe(2);

    // The stream drops; a point is scored meanwhile. The browser resumes from Last-Event-ID 2:
    // both matches are current up to it (no pull on ready), and the replayed event pulls m1.
    pulled.length = 0;
    server.apply([op(3)]);
    stream.emit('ready', { cursor: 2 });
    await flushPromises();
    expect(pulled).toEqual([]);
    stream.emit('feed', { events: server.feed.slice(2), cursor: 3 });
    await flushPromises();
    expect(pulled).toEqual(['m1']);
    expect((await db.matches.get('m1'))?.state.rallies).toBe(3);

    // A start cursor that cannot be read pulls every match of the tournament.
    pulled.length = 0;
    stream.emit('ready', { cursor: 'not a cursor' });
    await flushPromises();
    expect(pulled.sort()).toEqual(['m1', 'm2']);
    stop();
  });

  it('without Web Locks, each tab opens its own stream', async () => {
    const server = fakeSyncServer({ m1: 'beach' });
    const browser = fakeBrowser();
    const env = { ...browser.env(), locks: null };
    const stops = [
      connectLiveFeed({ db: await tab(server), tournamentId: 't1', fetch: server.fetch, env }),
      connectLiveFeed({ db: await tab(server), tournamentId: 't1', fetch: server.fetch, env }),
    ];
    expect(browser.sources).toHaveLength(2);
    stops.forEach((stop) => stop());
    expect(browser.sources.every((s) => s.closed)).toBe(true);
  });
});
