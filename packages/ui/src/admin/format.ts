/** "3 min ago" / "in 12 min" for an ISO time relative to now; "—" for none. */
export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const [n, unit] =
    abs < 60
      ? [abs, 's']
      : abs < 3600
        ? [Math.round(abs / 60), 'min']
        : abs < 86_400
          ? [Math.round(abs / 3600), 'h']
          : [Math.round(abs / 86_400), 'd'];
  return seconds < 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}

/** A duration in ms as "850 ms" / "12.3 s" / "4.1 min"; "—" for none. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** A percentage or "—". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(value === 100 ? 0 : 1)} %`;
}
