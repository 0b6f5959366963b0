'use client';

import { useEffect, useState } from 'react';
import {
  backgroundApi,
  deleteRule,
  discardFailedOp,
  observeLocalMatches,
  observeQueueView,
  observeRules,
  observeSettings,
  openCourtSyncDb,
  priorityFigures,
  retryFailedOp,
  saveRule,
  setPriority,
  setRuleEnabled,
  stepLevel,
  type PriorityRule,
  type QueueView,
} from '@courtsync/client';
import { DEFAULT_SYNC_SETTINGS, type SyncMetrics, type SyncSettings } from '@courtsync/protocol';
import { syncRatePerMinute, useBackgroundSyncView } from './background-sync-store';
import { notifyError } from './notices';
import { PriorityRulesTab } from './priority-rules-tab';
import { PriorityViewTab } from './priority-view-tab';
import { SyncProgressIndicator } from './sync-progress-indicator';
import { SyncQueueTab } from './sync-queue-tab';
import { SyncSettingsForm } from './sync-settings-form';
import { useBackgroundSyncManager, useSyncIndicatorData } from './use-background-sync';
import { useObservable } from './use-observable';

type Tab = 'queue' | 'priority' | 'rules';
const TABS: { id: Tab; label: string }[] = [
  { id: 'queue', label: 'Sync Queue' },
  { id: 'priority', label: 'Priority View' },
  { id: 'rules', label: 'Priority Rules' },
];

const EMPTY: QueueView = { items: [], matches: {} };

/** The server's metrics of this device (F24), refreshed when the Priority View opens. */
function useServerMetrics(active: boolean): SyncMetrics | undefined {
  const [metrics, setMetrics] = useState<SyncMetrics>();
  useEffect(() => {
    if (!active) return;
    let live = true;
    const db = openCourtSyncDb();
    void db.meta.get('clientId').then(async (row) => {
      if (typeof row?.value !== 'string') return;
      const m = await backgroundApi((i, init) => fetch(i, init), row.value)
        .metrics()
        .catch(() => undefined);
      if (live) setMetrics(m);
    });
    return () => {
      live = false;
    };
  }, [active]);
  return metrics;
}

/** The /sync page (F16): progress, "Sync now", the queue, its priorities, rules and settings. */
export function SyncPage() {
  const [db] = useState(() => openCourtSyncDb());
  const [tab, setTab] = useState<Tab>('queue');
  const [now, setNow] = useState(() => Date.now());
  const manager = useBackgroundSyncManager();
  const data = useSyncIndicatorData();
  const view = useObservable<QueueView>(() => observeQueueView(db), [db]) ?? EMPTY;
  const rules = useObservable<PriorityRule[]>(() => observeRules(db), [db]) ?? [];
  const settings =
    useObservable<SyncSettings>(() => observeSettings(db), [db]) ?? DEFAULT_SYNC_SETTINGS;
  const locals =
    useObservable<{ id: string; teamA: string; teamB: string }[]>(
      () => observeLocalMatches(db),
      [db],
    ) ?? [];
  const recent = useBackgroundSyncView((s) => s.recent);
  const paused = useBackgroundSyncView((s) => s.manager?.serverState === 'paused');
  const metrics = useServerMetrics(tab === 'priority');
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);

  const fail = (what: string) => (error: unknown) =>
    notifyError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const syncNow = () => void manager?.syncNow().catch(fail('Sync failed'));
  const pending = view.items.filter((i) => i.status === 'pending');
  const levels = { high: 0, normal: 0, low: 0 };
  for (const i of pending) levels[i.priority] += 1;
  const matches = locals.map((m) => ({ id: m.id, label: `${m.teamA} vs ${m.teamB}` }));

  return (
    <main className="screen sync-page" data-testid="sync-page">
      <h1>Sync</h1>
      <SyncProgressIndicator
        variant="detailed"
        {...data}
        onSyncNow={manager ? syncNow : undefined}
      />
      <div className="tabs" role="tablist" aria-label="Sync">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={`tab ${tab === t.id ? 'is-active' : ''}`}
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        data-testid={`panel-${tab}`}
      >
        {tab === 'queue' && (
          <SyncQueueTab
            view={view}
            maxRetryAttempts={settings.maxRetryAttempts}
            onRetry={(opId) =>
              void retryFailedOp(db, opId)
                .then(() => manager?.syncNow())
                .catch(fail('Could not retry'))
            }
            onDiscard={(opId) => void discardFailedOp(db, opId).catch(fail('Could not discard'))}
            onMove={(target, direction) => {
              const item = view.items.find((i) =>
                'opId' in target ? i.opId === target.opId : i.matchId === target.matchId,
              );
              if (!item) return;
              void setPriority(db, target, stepLevel(item.priority, direction)).catch(
                fail('Could not move'),
              );
            }}
          />
        )}
        {tab === 'priority' && (
          <PriorityViewTab
            figures={priorityFigures(view.items, settings.priorityThreshold, now)}
            threshold={settings.priorityThreshold}
            levels={levels}
            ratePerMinute={syncRatePerMinute(recent, now)}
            server={metrics}
          />
        )}
        {tab === 'rules' && (
          <PriorityRulesTab
            rules={rules}
            matches={matches}
            onSave={(rule) => void saveRule(db, rule).catch(fail('Could not save the rule'))}
            onToggle={(id, enabled) =>
              void setRuleEnabled(db, id, enabled).catch(fail('Could not change the rule'))
            }
            onDelete={(id) => void deleteRule(db, id).catch(fail('Could not delete the rule'))}
          />
        )}
      </section>
      <details className="settings" data-testid="settings">
        <summary>Settings</summary>
        <SyncSettingsForm
          key={JSON.stringify(settings)}
          settings={settings}
          paused={paused}
          onSave={async (s) => {
            if (!manager) throw new Error('Sync is still starting');
            await manager.updateSettings(s);
          }}
          onPause={(p) => void manager?.setPaused(p)}
        />
      </details>
    </main>
  );
}
