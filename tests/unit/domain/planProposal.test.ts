import { describe, expect, it } from 'vitest';
import {
  addMonths,
  cycleEndDate,
  cycleStartDate,
  daysInMonth,
  formatIsoDate,
  periodIndex,
  periodIndexOfDate,
  tertialEndDate,
  tertialOfMonth,
} from '../../../db/shared/period.ts';
import {
  apportion,
  proposePlan,
  type FixedPlacement,
  type PlanInspector,
  type PlanProposal,
  type PlanProposalInput,
  type PlanUnit,
} from '../../../db/domain/planProposal.ts';

const CYCLE = 2025;

function unit(name: string, extra: Partial<PlanUnit> = {}): PlanUnit {
  return { id: name, name, operatingAreaId: 'hemtjanst', activeFrom: null, activeTo: null, lastInspectionDate: null, ...extra };
}

/** "2025 T1/1" – period and month of each unit, in the plan's order. */
function layout(result: PlanProposal): string[] {
  return result.placements.map((p) => `${p.unitId}: ${p.year} T${p.tertial}/${p.month ?? '-'}`);
}

function monthEnd(year: number, month: number): string {
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

describe('proposePlan – small cases computed by hand', () => {
  it('spreads 15 units 2–1–2 per year by the weights 0.4/0.2/0.4, alphabetically, months spread from the start of each tertial', () => {
    // 15 × 0.4 / 3 = 2 per T1 and T3, 15 × 0.2 / 3 = 1 per T2, exactly.
    const names = 'ABCDEFGHIJKLMNO'.split('');
    const result = proposePlan({ cycleStartYear: CYCLE, units: names.map((n) => unit(n)), inspectors: [{ id: 'i1', name: 'Åsa' }], fixed: [] });
    expect(layout(result)).toEqual([
      'A: 2025 T1/1', 'B: 2025 T1/3', 'C: 2025 T2/5', 'D: 2025 T3/9', 'E: 2025 T3/11',
      'F: 2026 T1/1', 'G: 2026 T1/3', 'H: 2026 T2/5', 'I: 2026 T3/9', 'J: 2026 T3/11',
      'K: 2027 T1/1', 'L: 2027 T1/3', 'M: 2027 T2/5', 'N: 2027 T3/9', 'O: 2027 T3/11',
    ]);
    expect(result.placements.every((p) => p.inspectorIds.join() === 'i1')).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('puts 9 units one per tertial, earliest 36-month deadline first, then in Swedish alphabetical order (Å, Ä, Ö after Z)', () => {
    // Öster: 2022-02-01 + 36 months = 2025-02-01, before T1 2025 ends: overdue, placed first.
    // Zeta: due 2025-09-15, so T2 2025 (ends 31 Aug) at the latest. Ängen: due 2026-05-02, so T1 2026.
    // The rest have no deadline and follow in collation order: Alma … Solgården, Åsen.
    const units = [
      unit('Zeta', { lastInspectionDate: '2022-09-15' }),
      unit('Åsen'),
      unit('Ängen', { lastInspectionDate: '2023-05-02' }),
      unit('Öster', { lastInspectionDate: '2022-02-01' }),
      unit('Berga'),
      unit('Alma'),
      unit('Solgården'),
      unit('Hemtjänst Norr'),
      unit('Lärkan'),
    ];
    const result = proposePlan({ cycleStartYear: CYCLE, units, inspectors: [{ id: 'i1', name: 'Åsa' }], fixed: [] });
    expect(layout(result)).toEqual([
      'Öster: 2025 T1/1',
      'Zeta: 2025 T2/5',
      'Ängen: 2025 T3/9',
      'Alma: 2026 T1/1',
      'Berga: 2026 T2/5',
      'Hemtjänst Norr: 2026 T3/9',
      'Lärkan: 2027 T1/1',
      'Solgården: 2027 T2/5',
      'Åsen: 2027 T3/9',
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.unitId).toBe('Öster');
    expect(result.warnings[0]?.message).toMatch(/försenad/);
    expect(result.placements[0]?.reason).toMatch(/Försenad/);
  });

  it('plans only from the current month on, with a passed part of a tertial weighing less, and alternates inspectors', () => {
    // Today 2026-03-10: 2025 and Jan–Feb 2026 are past. T1 2026 keeps 2 of 4 months (weight 0.2),
    // so the six remaining tertials weigh 0.2, 0.2, 0.4, 0.4, 0.2, 0.4 and six units go one each.
    const units = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => unit(n));
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units,
      inspectors: [{ id: 'b', name: 'Bertil' }, { id: 'a', name: 'Anna' }],
      fixed: [],
      today: '2026-03-10',
    });
    expect(layout(result)).toEqual(['A: 2026 T1/3', 'B: 2026 T2/5', 'C: 2026 T3/9', 'D: 2027 T1/1', 'E: 2027 T2/5', 'F: 2027 T3/9']);
    expect(result.placements.map((p) => p.inspectorIds[0])).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });

  it('keeps a fixed placement exactly and counts it in the tertial and inspector load', () => {
    // With B pinned to T1 2025 with Anna, T1 2025 is full (target 2): A joins it with Bertil.
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units: 'ABCDEFGHIJKLMNO'.split('').map((n) => unit(n)),
      inspectors: [{ id: 'a', name: 'Anna' }, { id: 'b', name: 'Bertil' }],
      fixed: [{ unitId: 'B', year: 2025, tertial: 1, month: 2, inspectorIds: ['a'] }],
    });
    const byUnit = new Map(result.placements.map((p) => [p.unitId, p]));
    expect(byUnit.get('B')).toEqual({ unitId: 'B', year: 2025, tertial: 1, month: 2, inspectorIds: ['a'], fixed: true, reason: 'Fast placering' });
    expect(byUnit.get('A')).toMatchObject({ year: 2025, tertial: 1, month: 1, inspectorIds: ['b'], fixed: false });
    expect(result.placements.filter((p) => p.year === 2025 && p.tertial === 1)).toHaveLength(2);
    expect(byUnit.get('C')).toMatchObject({ year: 2025, tertial: 2 });
  });

  it('places a unit closing mid-cycle before it closes and a unit opening mid-cycle no earlier than it opens', () => {
    // Two units: targets 1 in T1 2025 and 1 in T3 2025 (largest remainder, earlier wins).
    // Stängs (closes 2025-06-10) has the earlier deadline and takes T1 2025. Öppnar (opens
    // 2026-06-15) cannot take T3 2025 or T1 2026, is not due in T2 2026 and lands in T3 2026.
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units: [unit('Öppnar', { activeFrom: '2026-06-15' }), unit('Stängs', { activeTo: '2025-06-10' })],
      inspectors: [],
      fixed: [],
    });
    expect(layout(result)).toEqual(['Stängs: 2025 T1/1', 'Öppnar: 2026 T3/9']);
    expect(result.placements[0]?.inspectorIds).toEqual([]);
  });

  it('uses only the months a unit is open in, and never July', () => {
    // Open 2026-06-20 to 2026-08-15 only: June and August; the single unit goes to June.
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units: [unit('Sommar', { activeFrom: '2026-06-20', activeTo: '2026-08-15' })],
      inspectors: [],
      fixed: [],
    });
    expect(layout(result)).toEqual(['Sommar: 2026 T2/6']);
  });

  it('does not place units closed before the cycle or opening after it, and warns about a unit that cannot be planned', () => {
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units: [
        unit('Nedlagd', { activeTo: '2024-12-31' }),
        unit('Framtida', { activeFrom: '2028-01-01' }),
        unit('Bara juli', { activeFrom: '2026-07-01', activeTo: '2026-07-31' }),
        unit('Stängde i våras', { activeTo: '2025-03-31' }),
        unit('Vanlig'),
      ],
      inspectors: [],
      fixed: [],
      today: '2025-05-01',
    });
    expect(result.placements.map((p) => p.unitId)).toEqual(['Vanlig']);
    expect(result.warnings.map((w) => w.unitId)).toEqual(['Bara juli', 'Stängde i våras']);
    expect(result.warnings[1]?.message).toContain('upphör 2025-03-31');
  });

  it('warns about, but keeps, a fixed placement in July or after the 36-month limit', () => {
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units: [unit('A', { lastInspectionDate: '2023-02-01' })],
      inspectors: [],
      fixed: [{ unitId: 'A', year: 2026, tertial: 2, month: 7, inspectorIds: [] }],
    });
    // Due 2026-02-01; T2 2026 ends 2026-08-31.
    expect(layout(result)).toEqual(['A: 2026 T2/7']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'Den fasta placeringen ligger i juli; enligt årshjulet genomförs ingen tillsyn i juli.',
      'Den fasta placeringen 2026 T2 ligger efter 36-månadersgränsen (2026-02-01, räknat från senaste tillsyn 2023-02-01).',
    ]);
  });

  it('ignores a fixed placement outside the cycle and plans the unit itself', () => {
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units: [unit('A')],
      inspectors: [],
      fixed: [{ unitId: 'A', year: 2028, tertial: 1, inspectorIds: [] }],
    });
    expect(layout(result)).toEqual(['A: 2025 T1/1']);
    expect(result.warnings[0]?.message).toContain('utanför tillsynscykeln 2025–2027');
  });
  it('keeps only the first of two fixed placements for the same unit', () => {
    const result = proposePlan({
      cycleStartYear: CYCLE,
      units: [unit('A')],
      inspectors: [],
      fixed: [
        { unitId: 'A', year: 2026, tertial: 3, month: 10, inspectorIds: [] },
        { unitId: 'A', year: 2025, tertial: 1, month: 2, inspectorIds: [] },
      ],
    });
    expect(layout(result)).toEqual(['A: 2026 T3/10']);
    expect(result.warnings.map((w) => w.message)).toEqual(['Enheten har flera fasta placeringar i cykeln; endast den första (2026 T3) behålls.']);
  });
});

