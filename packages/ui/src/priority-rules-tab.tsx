'use client';

import { useState } from 'react';
import type { PriorityRule, RuleCondition } from '@courtsync/client';
import { RuleEditor } from './rule-editor';

/** Props of the Priority Rules tab. */
export interface PriorityRulesTabProps {
  rules: readonly PriorityRule[];
  matches: { id: string; label: string }[];
  onSave(rule: PriorityRule): void;
  onToggle(id: string, enabled: boolean): void;
  onDelete(id: string): void;
  /** A new rule's id (injected: tests give a fixed one). */
  newId?: () => string;
}

/** One condition in words. */
export function describeCondition(c: RuleCondition, matchLabel: (id: string) => string): string {
  switch (c.kind) {
    case 'matchLive':
      return c.is ? 'match is live' : 'match is not live';
    case 'inCoveragePlan':
      return c.is ? 'match in my coverage plan' : 'match not in my plan';
    case 'opType':
      return c.type === 'undo' ? 'action is an undo' : 'action is a point';
    case 'ageAtLeast':
      return `waiting ≥ ${c.minutes} min`;
    case 'match':
      return `match is ${matchLabel(c.matchId)}`;
  }
}

/** The rules editor (F16): create, edit, disable and delete priority rules. */
export function PriorityRulesTab(props: PriorityRulesTabProps) {
  const [editing, setEditing] = useState<PriorityRule>();
  const [confirming, setConfirming] = useState<string>();
  const label = (id: string) => props.matches.find((m) => m.id === id)?.label ?? id;
  const newId = props.newId ?? (() => crypto.randomUUID());
  if (editing) {
    return (
      <RuleEditor
        rule={editing}
        matches={props.matches}
        onCancel={() => setEditing(undefined)}
        onSave={(rule) => {
          props.onSave(rule);
          setEditing(undefined);
        }}
      />
    );
  }
  return (
    <div className="rules-tab">
      <p className="queue-line muted">
        Each op starts at HIGH 100, NORMAL 50 or LOW 0; rules add points. Higher scores sync first;
        the actions of one match always stay in order.
      </p>
      <ul className="rules">
        {props.rules.map((rule) => (
          <li
            key={rule.id}
            className={`rule ${rule.enabled ? '' : 'is-disabled'}`}
            data-testid="rule"
            data-rule={rule.id}
          >
            <div className="queue-item-head">
              <strong>{rule.name}</strong>
              <span className="chip" data-testid="rule-points-shown">
                {rule.points > 0 ? `+${rule.points}` : rule.points}
              </span>
            </div>
            <p className="queue-line muted">
              When {rule.conditions.map((c) => describeCondition(c, label)).join(' and ')}
            </p>
            <div className="queue-actions">
              <label className="toggle">
                <input
                  type="checkbox"
                  data-testid="rule-enabled"
                  checked={rule.enabled}
                  onChange={(e) => props.onToggle(rule.id, e.target.checked)}
                />
                On
              </label>
              <button
                type="button"
                className="plain-button"
                data-testid="rule-edit"
                onClick={() => setEditing(rule)}
              >
                Edit
              </button>
              {confirming === rule.id ? (
                <button
                  type="button"
                  className="danger-button"
                  data-testid="rule-confirm-delete"
                  onClick={() => {
                    setConfirming(undefined);
                    props.onDelete(rule.id);
                  }}
                >
                  Delete for good
                </button>
              ) : (
                <button
                  type="button"
                  className="plain-button"
                  data-testid="rule-delete"
                  onClick={() => setConfirming(rule.id)}
                >
                  Delete…
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="plain-button"
        data-testid="rule-new"
        onClick={() =>
          setEditing({
            id: newId(),
            name: '',
            enabled: true,
            conditions: [{ kind: 'matchLive', is: true }],
            points: 10,
          })
        }
      >
        New rule
      </button>
    </div>
  );
}
