// The coverage query (db/queries/coverage.ts) answers "own and carried out" per inspection in SQL
// and reads the last counting inspection before the cycle in SQL; the domain's computeCoverage
// answers both in TypeScript from the inspections and their assessment counts. The two must give
// the same coverage: on a hand-built cycle with hand-computed expectations, and on the demo
// municipality's every cycle.
import { afterAll, describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageInput } from '../../../db/domain/coverage.ts';
import { cycleCoverage } from '../../../db/queries/coverage.ts';
import { listCycles } from '../../../db/queries/cycles.ts';
import {
  assessments,
  inspectionCycles,
  inspectionInspectors,
  inspections,
  inspectors,
  operatingAreas,
  planEntries,
  planEntryInspectors,
  qualityRequirements,
  qualityRequirementVersions,
  units,
} from '../../../db/schema/index.ts';
import type { AppDatabase } from '../../../db/open.ts';
import { openTempDatabase, testApi } from '../../helpers/db.ts';

const ids = (list: string | null) => (list ? list.split(',').sort() : []);

/** computeCoverage on every inspection of the file, read plainly (counts, not the SQL rule). */
function coverageInTypeScript(db: AppDatabase, cycleId: string, cycleStartYear: number, today: string) {
  const input: CoverageInput = {
    cycleStartYear,
    today,
    units: db.sqlite
      .prepare<[], CoverageInput['units'][number]>(
        `SELECT u.id, u.name, u.operating_area_id AS operatingAreaId, a.name AS operatingAreaName, u.regi,
                u.active_from AS activeFrom, u.active_to AS activeTo
         FROM units u JOIN operating_areas a ON a.id = u.operating_area_id
         WHERE u.archived_at IS NULL
            OR u.id IN (SELECT unit_id FROM plan_entries WHERE cycle_id = '${cycleId}')
            OR u.id IN (SELECT unit_id FROM inspections WHERE start_date BETWEEN '${cycleStartYear}-01-01' AND '${cycleStartYear + 2}-12-31')`,
      )
      .all(),
    planEntries: db.sqlite
      .prepare<[string], CoverageInput['planEntries'][number] & { list: string | null }>(
        `SELECT p.unit_id AS unitId, p.year, p.tertial, p.inspection_type AS inspectionType,
                (SELECT group_concat(inspector_id) FROM plan_entry_inspectors WHERE plan_entry_id = p.id) AS list
         FROM plan_entries p WHERE p.cycle_id = ?`,
      )
      .all(cycleId)
      .map(({ list, ...e }) => ({ ...e, inspectorIds: ids(list) })),
    inspections: db.sqlite
      .prepare<[], CoverageInput['inspections'][number] & { list: string | null }>(
        `SELECT i.unit_id AS unitId, i.start_date AS startDate, i.status, i.inspection_type AS inspectionType, i.origin,
                (SELECT count(*) FROM assessments WHERE inspection_id = i.id) AS requirementCount,
                (SELECT count(*) FROM assessments WHERE inspection_id = i.id AND result IN ('uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt')) AS assessedCount,
                (SELECT group_concat(inspector_id) FROM inspection_inspectors WHERE inspection_id = i.id) AS list
         FROM inspections i`,
      )
      .all()
      .map(({ list, ...i }) => ({ ...i, inspectorIds: ids(list) })),
  };
  const named = new Set([
    ...input.planEntries.flatMap((e) => e.inspectorIds ?? []),
    ...input.inspections
      .filter((i) => i.startDate >= `${cycleStartYear}-01-01` && i.startDate <= `${cycleStartYear + 2}-12-31`)
      .flatMap((i) => i.inspectorIds ?? []),
  ]);
  const all = db.sqlite.prepare<[], { id: string; name: string; archived: number }>('SELECT id, name, archived_at IS NOT NULL AS archived FROM inspectors').all();
  return computeCoverage({ ...input, inspectors: all.filter((i) => i.archived === 0 || named.has(i.id)).map(({ id, name }) => ({ id, name })) });
}

/** The SQL path with the inspector lists sorted (group_concat's order is not defined, and only counts are compared). */
const bySql = (db: AppDatabase, cycle: Parameters<typeof cycleCoverage>[1], today: string) => {
  const { cycleId: _cycleId, cycleName: _cycleName, ...result } = cycleCoverage(db, cycle, today);
  return result;
};