describe('apportion', () => {
  it('splits by largest remainder with ties to the earlier period', () => {
    expect(apportion(10, [0.4, 0.2, 0.4])).toEqual([4, 2, 4]);
    expect(apportion(4, [0.4, 0.2, 0.4])).toEqual([2, 1, 1]); // 1.6, 0.8, 1.6 → 1,0,1 + remainders .8, .8, .6
    expect(apportion(5, [0, 0, 0])).toEqual([0, 0, 0]);
  });
});

describe('proposePlan – 500 generated units', () => {
  const generated = generatePlanInput(20250101, 500, CYCLE);
  const cycleStart = cycleStartDate(CYCLE);
  const cycleEnd = cycleEndDate(CYCLE);
  const variants: { label: string; today: string | undefined }[] = [
    { label: 'planned before the cycle starts', today: undefined },
    { label: 'replanned on 2025-09-10', today: '2025-09-10' },
  ];

  for (const { label, today } of variants) {
    describe(label, () => {
      const input: PlanProposalInput = { cycleStartYear: CYCLE, ...generated, ...(today === undefined ? {} : { today }) };
      const started = performance.now();
      const result = proposePlan(input);
      const elapsedMs = performance.now() - started;
      const placementByUnit = new Map(result.placements.map((p) => [p.unitId, p]));
      const warningsFor = (id: string) => result.warnings.filter((w) => w.unitId === id).map((w) => w.message);
      const planFrom = (u: PlanUnit) => [cycleStart, u.activeFrom ?? '', today ?? ''].reduce((a, b) => (b > a ? b : a));

      it('places every unit active in the cycle exactly once, and no other', () => {
        const ids = result.placements.map((p) => p.unitId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const u of generated.units) {
          const inCycle = !(u.activeTo !== null && u.activeTo < cycleStart) && !(u.activeFrom !== null && u.activeFrom > cycleEnd);
          const closedBeforePlanning = u.activeTo !== null && today !== undefined && u.activeTo < today;
          if (inCycle && !closedBeforePlanning) expect(placementByUnit.has(u.id), u.name).toBe(true);
          else expect(placementByUnit.has(u.id), u.name).toBe(generated.fixed.some((f) => f.unitId === u.id));
          if (inCycle && closedBeforePlanning) expect(warningsFor(u.id).join()).toContain('upphör');
        }
      });

      it('keeps the fixed placements exactly', () => {
        for (const f of generated.fixed) {
          expect(placementByUnit.get(f.unitId)).toEqual({ ...f, inspectorIds: [...f.inspectorIds], fixed: true, reason: 'Fast placering' });
        }
      });

      it('plans each unit no later than 36 months after its previous inspection, or as early as possible with a "försenad" warning', () => {
        let overdue = 0;
        for (const u of generated.units) {
          const p = placementByUnit.get(u.id);
          if (!p || p.fixed || u.lastInspectionDate === null) continue;
          const deadline = addMonths(u.lastInspectionDate, 36);
          if (tertialEndDate(p.year, p.tertial) <= deadline) continue;
          overdue += 1;
          expect(warningsFor(u.id).join(), u.name).toMatch(/försenad/);
          expect(periodIndex(p.year, p.tertial), u.name).toBe(periodIndexOfDate(planFrom(u)));
        }
        expect(overdue).toBeGreaterThan(0); // the fixture includes long-overdue units
      });

      it('never plans in July, and gives every proposed unit a month of its tertial', () => {
        for (const p of result.placements.filter((x) => !x.fixed)) {
          expect(p.month).not.toBe(7);
          expect(tertialOfMonth(p.month ?? 0)).toBe(p.tertial);
        }
      });

      it('plans each unit within its active period and never in the past', () => {
        for (const u of generated.units) {
          const p = placementByUnit.get(u.id);
          if (!p || p.fixed || p.month === null) continue;
          const start = formatIsoDate({ year: p.year, month: p.month, day: 1 });
          expect(monthEnd(p.year, p.month) >= planFrom(u), u.name).toBe(true);
          if (u.activeTo !== null) expect(start <= u.activeTo, u.name).toBe(true);
          if (today !== undefined) expect(tertialEndDate(p.year, p.tertial) >= today).toBe(true);
        }
      });

      it('balances inspectors within ±1 per tertial', () => {
        const load = new Map<number, Map<string, number>>();
        for (const p of result.placements) {
          const perInspector = load.get(periodIndex(p.year, p.tertial)) ?? new Map(generated.inspectors.map((i) => [i.id, 0]));
          for (const id of p.inspectorIds) perInspector.set(id, (perInspector.get(id) ?? 0) + 1);
          load.set(periodIndex(p.year, p.tertial), perInspector);
        }
        for (const perInspector of load.values()) {
          const counts = [...perInspector.values()];
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        }
        expect(result.placements.every((p) => p.inspectorIds.length === 1)).toBe(true);
      });

      it('keeps the light summer tertial lighter than spring and autumn once deadlines no longer crowd it', () => {
        const count = (year: number, tertial: 1 | 2 | 3) => result.placements.filter((p) => p.year === year && p.tertial === tertial).length;
        for (const year of [2026, 2027]) {
          expect(count(year, 2)).toBeLessThan(count(year, 1));
          expect(count(year, 2)).toBeLessThan(count(year, 3));
        }
        // The last year has no deadline pressure: it follows the weights 0.4/0.2/0.4 to within one unit.
        const lastYear = [count(2027, 1), count(2027, 2), count(2027, 3)];
        const total = lastYear.reduce((a, b) => a + b, 0);
        expect(Math.abs(lastYear[1]! - total / 5)).toBeLessThanOrEqual(1);
      });

      it('is deterministic and independent of input order', () => {
        const rand = mulberry32(7);
        const shuffle = <T>(items: readonly T[]): T[] => {
          const copy = [...items];
          for (let i = copy.length - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1));
            [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
          }
          return copy;
        };
        expect(proposePlan(input)).toEqual(result);
        expect(proposePlan({ ...input, units: shuffle(input.units), inspectors: shuffle(input.inspectors) })).toEqual(result);
      });

      it('is fast enough for 500 units', () => {
        expect(elapsedMs).toBeLessThan(1000);
      });
    });
  }
});

