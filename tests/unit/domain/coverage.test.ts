import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  inspectionProgress,
  isCarriedOut,
  type CoverageInput,
  type CoverageInspection,
  type CoveragePlanEntry,
  type CoverageUnit,
} from '../../../db/domain/coverage.ts';

const HT = { operatingAreaId: 'ht', operatingAreaName: 'Hemtjänst' };
const SB = { operatingAreaId: 'sb', operatingAreaName: 'Särskilt boende' };
const LSS = { operatingAreaId: 'lss', operatingAreaName: 'LSS' };

function unit(name: string, area: typeof HT, regi: CoverageUnit['regi'], extra: Partial<CoverageUnit> = {}): CoverageUnit {
  return { id: name, name, ...area, regi, activeFrom: null, activeTo: null, ...extra };
}

function plan(unitId: string, year: number, tertial: number, inspectorIds: string[] = [], inspectionType: CoveragePlanEntry['inspectionType'] = 'ordinarie'): CoveragePlanEntry {
  return { unitId, year, tertial, inspectionType, inspectorIds };
}

function inspection(unitId: string, startDate: string, extra: Partial<CoverageInspection> = {}): CoverageInspection {
  return { unitId, startDate, status: 'avslutad', inspectionType: 'ordinarie', origin: 'egen', inspectorIds: [], requirementCount: 0, assessedCount: 0, ...extra };
}

// Cycle 2025–2027 seen on 2026-10-15: one unit for each rule.
const fixture: CoverageInput = {
  cycleStartYear: 2025,
  today: '2026-10-15',
  units: [
    unit('Alma', HT, 'egen_regi'), // inspected 2025 → genomförd
    unit('Berga', HT, 'egen_regi', { lastInspectionBeforeCycle: '2024-02-01' }), // planned T3 2026 → planerad
    unit('Ceder', HT, 'egen_regi'), // planned T1 2026, not done → försenad (plan)
    unit('Dalen', HT, 'egen_regi', { lastInspectionBeforeCycle: '2023-09-01' }), // due 2026-09-01 → försenad (36 months)
    unit('Eken', HT, 'egen_regi', { activeFrom: '2026-06-01' }), // opened mid-cycle, no plan → ej planerad
    unit('Fjället', SB, 'egen_regi', { activeTo: '2026-03-31' }), // closed mid-cycle uninspected → stängd
    unit('Gläntan', SB, 'extern_utforare'), // inspected 2024-11-20, previous cycle → ej planerad
    unit('Hagen', SB, 'extern_utforare'), // only IVO → ej planerad
    unit('Idun', LSS, 'egen_regi', { activeTo: '2024-06-30' }), // closed before the cycle → ej aktuell
    unit('Junibacken', LSS, 'egen_regi', { activeFrom: '2028-02-01' }), // opens after it → ej aktuell
    unit('Kajen', SB, 'ideell_forening'), // thematic inspection only, planned 2027 → planerad
    unit('Linden', SB, 'egen_regi'), // inspection registered ahead, not done → planerad
    unit('Måsen', SB, 'extern_utforare'), // inspection not closed, all assessments recorded → genomförd
    unit('Nyby', SB, 'extern_utforare'), // inspection under way, 2 of 4 assessed → still planerad
  ],
  planEntries: [
    plan('Alma', 2025, 1, ['i1']),
    plan('Berga', 2026, 3, ['i1']),
    plan('Ceder', 2026, 1, ['i2']),
    plan('Dalen', 2027, 1, ['i1']),
    plan('Fjället', 2025, 3, ['i2']),
    plan('Kajen', 2027, 1, ['i1', 'i2']),
    plan('Linden', 2026, 3, ['i2']),
    plan('Måsen', 2026, 3, ['i2']),
    plan('Nyby', 2026, 3, ['i2']),
    plan('Eken', 2028, 1, ['i1']), // next cycle: ignored here
  ],
  inspections: [
    inspection('Alma', '2025-03-12', { inspectorIds: ['i1'] }),
    inspection('Gläntan', '2024-11-20', { inspectorIds: ['i1'] }),
    inspection('Hagen', '2025-05-05', { origin: 'ivo' }),
    inspection('Kajen', '2025-10-01', { inspectionType: 'tematisk', inspectorIds: ['i2'] }),
    inspection('Linden', '2026-11-20', { status: 'planerad', inspectorIds: ['i2'] }),
    inspection('Måsen', '2026-10-01', { status: 'pagaende', inspectorIds: ['i2', 'i3'], requirementCount: 4, assessedCount: 4 }),
    inspection('Nyby', '2026-10-05', { status: 'pagaende', inspectorIds: ['i2'], requirementCount: 4, assessedCount: 2 }),
  ],
  inspectors: [
    { id: 'i1', name: 'Örjan' },
    { id: 'i2', name: 'Anna' },
    { id: 'i3', name: 'Bo' },
  ],
};

