// The two grouped queries behind the kvalitetsråd's ready views, on hand-built data with
// hand-computed expectations: assessments per kvalitetskrav by result for a year's inspections
// (tillsyn.findingsByRequirement and the tillsynsberättelse), and open and overdue actions per
// source (actions.bySource), each by scope.
import { afterAll, describe, expect, it } from 'vitest';
import { openActionCountsBySource } from '../../../db/queries/actions.ts';
import { resultsByRequirement } from '../../../db/queries/requirementResults.ts';
import {
  actions,
  assessments,
  inspections,
  operatingAreas,
  qualityRequirements,
  qualityRequirementVersions,
  units,
} from '../../../db/schema/index.ts';
import { openTempDatabase } from '../../helpers/db.ts';

const by = { updatedBy: 'test' };
const db = openTempDatabase();
afterAll(() => db.sqlite.close());

const areaId = (name: string) => db.orm.insert(operatingAreas).values({ name, ...by }).returning().get().id;
const hemtjanst = areaId('Hemtjänst');
const sabo = areaId('Särskilt boende');
const unitId = (operatingAreaId: string, name: string) =>
  db.orm.insert(units).values({ operatingAreaId, name, unitType: 'hemtjanst', regi: 'egen_regi', provider: '', ...by }).returning().get().id;
const norr = unitId(hemtjanst, 'Hemtjänst Norr');
const soder = unitId(hemtjanst, 'Hemtjänst Söder');
const eken = unitId(sabo, 'Eken');

// K02 sorts first (sort order 1); K01 has a second version whose title is the one shown.
const requirement = (code: string, sortOrder: number, titles: string[]) => {
  const requirementId = db.orm.insert(qualityRequirements).values({ code, codeFolded: code.toLowerCase(), theme: 'Tema', sortOrder, ...by }).returning().get().id;
  const versionIds = titles.map(
    (title, k) => db.orm.insert(qualityRequirementVersions).values({ requirementId, version: k + 1, title, validFrom: `202${k}-01-01`, ...by }).returning().get().id,
  );
  return { requirementId, versionIds };
};
const k01 = requirement('K01', 2, ['Gammal rubrik', 'Genomförandeplan']);
const k02 = requirement('K02', 1, ['Delaktighet']);
requirement('K03', 3, ['Aldrig bedömd']);

type Result = 'uppfyllt' | 'delvis_uppfyllt' | 'ej_uppfyllt' | 'ej_bedomt';
const inspect = (unit: string, status: 'planerad' | 'pagaende' | 'avslutad', startDate: string, results: [string, Result][]) => {
  const id = db.orm.insert(inspections).values({ unitId: unit, origin: 'egen', inspectionType: 'ordinarie', status, startDate, summary: '', ...by }).returning().get().id;
  for (const [versionId, result] of results) db.orm.insert(assessments).values({ inspectionId: id, requirementVersionId: versionId, result, ...by }).run();
  return id;
};
const [k01v1, k01v2] = k01.versionIds as [string, string];
const [k02v1] = k02.versionIds as [string];
const norrInspection = inspect(norr, 'avslutad', '2025-03-01', [[k01v1, 'ej_uppfyllt'], [k02v1, 'uppfyllt']]);
inspect(soder, 'pagaende', '2025-12-31', [[k01v2, 'delvis_uppfyllt'], [k02v1, 'ej_bedomt']]);
inspect(eken, 'avslutad', '2025-06-10', [[k01v2, 'ej_uppfyllt']]);
// Only planned (not counted), and another year (not counted in 2025).
inspect(eken, 'planerad', '2025-11-01', [[k01v2, 'ej_bedomt'], [k02v1, 'ej_bedomt']]);
inspect(norr, 'avslutad', '2024-12-31', [[k01v1, 'uppfyllt']]);
inspect(norr, 'avslutad', '2026-01-01', [[k01v1, 'uppfyllt']]);

