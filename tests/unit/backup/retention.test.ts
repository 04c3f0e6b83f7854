// Backup rotation with a fake clock: today one per hour, 14 days one each, 12 months one each, newest always.
import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../db/backup/retention.ts';

/** Local time, so the expectations hold in any time zone. */
const at = (y: number, m: number, d: number, h = 12, min = 0) => ({ createdAt: new Date(y, m - 1, d, h, min).toISOString() });
const names = (set: Set<{ createdAt: string }>) => [...set].map((b) => b.createdAt).sort();

describe('backupsToKeep', () => {
  const now = new Date(2026, 10, 23, 14, 0); // 2026-11-23 14:00

  it('keeps the newest backup of each hour of today, the newest of each earlier day for 14 days, and the newest of each month for 12 months', () => {
    const todayA = at(2026, 11, 23, 9);
    const todayB = at(2026, 11, 23, 11);
    const todayC = at(2026, 11, 23, 13);
    const yesterdayEarly = at(2026, 11, 22, 10);
    const yesterdayLate = at(2026, 11, 22, 16);
    const fourteenDaysAgo = at(2026, 11, 9, 12);
    const fourteenDaysAgoEarly = at(2026, 11, 9, 8);
    const fifteenDaysAgo = at(2026, 11, 8, 12);
    const octoberLast = at(2026, 10, 31, 20);
    const octoberMid = at(2026, 10, 15);
    const december2025 = at(2025, 12, 5);
    const november2025 = at(2025, 11, 30);
    const tomorrow = at(2026, 11, 24, 9);
    const all = [todayA, todayB, todayC, yesterdayEarly, yesterdayLate, fourteenDaysAgo, fourteenDaysAgoEarly, fifteenDaysAgo, octoberLast, octoberMid, december2025, november2025, tomorrow];
    const kept = backupsToKeep(all, now);
    expect(names(kept)).toEqual(names(new Set([todayA, todayB, todayC, yesterdayLate, fourteenDaysAgo, octoberLast, december2025, tomorrow])));
  });

  it('bounds the backups of today: ten quits in four minutes keep one, the newest', () => {
    const burst = Array.from({ length: 10 }, (_, i) => ({ createdAt: new Date(2026, 10, 23, 13, 50, i * 24).toISOString() }));
    const earlierHour = at(2026, 11, 23, 12, 59);
    const earlierHourOlder = at(2026, 11, 23, 12, 1);
    const kept = backupsToKeep([...burst, earlierHour, earlierHourOlder], now);
    expect(names(kept)).toEqual(names(new Set([burst[9]!, earlierHour])));
  });

  it('always keeps the newest backup, however old', () => {
    const only = at(2023, 1, 1);
    expect([...backupsToKeep([only], now)]).toEqual([only]);
  });

  it('converges on today + 14 days + the last backup of each of the 11 earlier months under daily backups', () => {
    let kept: { createdAt: string }[] = [];
    for (let day = new Date(2025, 0, 1, 12); day <= now; day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1, 12)) {
      kept = [...backupsToKeep([...kept, { createdAt: day.toISOString() }], day)];
    }
    const expected = [
      ...[31, 28, 31, 30, 31, 30, 31, 31, 30, 31].map((last, i) => at(2026, i + 1, last)), // Jan–Oct 2026
      at(2025, 12, 31),
      ...Array.from({ length: 15 }, (_, i) => at(2026, 11, 9 + i)), // 9–23 November
    ];
    expect(names(new Set(kept))).toEqual(names(new Set(expected)));
    expect(kept).toHaveLength(26);
  });
});
