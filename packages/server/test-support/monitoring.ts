import type { Database } from '../src/db/types';
import { sql } from 'drizzle-orm';
import { createLogger } from '../src/logger';
import { createMonitoringRuntime } from '../src/monitoring/runtime';
import type { MonitoringRuntime } from '../src/monitoring/runtime';
import type { NotifierConfig } from '../src/monitoring/notifier';
import type { JobRunReport, RunFailure } from '../src/monitoring/run-report';
import type { TestSession } from './auth';

/** A clock a test moves by hand. */
export class TestClock {
  private t: number;

  /** Starts at `start`. */
  constructor(start: string | Date = '2031-05-10T12:00:00Z') {
    this.t = new Date(start).getTime();
  }

  /** The current time. */
  now = (): Date => new Date(this.t);

  /** Moves the clock forward. */
  advance(ms: number): Date {
    this.t += ms;
    return this.now();
  }
}

/** Empties the monitoring tables (each test starts without status rows, alerts or triggers). */
export async function resetMonitoring(db: Database): Promise<void> {
  await db.execute(
    sql`truncate alert_deliveries, alerts, sync_errors, sync_status, manual_triggers restart identity cascade`,
  );
  await db.execute(
    sql`update alert_rules set enabled = true, escalate_after_minutes = 15,
          threshold = case id when 'tournaments-consecutive-failures' then 3
                              when 'schedules-consecutive-failures' then 3
                              when 'overall-success-rate' then 95
                              when 'tournaments-duration' then 300
                              when 'schedules-duration' then 600
                              else 1024 end`,
  );
}

/** A monitoring runtime over a test database with a test clock and a quiet logger. */
export function testMonitoring(
  db: Database,
  clock: TestClock,
  notifier: NotifierConfig = {},
): MonitoringRuntime {
  return createMonitoringRuntime({
    getDb: async () => db,
    log: createLogger({ level: 'silent' }),
    now: clock.now,
    notifier,
    memoryMb: () => 100,
  });
}

/** A finished-run report as a runner sends it: `ms` long, ending now. */
export function runReport(
  job: string,
  clock: TestClock,
  outcome: JobRunReport['outcome'],
  options: { ms?: number; records?: number; errors?: RunFailure[] } = {},
): JobRunReport {
  const finishedAt = clock.now();
  return {
    job,
    trigger: 'scheduled',
    startedAt: new Date(finishedAt.getTime() - (options.ms ?? 1000)),
    finishedAt,
    outcome,
    recordsProcessed: options.records ?? 0,
    errors:
      options.errors ??
      (outcome === 'SUCCESS'
        ? []
        : [
            {
              type: 'API',
              message: 'GetBeachMatchList answered HTTP 503',
              context: {
                provider: 'vis',
                request: { method: 'POST', url: 'http://127.0.0.1/vis/getxml.ashx' },
                responseStatus: 503,
              },
            },
          ]),
  };
}

/** One execution row of the runner's `sync_executions` table, for history fixtures. */
export interface ExecutionFixture {
  job: string;
  finishedAt: string;
  seconds: number;
  status: 'success' | 'partial' | 'failed' | 'running';
  records: number;
}

/** Inserts execution rows as the upstream runner (issue #12) writes them. */
export async function insertExecutions(db: Database, rows: readonly ExecutionFixture[]) {
  for (const r of rows) {
    const finished = new Date(r.finishedAt);
    const started = new Date(finished.getTime() - r.seconds * 1000);
    const running = r.status === 'running';
    await db.execute(
      sql`insert into sync_executions (job_name, provider, trigger, instance_id, status, started_at,
            finished_at, duration_ms, records_processed, success)
          values (${r.job}, 'vis', 'scheduled', 'test', ${r.status}, ${started.toISOString()}::timestamptz,
            ${running ? null : finished.toISOString()}::timestamptz, ${running ? null : r.seconds * 1000},
            ${r.records}, ${running ? null : r.status === 'success'})`,
    );
  }
}

/**
 * A request to an admin API carrying `token` as `Authorization: Bearer` — the access token of
 * a signed-in user (`signIn(api, DEMO.admin)`), the METRICS_TOKEN, or anything a test wants
 * refused; `null` sends no credentials.
 */
export function adminRequest(
  path: string,
  init: { token: string | null; method?: string; body?: unknown },
): Request {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`http://localhost${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** A request to an admin API without `token`. */
export type AdminRequestInit = Omit<Parameters<typeof adminRequest>[1], 'token'>;

/**
 * Builds admin-API requests as `session` (its access token as Bearer), `null` for none:
 * `const as = requestsAs(admin); api.auditLog(as(API.auditLog))`.
 */
export function requestsAs(
  session: Pick<TestSession, 'accessToken'> | null,
): (path: string, init?: AdminRequestInit) => Request {
  return (path, init = {}) => adminRequest(path, { ...init, token: session?.accessToken ?? null });
}