describe('resultsByRequirement', () => {
  const counts = (r: Result[]) => ({ uppfyllt: r.filter((x) => x === 'uppfyllt').length, delvis_uppfyllt: r.filter((x) => x === 'delvis_uppfyllt').length, ej_uppfyllt: r.filter((x) => x === 'ej_uppfyllt').length, ej_bedomt: r.filter((x) => x === 'ej_bedomt').length });

  it("counts the year's inspections that are no longer only planned, per requirement in its order under its current title", () => {
    const { byRequirement, resultTotals } = resultsByRequirement(db, { year: 2025 });
    expect(byRequirement).toEqual([
      { requirementId: k02.requirementId, code: 'K02', title: 'Delaktighet', ...counts(['uppfyllt', 'ej_bedomt']) },
      // Both versions count for K01: Norr's on version 1, Söder's and Eken's on version 2.
      { requirementId: k01.requirementId, code: 'K01', title: 'Genomförandeplan', ...counts(['ej_uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt']) },
    ]);
    expect(resultTotals).toEqual(counts(['uppfyllt', 'ej_bedomt', 'ej_uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt']));
  });

  it('narrows to a verksamhetsområde or a unit', () => {
    expect(resultsByRequirement(db, { year: 2025, operatingAreaId: sabo }).byRequirement).toEqual([
      { requirementId: k01.requirementId, code: 'K01', title: 'Genomförandeplan', ...counts(['ej_uppfyllt']) },
    ]);
    expect(resultsByRequirement(db, { year: 2025, unitId: soder }).byRequirement.map((r) => [r.code, r.delvis_uppfyllt, r.ej_bedomt])).toEqual([
      ['K02', 0, 1],
      ['K01', 1, 0],
    ]);
    expect(resultsByRequirement(db, { year: 2023 }).byRequirement).toEqual([]);
  });
});

describe('openActionCountsBySource', () => {
  const TODAY = '2026-05-12';
  const act = (source: 'tillsyn' | 'ivo' | 'annat', unit: string | null, status: 'oppen' | 'atgardsplan_inkommen' | 'atgardad' | 'verifierad' | 'stangd', deadline: string, followUpDate: string | null = null) =>
    db.orm
      .insert(actions)
      .values({ source, description: 'Åtgärd', unitId: unit, status, deadline, followUpDate, ...(source === 'tillsyn' ? { inspectionId: norrInspection } : {}), ...by })
      .run();
  // Tillsyn: 4 open (2 overdue: deadline passed; follow-up passed), 1 closed.
  act('tillsyn', norr, 'oppen', '2026-05-11');
  act('tillsyn', norr, 'oppen', '2026-05-12');
  act('tillsyn', soder, 'atgardad', '2026-01-01', '2026-05-01');
  act('tillsyn', eken, 'verifierad', '2026-01-01', '2026-01-02');
  act('tillsyn', norr, 'stangd', '2026-01-01');
  // IVO: 1 open with its plan in, overdue, in Eken; none else.
  act('ivo', eken, 'atgardsplan_inkommen', '2026-04-30');
  // Annat: 1 open without a unit (in no area), not overdue.
  act('annat', null, 'atgardad', '2026-01-01', null);

  it('counts the open actions per source in the sources’ order, with those overdue today', () => {
    expect(openActionCountsBySource(db, {}, TODAY)).toEqual([
      { source: 'tillsyn', open: 4, overdue: 2 },
      { source: 'ivo', open: 1, overdue: 1 },
      { source: 'annat', open: 1, overdue: 0 },
    ]);
  });

  it('narrows to a verksamhetsområde or a unit; an action without a unit is in neither', () => {
    expect(openActionCountsBySource(db, { operatingAreaId: hemtjanst }, TODAY)).toEqual([{ source: 'tillsyn', open: 3, overdue: 2 }]);
    expect(openActionCountsBySource(db, { operatingAreaId: sabo }, TODAY)).toEqual([
      { source: 'tillsyn', open: 1, overdue: 0 },
      { source: 'ivo', open: 1, overdue: 1 },
    ]);
    expect(openActionCountsBySource(db, { unitId: norr }, TODAY)).toEqual([{ source: 'tillsyn', open: 2, overdue: 1 }]);
    expect(openActionCountsBySource(db, { unitId: norr }, '2026-05-11')).toEqual([{ source: 'tillsyn', open: 2, overdue: 0 }]);
  });
});