describe('the coverage query, on a hand-built cycle', () => {
  const TODAY = '2026-05-12';
  const db = openTempDatabase();
  afterAll(() => db.sqlite.close());
  const by = { updatedBy: 'test' };
  const cycleId = db.orm.insert(inspectionCycles).values({ startYear: 2024, name: '2024–2026', ...by }).returning().get().id;
  const areaId = db.orm.insert(operatingAreas).values({ name: 'Hemtjänst', ...by }).returning().get().id;
  const unitId = (name: string) =>
    db.orm.insert(units).values({ operatingAreaId: areaId, name, unitType: 'hemtjanst', regi: 'egen_regi', provider: '', ...by }).returning().get().id;
  const versionIds = ['K01', 'K02'].map((code) => {
    const requirementId = db.orm.insert(qualityRequirements).values({ code, codeFolded: code.toLowerCase(), theme: 'Tema', ...by }).returning().get().id;
    return db.orm.insert(qualityRequirementVersions).values({ requirementId, version: 1, title: code, validFrom: '2020-01-01', ...by }).returning().get().id;
  });
  const inspectorId = (name: string, archivedAt: string | null = null) => db.orm.insert(inspectors).values({ name, archivedAt, ...by }).returning().get().id;
  const anna = inspectorId('Anna');
  const bo = inspectorId('Bo', '2025-01-01T00:00:00Z');
  inspectorId('Cilla', '2025-01-01T00:00:00Z');
  type Inspection = { origin?: 'egen' | 'ivo'; inspectionType?: 'ordinarie' | 'tematisk' | 'uppfoljande'; status: 'planerad' | 'pagaende' | 'avslutad'; startDate: string };
  const inspect = (unit: string, i: Inspection, results: ('uppfyllt' | 'ej_bedomt')[] = [], by2: string[] = []) => {
    const id = db.orm.insert(inspections).values({ unitId: unit, origin: 'egen', inspectionType: 'ordinarie', summary: '', ...i, ...by }).returning().get().id;
    results.forEach((result, k) => db.orm.insert(assessments).values({ inspectionId: id, requirementVersionId: versionIds[k] ?? '', result, ...by }).run());
    for (const inspector of by2) db.orm.insert(inspectionInspectors).values({ inspectionId: id, inspectorId: inspector, ...by }).run();
  };
  const plan = (unit: string, year: number, tertial: number, by2: string[] = []) => {
    const id = db.orm.insert(planEntries).values({ cycleId, unitId: unit, year, tertial, ...by }).returning().get().id;
    for (const inspector of by2) db.orm.insert(planEntryInspectors).values({ planEntryId: id, inspectorId: inspector, ...by }).run();
  };

  // Albacken: closed in T1 2024 → genomförd. Also an open one with a result left out (not done).
  const albacken = unitId('Albacken');
  inspect(albacken, { status: 'avslutad', startDate: '2024-03-10' }, ['uppfyllt'], [anna]);
  inspect(albacken, { status: 'pagaende', startDate: '2024-04-02' }, ['uppfyllt', 'ej_bedomt'], [anna]);
  // Berga: open, started T2 2025, every assessment recorded → genomförd.
  const berga = unitId('Berga');
  inspect(berga, { status: 'pagaende', startDate: '2025-05-01' }, ['uppfyllt', 'uppfyllt']);
  // Dalen: open with one left 'ej bedömt' (not done), named Bo (archived); planned T3 2026 → planerad.
  const dalen = unitId('Dalen');
  inspect(dalen, { status: 'pagaende', startDate: '2025-02-01' }, ['uppfyllt', 'ej_bedomt'], [bo]);
  plan(dalen, 2026, 3, [anna]);
  // Åsen: closed own ordinary 2022-06-01 (before the cycle; due 2025-06-01) and an IVO inspection → försenad.
  const asen = unitId('Åsen');
  inspect(asen, { status: 'avslutad', startDate: '2022-06-01' }, ['uppfyllt']);
  inspect(asen, { origin: 'ivo', status: 'avslutad', startDate: '2025-03-03' }, ['uppfyllt']);
  // Öby: a closed follow-up in T3 2025 covers nothing → ej planerad; it counts as another type done.
  const oby = unitId('Öby');
  inspect(oby, { inspectionType: 'uppfoljande', status: 'avslutad', startDate: '2025-09-15' }, [], [anna]);

  const cycle = listCycles(db).find((c) => c.id === cycleId);
  if (!cycle) throw new Error('no cycle');
  const result = bySql(db, cycle, TODAY);

  it('decides each unit as computed by hand', () => {
    expect(result.units.map((u) => [u.name, u.status, u.coveredBy, u.previousInspectionDate, u.ivoInspectionCount, u.overdueReasons])).toEqual([
      ['Albacken', 'genomford', '2024-03-10', null, 0, []],
      ['Berga', 'genomford', '2025-05-01', null, 0, []],
      ['Dalen', 'planerad', null, null, 0, []],
      ['Åsen', 'forsenad', null, '2022-06-01', 1, ['over_36_manader']],
      ['Öby', 'ej_planerad', null, null, 0, []],
    ]);
  });

  it('counts the tertials and inspectors as computed by hand', () => {
    const tertials = result.byTertial.filter((t) => t.planned + t.done + t.otherTypesDone > 0);
    expect(tertials).toEqual([
      { year: 2024, tertial: 1, planned: 0, done: 1, otherTypesDone: 0 },
      { year: 2025, tertial: 2, planned: 0, done: 1, otherTypesDone: 0 },
      { year: 2025, tertial: 3, planned: 0, done: 0, otherTypesDone: 1 },
      { year: 2026, tertial: 3, planned: 1, done: 0, otherTypesDone: 0 },
    ]);
    // Anna: Albacken's closed one and Öby's follow-up done, Dalen planned; Bo (archived) named on an
    // inspection in the cycle; Cilla (archived, never named) has no row.
    expect(result.byInspector.map((i) => [i.name, i.planned, i.done])).toEqual([
      ['Anna', 1, 2],
      ['Bo', 0, 0],
    ]);
  });

  it('agrees with computeCoverage on the same file, today and on other days', () => {
    for (const today of [TODAY, '2024-03-09', '2024-03-10', '2025-05-01', '2027-01-15']) {
      expect(bySql(db, cycle, today), today).toEqual(coverageInTypeScript(db, cycleId, 2024, today));
    }
  });
});

describe('the coverage query, on the demo municipality', () => {
  const api = testApi({ demo: true });
  afterAll(() => api.session.close());

  it('agrees with computeCoverage for every cycle, on several days', () => {
    const db = api.session.db;
    const cycles = listCycles(db);
    expect(cycles.length).toBeGreaterThan(0);
    for (const cycle of cycles) {
      for (const today of [`${cycle.startYear}-06-30`, `${cycle.startYear + 1}-12-31`, `${cycle.startYear + 3}-01-10`]) {
        const sql = bySql(db, cycle, today);
        expect(sql.units.length).toBeGreaterThan(0);
        expect(sql, `${cycle.name} ${today}`).toEqual(coverageInTypeScript(db, cycle.id, cycle.startYear, today));
      }
    }
  });
});
