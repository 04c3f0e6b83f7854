// Which backups to keep: the newest of each hour of today, the newest of each of the 14 days
// before, the newest of each of the last 12 months, and always the newest of all. Pure, for a fake
// clock. (Every backup of today was once kept: ten 127 MB files in four minutes of quitting.)

export const DAILY_DAYS = 14;
export const MONTHLY_MONTHS = 12;

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
const hourKey = (d: Date) => `${dayKey(d)}-${d.getHours()}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}`;

/** Local calendar days between two dates (so a backup at 23:59 yesterday is 1 day old at 00:01). */
function daysBetween(earlier: Date, later: Date): number {
  const a = Date.UTC(earlier.getFullYear(), earlier.getMonth(), earlier.getDate());
  const b = Date.UTC(later.getFullYear(), later.getMonth(), later.getDate());
  return Math.round((b - a) / 86_400_000);
}

function monthsBetween(earlier: Date, later: Date): number {
  return (later.getFullYear() - earlier.getFullYear()) * 12 + (later.getMonth() - earlier.getMonth());
}

/** The subset of `backups` to keep at `now`; the rest may be deleted. Dates in the future are kept. */
export function backupsToKeep<T extends { createdAt: string }>(backups: readonly T[], now: Date): Set<T> {
  const keep = new Set<T>();
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const newest = newestFirst[0];
  if (newest) keep.add(newest);
  const seenHours = new Set<string>();
  const seenDays = new Set<string>();
  const seenMonths = new Set<string>();
  for (const backup of newestFirst) {
    const at = new Date(backup.createdAt);
    const days = daysBetween(at, now);
    if (Number.isNaN(days) || days < 0) {
      keep.add(backup); // a clock that was ahead, or a date we cannot read: never delete what we cannot place
      continue;
    }
    if (days === 0) {
      if (!seenHours.has(hourKey(at))) keep.add(backup);
      seenHours.add(hourKey(at));
      seenDays.add(dayKey(at));
      seenMonths.add(monthKey(at));
      continue;
    }
    if (days <= DAILY_DAYS && !seenDays.has(dayKey(at))) {
      seenDays.add(dayKey(at));
      keep.add(backup);
    }
    if (monthsBetween(at, now) < MONTHLY_MONTHS && !seenMonths.has(monthKey(at))) {
      seenMonths.add(monthKey(at));
      keep.add(backup);
    }
  }
  return keep;
}