// --- Fixture: a deterministic generator of realistic plan input. A seeded PRNG (mulberry32) gives the
// same 500 units every run, so a failure can be reproduced.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['hemtjanst', 'sarskilt-boende', 'lss', 'daglig-verksamhet', 'ifo'];
const PREFIXES = ['Hemtjänst', 'Äldreboendet', 'Gruppbostad', 'Daglig verksamhet', 'Öppenvården', 'Åkerns', 'Servicebostad'];
const PLACES = ['Norr', 'Söder', 'Väster', 'Öster', 'Ängen', 'Åsen', 'Lärkan', 'Björken', 'Zinnia', 'Centrum'];

interface GeneratedPlanInput {
  units: PlanUnit[];
  inspectors: PlanInspector[];
  fixed: FixedPlacement[];
}

/** A date between two ISO dates (inclusive), uniformly by day. */
function randomDate(rand: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const day = 86_400_000;
  const t = a + Math.floor(rand() * ((b - a) / day + 1)) * day;
  return new Date(t).toISOString().slice(0, 10);
}

function generatePlanInput(seed: number, unitCount: number, cycleStartYear: number): GeneratedPlanInput {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const y = cycleStartYear;
  const units: PlanUnit[] = [];
  for (let i = 0; i < unitCount; i++) {
    const roll = rand();
    let activeFrom: string | null = rand() < 0.5 ? randomDate(rand, '1995-01-01', `${y - 4}-12-31`) : null;
    let activeTo: string | null = null;
    if (roll < 0.03) activeTo = randomDate(rand, `${y - 2}-01-01`, `${y - 1}-12-31`); // closed before the cycle
    else if (roll < 0.05) activeFrom = randomDate(rand, `${y + 3}-01-01`, `${y + 4}-12-31`); // opens after it
    else if (roll < 0.15) activeFrom = randomDate(rand, `${y}-02-01`, `${y + 2}-10-31`); // opens mid-cycle
    else if (roll < 0.2) activeTo = randomDate(rand, `${y}-03-01`, `${y + 2}-11-30`); // closes mid-cycle
    const opensInCycle = activeFrom !== null && activeFrom >= `${y}-01-01`;
    // Units inspected in the previous cycle (2022–2024 for a 2025 cycle), a few long overdue, a few never.
    const r = rand();
    const lastInspectionDate =
      opensInCycle || r < 0.05 ? null : r < 0.08 ? randomDate(rand, `${y - 5}-01-01`, `${y - 4}-12-31`) : randomDate(rand, `${y - 3}-01-01`, `${y - 1}-12-31`);
    units.push({
      id: `u${String(i).padStart(4, '0')}`,
      name: `${pick(PREFIXES)} ${pick(PLACES)} ${i}`,
      operatingAreaId: pick(AREAS),
      activeFrom,
      activeTo,
      lastInspectionDate,
    });
  }
  const inspectors: PlanInspector[] = ['Åsa Lind', 'Erik Berg', 'Örjan Ek', 'Anna Holm', 'Zara Nyström', 'Lena Ärlig'].map((name, i) => ({
    id: `i${i}`,
    name,
  }));
  // Twenty pinned placements in the cycle's second year, on long-active units inspected last year.
  const fixed: FixedPlacement[] = [];
  for (const unit of units) {
    if (fixed.length >= 20) break;
    if (unit.activeFrom !== null || unit.activeTo !== null || unit.lastInspectionDate === null) continue;
    if (unit.lastInspectionDate < `${y - 1}-01-01`) continue;
    const year = y + 1;
    const tertial = 1 + Math.floor(rand() * 3);
    fixed.push({ unitId: unit.id, year, tertial, month: tertial === 2 ? 5 : tertial * 4 - 1, inspectorIds: [pick(inspectors).id] });
  }
  return { units, inspectors, fixed };
}