describe('computeCoverage – status per unit', () => {
  const result = computeCoverage(fixture);
  const byName = new Map(result.units.map((u) => [u.name, u]));
  const statusOf = (name: string) => byName.get(name)?.status;

  it('counts a unit as done when an own ordinary inspection within the cycle is closed or has every assessment recorded', () => {
    expect(byName.get('Alma')).toMatchObject({ status: 'genomford', coveredBy: '2025-03-12' });
    expect(byName.get('Måsen')).toMatchObject({ status: 'genomford', coveredBy: '2026-10-01' });
  });

  it('counts a unit as planned while its planned tertial has not ended', () => {
    expect(byName.get('Berga')).toMatchObject({ status: 'planerad', planned: { year: 2026, tertial: 3 }, deadline: '2027-02-01' });
    expect(statusOf('Linden')).toBe('planerad');
  });

  it('does not count an inspection that has started but still has assessments left', () => {
    expect(byName.get('Nyby')).toMatchObject({ status: 'planerad', coveredBy: null });
  });

  it('makes a unit overdue when its planned tertial has ended without an inspection', () => {
    expect(byName.get('Ceder')).toMatchObject({ status: 'forsenad', overdueReasons: ['plan_passerad'] });
  });

  it('makes a unit overdue when 36 months have passed since its previous inspection, even if it is planned later', () => {
    expect(byName.get('Dalen')).toMatchObject({ status: 'forsenad', overdueReasons: ['over_36_manader'], deadline: '2026-09-01' });
  });

  it('counts a unit opened mid-cycle like any other: not planned, not overdue', () => {
    expect(byName.get('Eken')).toMatchObject({ status: 'ej_planerad', planned: null, overdueReasons: [] });
  });

  it('marks a unit closed mid-cycle without inspection as closed, not overdue', () => {
    expect(byName.get('Fjället')).toMatchObject({ status: 'stangd', overdueReasons: [] });
  });

  it('does not let an inspection dated in the previous cycle count, but uses it as the previous inspection', () => {
    expect(byName.get('Gläntan')).toMatchObject({
      status: 'ej_planerad',
      coveredBy: null,
      previousInspectionDate: '2024-11-20',
      deadline: '2027-11-20',
    });
  });

  it('does not let an IVO inspection replace the own tillsyn, but counts it', () => {
    expect(byName.get('Hagen')).toMatchObject({ status: 'ej_planerad', coveredBy: null, ivoInspectionCount: 1 });
  });

  it('does not let a thematic inspection or an inspection only registered ahead count', () => {
    expect(byName.get('Kajen')?.coveredBy).toBeNull();
    expect(byName.get('Linden')?.coveredBy).toBeNull();
  });

  it('leaves out units closed before the cycle or opening after it', () => {
    expect(statusOf('Idun')).toBe('ej_aktuell');
    expect(statusOf('Junibacken')).toBe('ej_aktuell');
  });

  it('lists units in Swedish alphabetical order', () => {
    expect(result.units.map((u) => u.name).slice(-3)).toEqual(['Linden', 'Måsen', 'Nyby']);
  });
});

describe('computeCoverage – counts', () => {
  const result = computeCoverage(fixture);

  it('counts each status overall', () => {
    expect(result.totals).toEqual({ genomford: 2, planerad: 4, forsenad: 2, ej_planerad: 3, stangd: 1, ej_aktuell: 2 });
  });

  it('counts per verksamhetsområde, sorted by name', () => {
    expect(result.byOperatingArea).toEqual([
      { operatingAreaId: 'ht', operatingAreaName: 'Hemtjänst', counts: { genomford: 1, planerad: 1, forsenad: 2, ej_planerad: 1, stangd: 0, ej_aktuell: 0 } },
      { operatingAreaId: 'lss', operatingAreaName: 'LSS', counts: { genomford: 0, planerad: 0, forsenad: 0, ej_planerad: 0, stangd: 0, ej_aktuell: 2 } },
      { operatingAreaId: 'sb', operatingAreaName: 'Särskilt boende', counts: { genomford: 1, planerad: 3, forsenad: 0, ej_planerad: 2, stangd: 1, ej_aktuell: 0 } },
    ]);
  });

  it('counts per regi', () => {
    expect(result.byRegi).toEqual([
      { regi: 'egen_regi', counts: { genomford: 1, planerad: 2, forsenad: 2, ej_planerad: 1, stangd: 1, ej_aktuell: 2 } },
      { regi: 'extern_utforare', counts: { genomford: 1, planerad: 1, forsenad: 0, ej_planerad: 2, stangd: 0, ej_aktuell: 0 } },
      { regi: 'ideell_forening', counts: { genomford: 0, planerad: 1, forsenad: 0, ej_planerad: 0, stangd: 0, ej_aktuell: 0 } },
    ]);
  });

  it('counts planned and done per tertial over the nine tertials, thematic and follow-up inspections apart', () => {
    expect(result.byTertial).toEqual([
      { year: 2025, tertial: 1, planned: 1, done: 1, otherTypesDone: 0 },
      { year: 2025, tertial: 2, planned: 0, done: 0, otherTypesDone: 0 }, // Hagen's IVO inspection is not the unit's work
      { year: 2025, tertial: 3, planned: 1, done: 0, otherTypesDone: 1 }, // Kajen's thematic inspection
      { year: 2026, tertial: 1, planned: 1, done: 0, otherTypesDone: 0 },
      { year: 2026, tertial: 2, planned: 0, done: 0, otherTypesDone: 0 },
      { year: 2026, tertial: 3, planned: 4, done: 1, otherTypesDone: 0 }, // Måsen; Nyby is not done yet
      { year: 2027, tertial: 1, planned: 2, done: 0, otherTypesDone: 0 },
      { year: 2027, tertial: 2, planned: 0, done: 0, otherTypesDone: 0 },
      { year: 2027, tertial: 3, planned: 0, done: 0, otherTypesDone: 0 },
    ]);
  });

  it('counts planned and done per inspector within the cycle, sorted by name', () => {
    expect(result.byInspector).toEqual([
      { inspectorId: 'i2', name: 'Anna', planned: 6, done: 2 },
      { inspectorId: 'i3', name: 'Bo', planned: 0, done: 1 },
      { inspectorId: 'i1', name: 'Örjan', planned: 4, done: 1 },
    ]);
  });
});

