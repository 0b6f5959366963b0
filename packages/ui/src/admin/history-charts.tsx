'use client';

import type { HistoryPeriod, PerformanceHistory } from '@courtsync/protocol';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { percent } from './format';

const TYPES = ['NETWORK', 'AUTH', 'API', 'DATABASE', 'TIMEOUT', 'VALIDATION'] as const;
const COLORS: Record<(typeof TYPES)[number], string> = {
  NETWORK: '#1f77b4',
  AUTH: '#d62728',
  API: '#ff7f0e',
  DATABASE: '#7f1d1d',
  TIMEOUT: '#9467bd',
  VALIDATION: '#7f7f7f',
};

function label(iso: string, period: HistoryPeriod): string {
  const d = new Date(iso);
  return period === '24h'
    ? `${String(d.getUTCHours()).padStart(2, '0')}:00`
    : `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${String(d.getUTCHours()).padStart(2, '0')}h`;
}

/** Success rate, duration and errors by type over 24 h or 7 d (F36), drawn with recharts. */
export function HistoryCharts({ history }: { history: PerformanceHistory }) {
  const rows = history.buckets.map((b) => ({
    at: label(b.start, history.period),
    successRate: b.successRate,
    avgSeconds: b.avgDurationMs === null ? null : b.avgDurationMs / 1000,
    maxSeconds: b.maxDurationMs === null ? null : b.maxDurationMs / 1000,
    ...Object.fromEntries(TYPES.map((t) => [t, b.errorsByType[t] ?? 0])),
  }));
  const t = history.totals;
  return (
    <div className="history-charts" data-testid="history-charts">
      <p className="history-totals" data-testid="history-totals">
        {t.runs} runs · success {percent(t.successRate)} · avg{' '}
        {t.avgDurationMs === null ? '—' : `${(t.avgDurationMs / 1000).toFixed(1)} s`} · p95{' '}
        {t.p95DurationMs === null ? '—' : `${(t.p95DurationMs / 1000).toFixed(1)} s`}
      </p>
      <figure>
        <figcaption>Success rate (%)</figcaption>
        <ResponsiveContainer width="100%" height={180}>
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" fontSize={10} />
            <YAxis domain={[0, 100]} fontSize={10} width={32} />
            <Tooltip />
            <Line type="monotone" dataKey="successRate" stroke="#0b6e4f" connectNulls dot={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure>
        <figcaption>Duration (s)</figcaption>
        <ResponsiveContainer width="100%" height={180}>
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" fontSize={10} />
            <YAxis fontSize={10} width={32} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="avgSeconds"
              name="avg"
              stroke="#0b3d91"
              connectNulls
              dot={false}
            />
            <Line
              type="monotone"
              dataKey="maxSeconds"
              name="max"
              stroke="#b3261e"
              connectNulls
              dot={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure>
        <figcaption>Errors by type</figcaption>
        <ResponsiveContainer width="100%" height={180}>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" fontSize={10} />
            <YAxis allowDecimals={false} fontSize={10} width={32} />
            <Tooltip />
            <Legend />
            {TYPES.map((type) => (
              <Bar key={type} dataKey={type} stackId="errors" fill={COLORS[type]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
