// Demo nyckeltal from seed 003 (Kvalitetsberättelse, §2 and §18.5): nöjdhet hemtjänst 85 % against
// a måltal of 88 % (80 % the year before), särskilt boende 79 % against 83 % (riket 78 %, länet
// 79 %), personalkontinuitet in hemtjänst 12, 11, 10, 9, 19, 21 over 2018–2023, långvarigt
// ekonomiskt bistånd 2018–2022, and the individ- och familjeomsorg figures with kvinnor/män.
// Riket/länet where the seed gives none, and the unit-level nöjdhet, are plausible additions.
import type { AppDatabase } from '../open.ts';
import type { IndicatorDirection, IndicatorSource, IndicatorUnit } from '../domain/codes.ts';
import { indicators } from '../schema/indicators.ts';
import { foldName } from '../shared/names.ts';
import { replaceIndicatorValues, type IndicatorValueWrite } from '../writes/indicators.ts';

const BY = 'exempeldata';

interface DemoIndicator {
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSource;
  description: string;
  firstYear: number;
  values: readonly number[];
  women?: readonly number[];
  men?: readonly number[];
  national?: readonly (number | null)[];
  county?: readonly (number | null)[];
  /** Måltal per year, aligned with values; null where none was set. */
  target?: readonly (number | null)[];
}

const INDICATORS: readonly DemoIndicator[] = [
  {
    name: 'Nöjdhet hemtjänst',
    unit: 'procent',
    direction: 'higher_better',
    source: 'brukarundersokning',
    description: 'Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%) nöjda eller mycket nöjda. Vad tycker de äldre om äldreomsorgen?',
    firstYear: 2019,
    values: [83, 81, 79, 80, 85],
    women: [84, 82, 80, 82, 89],
    men: [81, 79, 77, 77, 78],
    national: [86, 87, 86, 86, 87],
    county: [87, 88, 87, 87, 88],
    target: [85, 85, 88, 88, 88],
  },
  {
    name: 'Nöjdhet särskilt boende',
    unit: 'procent',
    direction: 'higher_better',
    source: 'brukarundersokning',
    description: 'Brukarbedömning särskilt boende äldreomsorg – helhetssyn, andel (%).',
    firstYear: 2019,
    values: [78, 77, 79, 80, 79],
    national: [80, 79, 77, 78, 78],
    county: [81, 80, 78, 79, 79],
    target: [80, 80, 83, 83, 83],
  },
  {
    name: 'Personalkontinuitet hemtjänst',
    unit: 'antal',
    direction: 'lower_better',
    source: 'kolada',
    description: 'Antal personer som en hemtjänsttagare möter under 14 dagar, medelvärde.',
    firstYear: 2018,
    values: [12, 11, 10, 9, 19, 21],
    national: [15, 15, 16, 16, 16, 16],
    target: [null, null, null, 10, 10, 10],
  },
  {
    name: 'Långvarigt ekonomiskt bistånd',
    unit: 'procent',
    direction: 'lower_better',
    source: 'kolada',
    description: 'Andel invånare 20–64 år med långvarigt ekonomiskt bistånd (10–12 månader under året). Ett års eftersläpning.',
    firstYear: 2018,
    values: [1.22, 1.0, 1.08, 0.9, 0.75],
    national: [1.3, 1.25, 1.2, 1.1, 1.05],
    target: [null, null, 1.0, 1.0, 0.8],
  },
  {
    name: 'Ej återaktualiserade vuxna med försörjningsstöd',
    unit: 'procent',
    direction: 'higher_better',
    source: 'kolada',
    description: 'Ej återaktualiserade vuxna personer med försörjningsstöd ett år efter avslutat försörjningsstöd (%).',
    firstYear: 2019,
    values: [80, 81, 82, 73, 78],
    women: [83, 79, 82, 75, 74],
    men: [79, 83, 82, 72, 80],
    target: [null, null, 80, 80, 80],
  },
  {
    name: 'Utredningstid vuxna med missbruksproblem',
    unit: 'dagar',
    direction: 'lower_better',
    source: 'kolada',
    description: 'Utredningstid i antal dagar från påbörjad till avslutad utredning för vuxna med missbruksproblem 21+, medelvärde.',
    firstYear: 2019,
    values: [31, 33, 30, 32, 30],
    women: [36, 30, 22, 23, 23],
    men: [23, 35, 37, 38, 34],
    target: [null, null, 30, 30, 28],
  },
  {
    name: 'Utredningstid barn och unga 0–20 år',
    unit: 'dagar',
    direction: 'lower_better',
    source: 'kolada',
    description: 'Utredningstid i antal dagar från påbörjad till avslutad utredning inom barn och ungdom 0–20 år, medelvärde.',
    firstYear: 2019,
    values: [98, 89, 95, 99, 94],
    women: [103, 89, 94, 111, 97],
    men: [90, 89, 95, 92, 91],
    national: [110, 112, 115, 117, 118],
    target: [null, null, 90, 90, 90],
  },
  {
    name: 'Väntetid till beslut om försörjningsstöd',
    unit: 'dagar',
    direction: 'lower_better',
    source: 'kolada',
    description: 'Väntetid i antal dagar från ansökan vid nybesök till beslut om försörjningsstöd, medelvärde.',
    firstYear: 2019,
    values: [24, 21, 24, 27, 25],
    women: [28, 22, 24, 29, 23],
    men: [22, 21, 25, 25, 27],
    target: [null, null, 20, 20, 20],
  },
  {
    name: 'Väntetid till särskilt boende',
    unit: 'dagar',
    direction: 'lower_better',
    source: 'kolada',
    description: 'Väntetid i antal dagar från ansökningsdatum till första erbjudet inflyttningsdatum till särskilt boende, medelvärde.',
    firstYear: 2019,
    values: [45, 52, 61, 74, 88],
    national: [63, 58, 56, 60, 62],
    target: [null, null, 60, 60, 60],
  },
];

