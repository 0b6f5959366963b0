import { z } from 'zod';
import type { FaultInjector } from './faults';
import { faultRuleSchema } from './faults';
import type { RequestLog } from './request-log';
import { json } from './responses';
import type { SimResponse } from './responses';
import type { SimSeason } from './season';

/** What the `/__sim` control API works on. */
export interface ControlContext {
  season: SimSeason;
  faults: FaultInjector;
  requests: RequestLog;
}

const clockSchema = z.object({
  advanceMs: z.number().int().min(0).optional(),
  set: z.iso.datetime().optional(),
});
const rescheduleSchema = z.object({
  court: z.string().min(1).max(100).optional(),
  start: z.iso.datetime().optional(),
});

function parse<T>(schema: z.ZodType<T>, body: string): T | SimResponse {
  let value: unknown;
  try {
    value = body ? JSON.parse(body) : {};
  } catch {
    return json(400, { error: { code: 'VALIDATION_FAILED', message: 'body is not JSON' } });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  return json(400, {
    error: { code: 'VALIDATION_FAILED', message: 'invalid body', details: parsed.error.issues },
  });
}

const isResponse = (v: unknown): v is SimResponse =>
  typeof v === 'object' && v !== null && 'contentType' in v;

/**
 * The simulator's own control API (not part of any provider): state, faults, clock and
 * reschedules, so demos and browser tests can steer it over HTTP like code does in-process.
 */
export function answerControl(
  ctx: ControlContext,
  method: string,
  path: string,
  body: string,
): SimResponse {
  const { season, faults, requests } = ctx;
  if (method === 'GET' && path === '/__sim/state') {
    return json(200, {
      now: new Date(season.clock.now()).toISOString(),
      frozen: season.clock.frozen,
      tournaments: season.tournaments.size,
      matches: season.matches.size,
      faults: faults.list(),
      requests: requests.entries.length,
    });
  }
  if (method === 'GET' && path === '/__sim/requests') return json(200, requests.entries);
  if (method === 'POST' && path === '/__sim/faults') {
    const rule = parse(faultRuleSchema, body);
    return isResponse(rule) ? rule : json(201, { id: faults.add(rule) });
  }
  if (method === 'DELETE' && path === '/__sim/faults') {
    faults.clear();
    return json(200, { cleared: true });
  }
  if (method === 'POST' && path === '/__sim/clock') {
    const change = parse(clockSchema, body);
    if (isResponse(change)) return change;
    if (change.set) season.clock.set(Date.parse(change.set));
    if (change.advanceMs) season.clock.advance(change.advanceMs);
    return json(200, { now: new Date(season.clock.now()).toISOString() });
  }
  const reschedule = /^\/__sim\/matches\/(\d+)\/reschedule$/.exec(path);
  if (method === 'POST' && reschedule?.[1]) {
    const change = parse(rescheduleSchema, body);
    if (isResponse(change)) return change;
    const moved = season.rescheduleMatch(Number(reschedule[1]), {
      court: change.court,
      start: change.start ? Date.parse(change.start) : undefined,
    });
    return moved
      ? json(200, { no: Number(reschedule[1]) })
      : json(404, { error: { code: 'NOT_FOUND', message: 'no such match' } });
  }
  return json(404, { error: { code: 'NOT_FOUND', message: `no control route ${method} ${path}` } });
}
