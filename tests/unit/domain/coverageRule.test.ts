// "A done, own, ordinary inspection counts for coverage" is defined once (COVERAGE_RULE): the
// TypeScript predicate and the SQL condition the queries use must select exactly the same rows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSPECTION_ORIGINS, INSPECTION_STATUSES, INSPECTION_TYPES } from '../../../db/domain/codes.ts';
import { countsForCoverage, type CoverageInspection } from '../../../db/domain/coverage.ts';
import { countsForCoverageSql } from '../../../db/queries/coverageRule.ts';
import { inspections, operatingAreas, units } from '../../../db/schema/index.ts';
import { openTempDatabase } from '../../helpers/db.ts';
import { projectRoot } from '../../helpers/server.ts';

const TODAY = '2026-05-12';
const DATES = ['2026-05-11', TODAY, '2026-05-13'];

describe('the coverage rule', () => {
  it('counts exactly the own, ordinary inspections started by today and not merely planned, in SQL and in TypeScript alike', () => {
    const db = openTempDatabase();
    const areaId = db.orm.insert(operatingAreas).values({ name: 'Hemtjänst', updatedBy: 'test' }).returning().get().id;
    const unitId = db.orm
      .insert(units)
      .values({ operatingAreaId: areaId, name: 'Hemtjänst Norr', unitType: 'hemtjanst', regi: 'egen_regi', provider: 'Exempelby kommun', updatedBy: 'test' })
      .returning()
      .get().id;
    const all: (CoverageInspection & { key: string })[] = [];
    for (const origin of INSPECTION_ORIGINS)
      for (const inspectionType of INSPECTION_TYPES)
        for (const status of INSPECTION_STATUSES)
          for (const startDate of DATES) {
            const key = `${origin}/${inspectionType}/${status}/${startDate}`;
            db.orm.insert(inspections).values({ unitId, origin, inspectionType, status, startDate, summary: key, updatedBy: 'test' }).run();
            all.push({ key, unitId, origin, inspectionType, status, startDate });
          }
    expect(all).toHaveLength(2 * 3 * 3 * 3);

    const bySql = db.sqlite
      .prepare(`SELECT summary FROM inspections i WHERE ${countsForCoverageSql('i')} ORDER BY summary`)
      .pluck()
      .all({ today: TODAY });
    const byTypeScript = all.filter((i) => countsForCoverage(i, TODAY)).map((i) => i.key).sort();
    const handComputed = [
      'egen/ordinarie/avslutad/2026-05-11',
      'egen/ordinarie/avslutad/2026-05-12',
      'egen/ordinarie/pagaende/2026-05-11',
      'egen/ordinarie/pagaende/2026-05-12',
    ];
    expect(bySql).toEqual(handComputed);
    expect(byTypeScript).toEqual(handComputed);
    db.sqlite.close();
  });

  it('is spelled in SQL nowhere else in db/', () => {
    const spelled = /origin\s*=\s*'egen'|status\s*<>\s*'planerad'|status\s*!=\s*'planerad'/;
    const files = (fs.readdirSync(path.join(projectRoot, 'db'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.startsWith('migrations'))
      .filter((f) => spelled.test(fs.readFileSync(path.join(projectRoot, 'db', f), 'utf8')));
    expect(files).toEqual([]);
  });
});
