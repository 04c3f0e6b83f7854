// "A done, own, ordinary inspection counts for coverage" is defined once (COVERAGE_RULE): the
// TypeScript predicate and the SQL condition the queries use must select exactly the same rows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSPECTION_ORIGINS, INSPECTION_STATUSES, INSPECTION_TYPES } from '../../../db/domain/codes.ts';
import { countsForCoverage, isOwnInspectionDone, type CoverageInspection } from '../../../db/domain/coverage.ts';
import { countsForCoverageSql, ownInspectionDoneSql } from '../../../db/queries/coverageRule.ts';
import { assessments, inspections, operatingAreas, qualityRequirements, qualityRequirementVersions, units } from '../../../db/schema/index.ts';
import { openTempDatabase } from '../../helpers/db.ts';
import { projectRoot } from '../../helpers/server.ts';

const TODAY = '2026-05-12';
const DATES = ['2026-05-11', TODAY, '2026-05-13'];

describe('the coverage rule', () => {
  it('counts exactly the own, ordinary inspections that are closed or started by today with every assessment recorded, in SQL and in TypeScript alike', () => {
    const db = openTempDatabase();
    const areaId = db.orm.insert(operatingAreas).values({ name: 'Hemtjänst', updatedBy: 'test' }).returning().get().id;
    const unitId = db.orm
      .insert(units)
      .values({ operatingAreaId: areaId, name: 'Hemtjänst Norr', unitType: 'hemtjanst', regi: 'egen_regi', provider: '', updatedBy: 'test' })
      .returning()
      .get().id;
    const versionIds = ['K01', 'K02'].map((code) => {
      const requirementId = db.orm.insert(qualityRequirements).values({ code, codeFolded: code.toLowerCase(), theme: 'Tema', updatedBy: 'test' }).returning().get().id;
      return db.orm
        .insert(qualityRequirementVersions)
        .values({ requirementId, version: 1, title: code, validFrom: '2020-01-01', updatedBy: 'test' })
        .returning()
        .get().id;
    });
    // none: no assessments; some: one of two recorded; all: both recorded.
    const ASSESSED = { none: [], some: ['uppfyllt', 'ej_bedomt'], all: ['uppfyllt', 'ej_uppfyllt'] } as const;
    const all: (CoverageInspection & { key: string })[] = [];
    for (const origin of INSPECTION_ORIGINS)
      for (const inspectionType of INSPECTION_TYPES)
        for (const status of INSPECTION_STATUSES)
          for (const startDate of DATES)
            for (const assessed of ['none', 'some', 'all'] as const) {
              const key = `${origin}/${inspectionType}/${status}/${startDate}/${assessed}`;
              const id = db.orm.insert(inspections).values({ unitId, origin, inspectionType, status, startDate, summary: key, updatedBy: 'test' }).returning().get().id;
              const results = ASSESSED[assessed];
              results.forEach((result, k) =>
                db.orm.insert(assessments).values({ inspectionId: id, requirementVersionId: versionIds[k] ?? '', result, updatedBy: 'test' }).run(),
              );
              const assessedCount = results.filter((r) => r !== 'ej_bedomt').length;
              all.push({ key, unitId, origin, inspectionType, status, startDate, requirementCount: results.length, assessedCount });
            }
    expect(all).toHaveLength(2 * 3 * 3 * 3 * 3);

    const bySql = db.sqlite
      .prepare(`SELECT summary FROM inspections i WHERE ${countsForCoverageSql('i')} ORDER BY summary`)
      .pluck()
      .all({ today: TODAY });
    const byTypeScript = all.filter((i) => countsForCoverage(i, TODAY)).map((i) => i.key).sort();
    const handComputed = [
      // Closed: done whatever the assessments (the app refuses to close before the start date; the rule does not ask).
      'egen/ordinarie/avslutad/2026-05-11/all',
      'egen/ordinarie/avslutad/2026-05-11/none',
      'egen/ordinarie/avslutad/2026-05-11/some',
      'egen/ordinarie/avslutad/2026-05-12/all',
      'egen/ordinarie/avslutad/2026-05-12/none',
      'egen/ordinarie/avslutad/2026-05-12/some',
      'egen/ordinarie/avslutad/2026-05-13/all',
      'egen/ordinarie/avslutad/2026-05-13/none',
      'egen/ordinarie/avslutad/2026-05-13/some',
      // Open: only with every assessment recorded and started by today.
      'egen/ordinarie/pagaende/2026-05-11/all',
      'egen/ordinarie/pagaende/2026-05-12/all',
      'egen/ordinarie/planerad/2026-05-11/all',
      'egen/ordinarie/planerad/2026-05-12/all',
    ];
    expect(bySql).toEqual(handComputed);
    expect(byTypeScript).toEqual(handComputed);

    // Own and carried out, any type (the coverage query's per-inspection answer, db/queries/coverage.ts):
    // the same closed-or-recorded cases for each of the three types, and never an IVO inspection.
    const ownDoneBySql = db.sqlite
      .prepare(`SELECT summary FROM inspections i WHERE ${ownInspectionDoneSql('i')} ORDER BY summary`)
      .pluck()
      .all({ today: TODAY });
    const ownDoneByTypeScript = all.filter((i) => isOwnInspectionDone(i, TODAY)).map((i) => i.key).sort();
    const ownDoneHandComputed = INSPECTION_TYPES.flatMap((type) => handComputed.map((key) => key.replace('/ordinarie/', `/${type}/`))).sort();
    expect(ownDoneHandComputed).toHaveLength(3 * 13);
    expect(ownDoneBySql).toEqual(ownDoneHandComputed);
    expect(ownDoneByTypeScript).toEqual(ownDoneHandComputed);
    db.sqlite.close();
  });

  it('is spelled in SQL nowhere else in db/', () => {
    const spelled = /origin\s*=\s*'egen'|status\s*=\s*'avslutad'\s+OR|result\s*=\s*'ej_bedomt'/;
    const files = (fs.readdirSync(path.join(projectRoot, 'db'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.startsWith('migrations'))
      .filter((f) => spelled.test(fs.readFileSync(path.join(projectRoot, 'db', f), 'utf8')));
    expect(files).toEqual([]);
  });
});