/** 2023 nöjdhet per hemtjänst group (egen statistik from the same survey): the unit level of the demo. */
const UNIT_SATISFACTION_2023: readonly [string, number][] = [
  ['Hemtjänst Centrum', 86],
  ['Hemtjänst Norr', 82],
  ['Hemtjänst Söder', 88],
  ['Hemtjänst Öster', 79],
];

const at = <T>(list: readonly T[] | undefined, i: number): T | null => list?.[i] ?? null;

export function seedIndicators(db: AppDatabase, areaIds: ReadonlyMap<string, string>, unitIdsByName: ReadonlyMap<string, string>): void {
  const rows: IndicatorValueWrite[] = [];
  const ids = new Map<string, string>();
  for (const demo of INDICATORS) {
    const { id } = db.orm
      .insert(indicators)
      .values({ name: demo.name, nameFolded: foldName(demo.name), unit: demo.unit, direction: demo.direction, source: demo.source, description: demo.description, updatedBy: BY })
      .returning()
      .get();
    ids.set(demo.name, id);
    demo.values.forEach((value, i) => {
      rows.push({
        indicatorId: id,
        operatingAreaId: null,
        unitId: null,
        year: demo.firstYear + i,
        part: '',
        value,
        women: at(demo.women, i),
        men: at(demo.men, i),
        national: at(demo.national, i),
        county: at(demo.county, i),
        target: at(demo.target, i),
      });
    });
  }
  const satisfaction = ids.get('Nöjdhet hemtjänst');
  const homeCare = areaIds.get('Hemtjänst');
  if (satisfaction && homeCare) {
    rows.push({ indicatorId: satisfaction, operatingAreaId: homeCare, unitId: null, year: 2023, part: '', value: 84, women: null, men: null, national: 87, county: 88, target: 88 });
    for (const [unitName, value] of UNIT_SATISFACTION_2023) {
      const unitId = unitIdsByName.get(unitName);
      if (unitId) rows.push({ indicatorId: satisfaction, operatingAreaId: null, unitId, year: 2023, part: '', value, women: null, men: null, national: null, county: null, target: 88 });
    }
  }
  replaceIndicatorValues(db, rows, BY);
}
