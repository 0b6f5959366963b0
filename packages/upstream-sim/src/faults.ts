import { z } from 'zod';

/** Which requests a fault applies to; every given field must match. */
export const faultTargetSchema = z.object({
  protocol: z.enum(['vis', 'presto']).optional(),
  /** VIS request Type (GetBeachMatchList …) or Presto route (auth.token, auth.refresh, team.events, event.stats). */
  endpoint: z.string().min(1).optional(),
  /** Tournament No (match lists), match No, team id or event id. */
  key: z.string().min(1).optional(),
});

/** One injected fault. `times` limits how many requests it hits (every one when absent). */
export const faultRuleSchema = faultTargetSchema.extend({
  kind: z.enum(['latency', 'timeout', 'error', 'malformed', 'unauthorized', 'rate-limit']),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** For `error`: the 5xx (or other) status; default 500. */
  status: z.number().int().min(400).max(599).optional(),
  /** For `rate-limit`: Retry-After seconds; default 1. */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  times: z.number().int().positive().optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

/** What a request is, for fault matching and the request log. */
export interface RequestTarget {
  protocol: 'vis' | 'presto';
  endpoint: string;
  key?: string;
}

interface ActiveRule {
  id: number;
  rule: FaultRule;
  remaining: number;
}

/** The fault rules in force; `take` consumes one hit of each rule a request matches. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** Adds a rule (validated) and returns its id. */
  add(rule: FaultRule): number {
    const parsed = faultRuleSchema.parse(rule);
    const id = this.nextId++;
    this.rules.push({ id, rule: parsed, remaining: parsed.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  /** Removes one rule, or every rule when no id is given. */
  clear(id?: number): void {
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.id !== id);
  }

  /** The rules in force (for the control API). */
  list(): Array<FaultRule & { id: number; remaining: number | null }> {
    return this.rules.map((r) => ({
      ...r.rule,
      id: r.id,
      remaining: Number.isFinite(r.remaining) ? r.remaining : null,
    }));
  }

  /** The rules matching `target`, each hit once (exhausted rules are dropped). */
  take(target: RequestTarget): FaultRule[] {
    const hits: FaultRule[] = [];
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.protocol && rule.protocol !== target.protocol) continue;
      if (rule.endpoint && rule.endpoint !== target.endpoint) continue;
      if (rule.key && rule.key !== target.key) continue;
      active.remaining -= 1;
      hits.push(rule);
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return hits;
  }
}
