/**
 * A team's id made from its name, for matches nobody gave team ids: lower case, every run of
 * other characters than letters and digits turned into one "-", no "-" at either end. The
 * same rule as migration 0005's backfill, so ids stay stable when a row is added later.
 */
export function teamIdOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
