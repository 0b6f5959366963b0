// Many Server-Sent Events subscribers in the bench process: plain keep-alive HTTP (node:http),
// one socket each, and a minimal parser of the event-stream format. The data handler only
// stamps the arrival time and cuts complete messages out of the text; the messages are read
// later (`drain()`), so the timestamps of later sockets are not delayed by parsing earlier ones.
import http from 'node:http';

/**
 * One subscriber of `url` (a full URL): resolves once the server's `ready` message arrived
 * (with its data parsed) and the subscriber collects every later message as
 * {at, event, id, data} (data unparsed) until `close()`.
 */
export function subscribe(url, agent, { timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const subscriber = {
      messages: [],
      ended: false,
      error: undefined,
      ready: undefined,
      closing: false,
      close() {
        this.closing = true;
        request.destroy();
      },
      /** Takes the messages collected so far ({at, event, id, data}, data unparsed). */
      drain() {
        for (let i = 0; i < raw.length; i += 2) {
          const message = parseMessage(raw[i + 1], raw[i]);
          if (message) this.messages.push(message);
        }
        raw.length = 0;
        return this.messages.splice(0, this.messages.length);
      },
    };
    let buffer = '';
    /** Messages after `ready` as they arrived: time, text, time, text… */
    const raw = [];
    let settled = false;
    const timer = setTimeout(
      () => fail(new Error(`no ready message within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error) => {
      if (subscriber.closing) return;
      subscriber.error ??= error;
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        request.destroy();
        reject(error);
      }
    };
    const request = http.get(
      url,
      { agent, headers: { accept: 'text/event-stream', 'cache-control': 'no-cache' } },
      (response) => {
        const type = response.headers['content-type'] ?? '';
        if (response.statusCode !== 200 || !type.startsWith('text/event-stream')) {
          response.resume();
          fail(new Error(`stream answered ${response.statusCode} ${type}`));
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          const at = performance.now();
          buffer += chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk;
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const text = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (settled) {
              // Parsed in drain(): here only the arrival time is taken.
              raw.push(at, text);
              continue;
            }
            const message = parseMessage(text, at);
            if (message?.event === 'ready') {
              settled = true;
              clearTimeout(timer);
              subscriber.ready = JSON.parse(message.data);
              resolve(subscriber);
            } else if (message) subscriber.messages.push(message);
          }
        });
        response.on('end', () => {
          subscriber.ended = true;
          fail(new Error('stream ended by the server'));
        });
        response.on('error', (error) => fail(error));
      },
    );
    request.on('error', (error) => fail(error));
  });
}

/** One event-stream message (lines of `field: value`); undefined for comments/retry only. */
function parseMessage(text, at) {
  let event = 'message';
  let id;
  const data = [];
  let any = false;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
    else continue;
    any = true;
  }
  return any && data.length > 0 ? { at, event, id, data: data.join('\n') } : undefined;
}

/**
 * Opens `count` subscribers of `url` in waves of `wave` (a burst of thousands of connects
 * would overflow the server's accept backlog and wait for SYN retries). Every subscriber is
 * passed to `track` as soon as it is ready, so a failure later in the waves leaves nothing open.
 */
export async function subscribeMany(url, agent, count, track, wave = 100) {
  const subscribers = [];
  for (let i = 0; i < count; i += wave) {
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(wave, count - i) }, () => subscribe(url, agent)),
    );
    for (const result of batch) {
      if (result.status === 'fulfilled') {
        track(result.value);
        subscribers.push(result.value);
      }
    }
    const failed = batch.find((result) => result.status === 'rejected');
    if (failed) {
      throw new Error(
        `subscriber ${subscribers.length + 1} of ${count}: ${failed.reason?.message}`,
      );
    }
  }
  return subscribers;
}
