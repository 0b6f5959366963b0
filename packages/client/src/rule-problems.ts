import type { PriorityRule } from './priority-rules';

// Apart from priority-rules.ts: only the rule editor and the store check rules, and the tap path
// that scores ops (in every page's first load) need not carry these messages.

/** A rule's problems in words (empty when it can be saved). */
export function ruleProblems(rule: PriorityRule): string[] {
  const problems: string[] = [];
  if (!rule.name.trim()) problems.push('Give the rule a name');
  if (!Number.isInteger(rule.points) || Math.abs(rule.points) > 1000)
    problems.push('Points must be a whole number between -1000 and 1000');
  if (rule.conditions.length === 0) problems.push('Add at least one condition');
  for (const c of rule.conditions) {
    if (c.kind === 'ageAtLeast' && !(Number.isFinite(c.minutes) && c.minutes >= 0))
      problems.push('Minutes must be 0 or more');
    if (c.kind === 'match' && !c.matchId) problems.push('Pick a match');
  }
  return problems;
}
