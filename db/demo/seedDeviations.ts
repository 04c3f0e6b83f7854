// Avvikelser for the demo municipality: monthly counts per deviation type for every hemtjänst
// and särskilt boende / korttidsboende unit, from January 2022 to the month before the demo's
// "today", while the unit was active. Drawn from seeded Poisson rates, with two stories for an
// analysverkstad to find: falls in hemtjänst fall after 2025 (the fall-prevention work), and
// medication deviations at Hemtjänst Norr climb through 2026.
import type { AppDatabase } from '../open.ts';
import { foldName } from '../shared/names.ts';
import { replaceDeviationCounts, type DeviationCount } from '../writes/deviations.ts';
import { DEMO_AS_OF } from './seedInspections.ts';
import { seededRandom } from './random.ts';

const BY = 'exempeldata';
const FIRST_YEAR = 2022;

/** Mean deviations per unit and month, by kind of unit. */
const RATES: Record<'hemtjanst' | 'boende', Record<string, number>> = {
  hemtjanst: { Fall: 1.8, Läkemedel: 1.4, 'Utebliven insats': 1.1, Bemötande: 0.4, Dokumentation: 0.5, Informationsöverföring: 0.5 },
  boende: { Fall: 3.6, Läkemedel: 1.8, 'Utebliven insats': 0.3, Bemötande: 0.5, Dokumentation: 0.6, 'Hot och våld': 0.4 },
};

/** A Poisson draw (Knuth): counts of rare, independent events per month. */
function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

function rate(kind: keyof typeof RATES, type: string, unitName: string, year: number, month: number): number {
  const base = RATES[kind][type] ?? 0;
  if (kind === 'hemtjanst' && type === 'Fall' && year >= 2026) return base * 0.6;
  if (unitName === 'Hemtjänst Norr' && type === 'Läkemedel' && year === 2026) return base * (1 + month / 6);
  return base;
}

export function seedDeviations(db: AppDatabase): void {
  const units = db.sqlite
    .prepare<[], { id: string; name: string; unitType: string; activeFrom: string | null; activeTo: string | null }>(
      `SELECT id, name, unit_type AS unitType, active_from AS activeFrom, active_to AS activeTo FROM units
       WHERE unit_type IN ('hemtjanst', 'sarskilt_boende', 'korttidsboende') ORDER BY name`,
    )
    .all();
  const random = seededRandom(2026_17);
  const [asOfYear, asOfMonth] = DEMO_AS_OF.split('-').map(Number) as [number, number];
  const rows: DeviationCount[] = [];
  for (const unit of units) {
    const kind = unit.unitType === 'hemtjanst' ? 'hemtjanst' : 'boende';
    for (let year = FIRST_YEAR; year <= asOfYear; year++) {
      for (let month = 1; month <= 12 && (year < asOfYear || month < asOfMonth); month++) {
        const monthStart = `${year}-${String(month).padStart(2, '0')}-01`;
        if ((unit.activeFrom && unit.activeFrom > monthStart) || (unit.activeTo && unit.activeTo < monthStart)) continue;
        for (const type of Object.keys(RATES[kind])) {
          const count = poisson(rate(kind, type, unit.name, year, month), random);
          // A summary export lists the types that occurred; a month without any is no row.
          if (count > 0) rows.push({ unitId: unit.id, year, month, deviationType: type, deviationTypeFolded: foldName(type), count });
        }
      }
    }
  }
  replaceDeviationCounts(db, rows, BY);
}
