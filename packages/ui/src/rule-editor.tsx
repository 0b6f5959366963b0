'use client';

import { useState } from 'react';
import { ruleProblems, type PriorityRule, type RuleCondition } from '@courtsync/client';

/** Props of the rule editor. */
export interface RuleEditorProps {
  rule: PriorityRule;
  /** Matches a "match is" condition can name. */
  matches: { id: string; label: string }[];
  onSave(rule: PriorityRule): void;
  onCancel(): void;
}

const KINDS: { kind: RuleCondition['kind']; label: string }[] = [
  { kind: 'matchLive', label: 'Match is live' },
  { kind: 'inCoveragePlan', label: 'Match in my coverage plan' },
  { kind: 'opType', label: 'Action type is' },
  { kind: 'ageAtLeast', label: 'Waiting at least (minutes)' },
  { kind: 'match', label: 'Match is' },
];

function fresh(kind: RuleCondition['kind'], firstMatch = ''): RuleCondition {
  switch (kind) {
    case 'matchLive':
      return { kind, is: true };
    case 'inCoveragePlan':
      return { kind, is: true };
    case 'opType':
      return { kind, type: 'undo' };
    case 'ageAtLeast':
      return { kind, minutes: 10 };
    case 'match':
      return { kind, matchId: firstMatch };
  }
}

/** Creates or edits a priority rule (F11, F16): name, conditions, points. */
export function RuleEditor({ rule, matches, onSave, onCancel }: RuleEditorProps) {
  const [draft, setDraft] = useState<PriorityRule>(rule);
  const problems = ruleProblems(draft);
  const setCondition = (i: number, c: RuleCondition) =>
    setDraft({ ...draft, conditions: draft.conditions.map((x, j) => (j === i ? c : x)) });
  return (
    <form
      className="rule-editor"
      data-testid="rule-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) onSave(draft);
      }}
    >
      <label className="field">
        Name
        <input
          data-testid="rule-name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <label className="field">
        Points (negative lowers)
        <input
          data-testid="rule-points"
          type="number"
          inputMode="numeric"
          value={Number.isFinite(draft.points) ? draft.points : ''}
          onChange={(e) =>
            setDraft({ ...draft, points: e.target.value === '' ? NaN : Number(e.target.value) })
          }
        />
      </label>
      <fieldset className="rule-conditions">
        <legend>When all of these hold</legend>
        {draft.conditions.map((c, i) => (
          <div key={i} className="rule-condition" data-testid="rule-condition">
            <select
              aria-label="Condition"
              data-testid="condition-kind"
              value={c.kind}
              onChange={(e) =>
                setCondition(i, fresh(e.target.value as RuleCondition['kind'], matches[0]?.id))
              }
            >
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
            {(c.kind === 'matchLive' || c.kind === 'inCoveragePlan') && (
              <select
                aria-label="Yes or no"
                value={String(c.is)}
                onChange={(e) => setCondition(i, { ...c, is: e.target.value === 'true' })}
              >
                <option value="true">yes</option>
                <option value="false">no</option>
              </select>
            )}
            {c.kind === 'opType' && (
              <select
                aria-label="Action type"
                value={c.type}
                onChange={(e) =>
                  setCondition(i, { ...c, type: e.target.value as 'rally' | 'undo' })
                }
              >
                <option value="rally">point</option>
                <option value="undo">undo</option>
              </select>
            )}
            {c.kind === 'ageAtLeast' && (
              <input
                aria-label="Minutes"
                type="number"
                value={c.minutes}
                onChange={(e) => setCondition(i, { ...c, minutes: Number(e.target.value) })}
              />
            )}
            {c.kind === 'match' && (
              <select
                aria-label="Match"
                data-testid="condition-match"
                value={c.matchId}
                onChange={(e) => setCondition(i, { ...c, matchId: e.target.value })}
              >
                <option value="">Pick a match</option>
                {matches.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label="Remove condition"
              onClick={() =>
                setDraft({ ...draft, conditions: draft.conditions.filter((_, j) => j !== i) })
              }
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          data-testid="add-condition"
          onClick={() =>
            setDraft({ ...draft, conditions: [...draft.conditions, fresh('matchLive')] })
          }
        >
          + Add condition
        </button>
      </fieldset>
      {problems.length > 0 && (
        <p className="sync-error" data-testid="rule-problems">
          {problems.join('. ')}
        </p>
      )}
      <div className="queue-actions">
        <button
          type="submit"
          className="plain-button"
          data-testid="rule-save"
          disabled={problems.length > 0}
        >
          Save rule
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
