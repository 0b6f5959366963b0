import type { Alert, AlertChannel } from '@courtsync/protocol';
import { and, eq, ne, sql } from 'drizzle-orm';
import { alertRules, alerts } from '../db/schema';
import type { Database } from '../db/types';
import { escalated, listRules, readRule } from './alert-rules';
import type { AlertInputs, RuleReading } from './alert-rules';

type AlertRow = typeof alerts.$inferSelect;
type RuleRow = typeof alertRules.$inferSelect;

/** A change of an alert that people must hear about. */
export interface AlertEvent {
  kind: 'opened' | 'escalated' | 'resolved';
  alert: Alert;
  channels: readonly AlertChannel[];
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function message(rule: RuleRow, r: RuleReading): string {
  const value = r.value === null ? 'no data' : String(round(r.value));
  return `${rule.name} — ${r.subject}: ${value} (limit ${rule.comparator} ${rule.threshold})`;
}

/** The wire shape of an alert row. */
export function toAlert(row: AlertRow, ruleName: string): Alert {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName,
    subject: row.subject,
    severity: row.severity,
    status: row.status,
    message: row.message,
    value: row.value,
    threshold: row.threshold,
    openedAt: row.openedAt.toISOString(),
    escalationLevel: row.escalationLevel,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

async function activeAlert(db: Database, ruleId: string, subject: string) {
  const [row] = await db
    .select()
    .from(alerts)
    .where(
      and(eq(alerts.ruleId, ruleId), eq(alerts.subject, subject), ne(alerts.status, 'RESOLVED')),
    );
  return row;
}

/**
 * One rule reading applied to the alerts table. Every transition is one conditional statement
 * (insert guarded by the partial unique index, updates guarded by the old state), so when two
 * instances evaluate at once exactly one of them wins and only the winner reports the event.
 */
async function apply(
  db: Database,
  rule: RuleRow,
  r: RuleReading,
  now: Date,
): Promise<AlertEvent | null> {
  const current = await activeAlert(db, rule.id, r.subject);
  const event = (kind: AlertEvent['kind'], row: AlertRow | undefined): AlertEvent | null =>
    row ? { kind, alert: toAlert(row, rule.name), channels: rule.channels } : null;
  if (!r.firing) {
    if (!current) return null;
    const [row] = await db
      .update(alerts)
      .set({ status: 'RESOLVED', resolvedAt: now, value: r.value })
      .where(and(eq(alerts.id, current.id), ne(alerts.status, 'RESOLVED')))
      .returning();
    return event('resolved', row);
  }
  if (!current) {
    const [row] = await db
      .insert(alerts)
      .values({
        ruleId: rule.id,
        subject: r.subject,
        severity: rule.severity,
        status: 'OPEN',
        message: message(rule, r),
        value: r.value,
        threshold: rule.threshold,
        openedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    return event('opened', row);
  }
  const since = current.escalatedAt ?? current.openedAt;
  const due = now.getTime() - since.getTime() >= rule.escalateAfterMinutes * 60_000;
  if (current.status === 'OPEN' && due) {
    const [row] = await db
      .update(alerts)
      .set({
        severity: escalated(current.severity),
        escalationLevel: current.escalationLevel + 1,
        escalatedAt: now,
        value: r.value,
        message: message(rule, r),
      })
      .where(
        and(
          eq(alerts.id, current.id),
          eq(alerts.status, 'OPEN'),
          eq(alerts.escalationLevel, current.escalationLevel),
        ),
      )
      .returning();
    return event('escalated', row);
  }
  await db
    .update(alerts)
    .set({ value: r.value, message: message(rule, r) })
    .where(eq(alerts.id, current.id));
  return null;
}

/**
 * Evaluates every rule (F35) and opens, escalates or resolves alerts; returns the events to
 * notify. A disabled rule resolves its open alerts.
 */
export async function evaluateAlertRules(
  db: Database,
  inputs: AlertInputs,
  now: Date,
): Promise<AlertEvent[]> {
  const events: AlertEvent[] = [];
  for (const rule of await listRules(db)) {
    const readings = rule.enabled
      ? await readRule(rule, inputs)
      : (await activeSubjects(db, rule.id)).map((subject) => ({
          subject,
          value: null,
          firing: false,
        }));
    for (const r of readings) {
      const e = await apply(db, rule, r, now);
      if (e) events.push(e);
    }
  }
  return events;
}

async function activeSubjects(db: Database, ruleId: string): Promise<string[]> {
  const rows = await db
    .select({ subject: alerts.subject })
    .from(alerts)
    .where(and(eq(alerts.ruleId, ruleId), ne(alerts.status, 'RESOLVED')));
  return rows.map((r) => r.subject);
}

/** Unresolved alerts with their rule names, most severe and newest first. */
export async function listActiveAlerts(db: Database): Promise<Alert[]> {
  const rows = await db
    .select({ alert: alerts, ruleName: alertRules.name })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .where(ne(alerts.status, 'RESOLVED'))
    .orderBy(
      sql`case ${alerts.severity} when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end`,
      sql`${alerts.openedAt} desc`,
    );
  return rows.map((r) => toAlert(r.alert, r.ruleName));
}

/**
 * Acknowledges an open alert (it then no longer escalates); null when there is no such
 * unresolved alert. Acknowledging twice keeps the first acknowledgement.
 */
export async function acknowledgeAlert(
  db: Database,
  id: number,
  by: string,
  note: string | undefined,
  at: Date,
): Promise<Alert | null> {
  await db
    .update(alerts)
    .set({ status: 'ACKNOWLEDGED', acknowledgedAt: at, acknowledgedBy: by, acknowledgeNote: note })
    .where(and(eq(alerts.id, id), eq(alerts.status, 'OPEN')));
  const [row] = await db
    .select({ alert: alerts, ruleName: alertRules.name })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .where(and(eq(alerts.id, id), ne(alerts.status, 'RESOLVED')));
  return row ? toAlert(row.alert, row.ruleName) : null;
}
