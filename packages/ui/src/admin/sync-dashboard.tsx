'use client';

import type { HistoryPeriod } from '@courtsync/protocol';
import { useCallback, useState } from 'react';
import { adminApi, needsAdminSignIn } from './admin-api';
import { AdminSignIn } from './admin-sign-in';
import { AlertsPanel } from './alerts-panel';
import { ErrorLog } from './error-log';
import { HistoryCharts } from './history-charts';
import { JobCards } from './job-cards';
import { AuditLogTable, TournamentSyncTable } from './tables';
import { TriggerPanel } from './trigger-panel';
import { usePolling } from './use-polling';

/** How often the dashboard refreshes itself. */
const REFRESH_MS = 5000;

/**
 * The sync monitoring dashboard (F36): overall status, a card per job, charts over 24 h / 7 d,
 * per-tournament status, active alerts, the error log, manual sync (F37) and its audit log.
 */
export function SyncDashboard() {
  const [period, setPeriod] = useState<HistoryPeriod>('24h');
  const [entity, setEntity] = useState('');
  const overview = usePolling(() => adminApi.healthOverview(), REFRESH_MS, []);
  const history = usePolling(
    () => adminApi.performanceHistory(period, entity || undefined),
    REFRESH_MS * 3,
    [period, entity],
  );
  const tournaments = usePolling(() => adminApi.tournaments(), REFRESH_MS * 3, []);
  const audit = usePolling(() => adminApi.auditLog(), REFRESH_MS, []);
  const reloadOverview = overview.reload;
  const reloadAudit = audit.reload;
  const refresh = useCallback(() => {
    reloadOverview();
    reloadAudit();
  }, [reloadOverview, reloadAudit]);

  // Only a signed-in admin gets in (F21): anyone else is asked to sign in as one.
  if (needsAdminSignIn(overview.error)) {
    return (
      <main className="screen admin">
        <h1>Sync monitoring</h1>
        <AdminSignIn refusal={overview.error} />
      </main>
    );
  }
  const data = overview.data;
  const jobs = data?.jobs.map((j) => j.job) ?? [];
  return (
    <main className="screen admin">
      <header className="admin-header">
        <h1>Sync monitoring</h1>
        {data ? (
          <span
            className={`health-badge overall health-${data.status.toLowerCase()}`}
            data-testid="overall-status"
          >
            {data.status}
          </span>
        ) : null}
      </header>
      {overview.error ? <p className="error-text">{overview.error.message}</p> : null}
      {data ? (
        <p className="muted">
          Scheduler {data.schedulerRunning ? 'running' : 'stopped'} · memory {data.memoryMb} MB ·
          updated {new Date(data.generatedAt).toLocaleTimeString()}
        </p>
      ) : (
        <p className="muted">Loading…</p>
      )}
      <section aria-label="Active alerts">
        <h2>Active alerts</h2>
        <AlertsPanel
          alerts={data?.activeAlerts ?? []}
          onAcknowledge={(id) => adminApi.acknowledge(id).then(refresh, refresh)}
        />
      </section>
      <section aria-label="Jobs">
        <h2>Jobs</h2>
        <JobCards
          jobs={data?.jobs ?? []}
          onSetActive={(job, active) => adminApi.setJobActive(job, active).then(refresh, refresh)}
        />
      </section>
      <section aria-label="Manual sync">
        <h2>Manual sync</h2>
        {jobs.length > 0 ? <TriggerPanel jobs={jobs} onDone={refresh} /> : null}
      </section>
      <section aria-label="History">
        <h2>History</h2>
        <div className="filters">
          {(['24h', '7d'] as const).map((p) => (
            <button key={p} type="button" aria-pressed={period === p} onClick={() => setPeriod(p)}>
              {p}
            </button>
          ))}
          <select value={entity} onChange={(e) => setEntity(e.target.value)} aria-label="Job">
            <option value="">All jobs</option>
            {jobs.map((j) => (
              <option key={j}>{j}</option>
            ))}
          </select>
        </div>
        {history.data ? <HistoryCharts history={history.data} /> : null}
      </section>
      <section aria-label="Tournaments">
        <h2>Tournaments</h2>
        <TournamentSyncTable rows={tournaments.data?.tournaments ?? []} />
      </section>
      <section aria-label="Error log">
        <h2>Error log</h2>
        <ErrorLog jobs={jobs} />
      </section>
      <section aria-label="Audit log">
        <h2>Manual sync audit log</h2>
        <AuditLogTable rows={audit.data?.triggers ?? []} />
      </section>
    </main>
  );
}