describe('computeCoverage – across cycles and dates', () => {
  it('counts an inspection for the cycle its date falls in', () => {
    const previous = computeCoverage({ ...fixture, cycleStartYear: 2022 });
    expect(previous.units.find((u) => u.name === 'Gläntan')).toMatchObject({ status: 'genomford', coveredBy: '2024-11-20' });
  });

  it('makes every uninspected active unit overdue once the cycle has ended', () => {
    const after = computeCoverage({
      cycleStartYear: 2025,
      today: '2028-02-01',
      units: [unit('Berga', HT, 'egen_regi'), unit('Eken', HT, 'egen_regi')],
      planEntries: [plan('Berga', 2027, 3)],
      inspections: [],
    });
    expect(after.units.map((u) => [u.name, u.status, u.overdueReasons])).toEqual([
      ['Berga', 'forsenad', ['plan_passerad', 'cykeln_slut']],
      ['Eken', 'forsenad', ['cykeln_slut']],
    ]);
  });

  it('keeps a unit that will close later in the cycle planned, and one inspected before closing done', () => {
    const result = computeCoverage({
      cycleStartYear: 2025,
      today: '2026-10-15',
      units: [unit('Stänger snart', HT, 'egen_regi', { activeTo: '2027-03-31' }), unit('Stängd', HT, 'egen_regi', { activeTo: '2026-01-31' })],
      planEntries: [plan('Stänger snart', 2027, 1)],
      inspections: [inspection('Stängd', '2025-09-15')],
    });
    expect(result.units.map((u) => [u.name, u.status])).toEqual([
      ['Stängd', 'genomford'],
      ['Stänger snart', 'planerad'],
    ]);
  });

  it('is not overdue on the very day 36 months are reached, only the day after', () => {
    const on = (today: string) =>
      computeCoverage({
        cycleStartYear: 2025,
        today,
        units: [unit('Berga', HT, 'egen_regi', { lastInspectionBeforeCycle: '2023-09-01' })],
        planEntries: [plan('Berga', 2026, 3)],
        inspections: [],
      }).units[0]?.status;
    expect(on('2026-09-01')).toBe('planerad');
    expect(on('2026-09-02')).toBe('forsenad');
  });
});

describe('inspectionProgress – when an inspection counts as done', () => {
  const TODAY = '2026-10-15';
  const facts = (status: CoverageInspection['status'], startDate: string, requirementCount: number, assessedCount: number) => ({
    status,
    startDate,
    requirementCount,
    assessedCount,
  });
  const cases: [string, ReturnType<typeof facts>, string, boolean][] = [
    ['a record with today’s date and nothing assessed', facts('pagaende', TODAY, 26, 0), 'pagaende', false],
    ['started, 25 of 26 assessed', facts('pagaende', '2026-10-01', 26, 25), 'pagaende', false],
    ['started, all 26 assessed', facts('pagaende', '2026-10-01', 26, 26), 'genomford', true],
    ['started today, all 3 assessed', facts('pagaende', TODAY, 3, 3), 'genomford', true],
    ['started with no requirements at all', facts('pagaende', '2026-10-01', 0, 0), 'pagaende', false],
    ['closed with nothing assessed', facts('avslutad', '2026-10-01', 26, 0), 'avslutad', true],
    ['closed with every assessment recorded', facts('avslutad', '2026-09-01', 2, 2), 'avslutad', true],
    ['dated tomorrow, all assessed', facts('pagaende', '2026-10-16', 2, 2), 'planerad', false],
    ['registered ahead, date passed, nothing assessed', facts('planerad', '2026-10-01', 4, 0), 'planerad', false],
    ['registered ahead, date passed, all assessed', facts('planerad', '2026-10-01', 4, 4), 'genomford', true],
  ];
  for (const [name, input, progress, done] of cases) {
    it(`${name}: ${progress}, ${done ? 'done' : 'not done'}`, () => {
      expect(inspectionProgress(input, TODAY)).toBe(progress);
      expect(isCarriedOut(input, TODAY)).toBe(done);
    });
  }
});
