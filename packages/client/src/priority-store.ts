import { liveQuery, type Observable } from 'dexie';
import type { CourtSyncDb } from './courtsync-db';
import { DEFAULT_RULES, RULES_KEY, rulesFrom, type PriorityRule } from './priority-rules';
import { rescoreOutbox } from './outbox-rescore';
import { ruleProblems } from './rule-problems';

/** The device's priority rules. */
export async function readRules(db: CourtSyncDb): Promise<PriorityRule[]> {
  return rulesFrom((await db.meta.get(RULES_KEY))?.value);
}

/** Live view of the rules, for the editor. */
export function observeRules(db: CourtSyncDb): Observable<PriorityRule[]> {
  return liveQuery(() => readRules(db));
}

/**
 * Creates or replaces a rule (by id) and rescores the queue so the next flush follows it.
 * Throws with the rule's problems when it is not valid.
 */
export async function saveRule(db: CourtSyncDb, rule: PriorityRule): Promise<void> {
  const problems = ruleProblems(rule);
  if (problems.length > 0) throw new Error(problems.join('; '));
  await changeRules(db, (rules) => {
    const at = rules.findIndex((r) => r.id === rule.id);
    if (at >= 0) rules[at] = rule;
    else rules.push(rule);
    return rules;
  });
}

/** Enables or disables a rule (then rescores). */
export function setRuleEnabled(db: CourtSyncDb, id: string, enabled: boolean): Promise<void> {
  return changeRules(db, (rules) => rules.map((r) => (r.id === id ? { ...r, enabled } : r)));
}

/** Deletes a rule (then rescores). */
export function deleteRule(db: CourtSyncDb, id: string): Promise<void> {
  return changeRules(db, (rules) => rules.filter((r) => r.id !== id));
}

/** Puts the default rules back (then rescores). */
export function resetRules(db: CourtSyncDb): Promise<void> {
  return changeRules(db, () => [...DEFAULT_RULES]);
}

async function changeRules(
  db: CourtSyncDb,
  change: (rules: PriorityRule[]) => PriorityRule[],
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const rules = change(await readRules(db));
    await db.meta.put({ key: RULES_KEY, value: rules });
  });
  await rescoreOutbox(db);
}
