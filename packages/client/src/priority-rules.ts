import type { Op } from '@courtsync/protocol';

/** The level an op is queued with (F11); the user moves ops between levels in the queue. */
export type PriorityLevel = 'high' | 'normal' | 'low';

/** Points each level starts from; rules add to it. */
export const LEVEL_BASE: Readonly<Record<PriorityLevel, number>> = {
  high: 100,
  normal: 50,
  low: 0,
};

/** The levels from highest to lowest (for "move up/down"). */
export const LEVELS: readonly PriorityLevel[] = ['high', 'normal', 'low'];

/** One condition of a rule, over the op and its match. */
export type RuleCondition =
  /** The match is under way (started, not finished) on this device. */
  | { kind: 'matchLive'; is: boolean }
  /** The match is in the user's coverage plan (F5). */
  | { kind: 'inCoveragePlan'; is: boolean }
  | { kind: 'opType'; type: Op['type'] }
  /** The op has waited at least this long in the queue. */
  | { kind: 'ageAtLeast'; minutes: number }
  | { kind: 'match'; matchId: string };

/** A priority rule: when every condition holds, the op gets `points` more (may be negative). */
export interface PriorityRule {
  id: string;
  name: string;
  enabled: boolean;
  conditions: RuleCondition[];
  points: number;
}

/** What a rule is evaluated against. */
export interface ScoringContext {
  type: Op['type'];
  matchId: string;
  priority: PriorityLevel;
  matchLive: boolean;
  inCoveragePlan: boolean;
  /** Time in the queue, ms. */
  ageMs: number;
}

/** Rules every device starts with (the user may edit, disable or delete them). */
export const DEFAULT_RULES: readonly PriorityRule[] = [
  {
    id: 'default-live',
    name: 'Live match',
    enabled: true,
    conditions: [{ kind: 'matchLive', is: true }],
    points: 25,
  },
  {
    id: 'default-coverage',
    name: 'Match in my coverage plan',
    enabled: true,
    conditions: [{ kind: 'inCoveragePlan', is: true }],
    points: 20,
  },
  {
    id: 'default-waiting',
    name: 'Waiting over 10 minutes',
    enabled: true,
    conditions: [{ kind: 'ageAtLeast', minutes: 10 }],
    points: 10,
  },
];

/** Whether one condition holds. */
export function conditionHolds(condition: RuleCondition, ctx: ScoringContext): boolean {
  switch (condition.kind) {
    case 'matchLive':
      return ctx.matchLive === condition.is;
    case 'inCoveragePlan':
      return ctx.inCoveragePlan === condition.is;
    case 'opType':
      return ctx.type === condition.type;
    case 'ageAtLeast':
      return ctx.ageMs >= condition.minutes * 60_000;
    case 'match':
      return ctx.matchId === condition.matchId;
  }
}

/** The op's own score: its level's base plus the points of every enabled rule that holds. */
export function scoreOp(ctx: ScoringContext, rules: readonly PriorityRule[]): number {
  let score = LEVEL_BASE[ctx.priority];
  for (const rule of rules) {
    if (rule.enabled && rule.conditions.every((c) => conditionHolds(c, ctx))) score += rule.points;
  }
  return score;
}

/** The meta key of the device's rules. */
export const RULES_KEY = 'priorityRules';

/** The rules from a stored meta value: the defaults until the user changed any. */
export function rulesFrom(value: unknown): PriorityRule[] {
  return Array.isArray(value) ? (value as PriorityRule[]) : [...DEFAULT_RULES];
}
