// Proposes a three-year tillsyn plan: every unit active in the cycle is placed once in a tertial
// (with a month and an inspector), no later than 36 months after its previous inspection, spread
// over the year as the seed's årshjul does it. A greedy earliest-deadline-first pass, O(n log n).
import { swedishCompare } from '../shared/collation.ts';
import { PLANNABLE_MONTHS } from './codes.ts';
import {
  cycleEndDate,
  cyclePeriodIndexes,
  cycleStartDate,
  daysInMonth,
  formatIsoDate,
  inspectionDeadline,
  isTertial,
  isYearInCycle,
  periodFromIndex,
  periodIndex,
  periodIndexOfDate,
  periodLabel,
  tertialEndDate,
  tertialStartDate,
  toIsoDate,
  type Tertial,
} from '../shared/period.ts';

/** Relative inspection capacity per tertial. */
export type CapacityWeights = Readonly<Record<Tertial, number>>;

/**
 * Seed 004, årshjulet: "Tillsyn utifrån lagar, föreskrifter, kvalitetskrav genomförs löpande under
 * våren senast under maj månad" and "Tillsyn utifrån kvalitetskraven genomförs löpande under
 * hösten"; nothing in June–August. So T1 (Jan–Apr) and T3 (Sep–Dec) carry the load and T2 only
 * has May (plus June/August at a pinch): 0.4 / 0.2 / 0.4.
 */
export const DEFAULT_CAPACITY_WEIGHTS: CapacityWeights = { 1: 0.4, 2: 0.2, 3: 0.4 };


export interface PlanUnit {
  id: string;
  name: string;
  operatingAreaId: string;
  activeFrom: string | null;
  activeTo: string | null;
  /** The previous inspection (before this proposal); the next is due within 36 months of it. */
  lastInspectionDate: string | null;
}

export interface PlanInspector {
  id: string;
  name: string;
}

export interface FixedPlacement {
  unitId: string;
  year: number;
  tertial: number;
  month?: number | null;
  inspectorIds: readonly string[];
}

export interface PlanProposalInput {
  cycleStartYear: number;
  units: readonly PlanUnit[];
  inspectors: readonly PlanInspector[];
  /** Placements the user has pinned; kept exactly as given. */
  fixed: readonly FixedPlacement[];
  /** Tertials (and months) that ended before today are never proposed. Omitted: no past. */
  today?: string;
  capacityWeights?: CapacityWeights;
}

export interface Placement {
  unitId: string;
  year: number;
  tertial: Tertial;
  month: number | null;
  inspectorIds: string[];
  fixed: boolean;
  /** Why the unit landed where it did, when a rule decided it (Swedish, for the UI). */
  reason?: string;
}

export interface PlanWarning {
  unitId: string;
  message: string;
}

export interface PlanProposal {
  placements: Placement[];
  warnings: PlanWarning[];
}

const NO_DEADLINE = '9999-12-31';

/** A unit to be placed by the proposal, with its window of allowed periods. */
interface Candidate {
  unit: PlanUnit;
  earliest: number;
  /** Latest allowed period; for an overdue unit its earliest, so it goes as early as possible. */
  latest: number;
  /** Which rule set `latest`, for the placement's reason. */
  latestBy: 'cycle' | 'deadline' | 'closing' | 'overdue';
  deadline: string | null;
  overdue: boolean;
  /** Allowed months per period index within the window. */
  months: ReadonlyMap<number, readonly number[]>;
}

interface AutoPlacement {
  candidate: Candidate;
  period: number;
  month: number | null;
  inspectorIds: string[];
}

export function proposePlan(input: PlanProposalInput): PlanProposal {
  const { cycleStartYear } = input;
  const weights = validatedWeights(input.capacityWeights ?? DEFAULT_CAPACITY_WEIGHTS);
  const today = input.today === undefined ? null : toIsoDate(input.today);
  const cycleStart = cycleStartDate(cycleStartYear);
  const cycleEnd = cycleEndDate(cycleStartYear);
  const periods = cyclePeriodIndexes(cycleStartYear);
  const warnings: PlanWarning[] = [];

  // Sorting the input first makes the result independent of the order rows came from the database.
  const units = [...input.units].sort(compareUnits);
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const inspectors = [...input.inspectors].sort(
    (a, b) => swedishCompare(a.name, b.name) || compareIds(a.id, b.id),
  );

  const fixed = acceptFixed(input.fixed, unitsById, cycleStartYear, warnings);
  const fixedUnitIds = new Set(fixed.map((f) => f.unitId));

  const candidates: Candidate[] = [];
  for (const unit of units) {
    if (fixedUnitIds.has(unit.id)) continue;
    if (!isActiveInCycle(unit, cycleStart, cycleEnd)) continue;
    const candidate = buildCandidate(unit, periods, cycleStart, cycleEnd, today);
    if ('message' in candidate) warnings.push(candidate);
    else {
      candidates.push(candidate);
      if (candidate.overdue) warnings.push({ unitId: unit.id, message: overdueMessage(candidate) });
    }
  }

  const fixedPerPeriod = countBy(fixed.map((f) => periodIndex(f.year, f.tertial)));
  const usableWeights = periodWeights(periods, weights, today, cycleEnd);
  const auto = assignPeriods(candidates, periods, usableWeights, fixedPerPeriod);
  assignMonths(auto, today);
  assignInspectors(auto, fixed, inspectors);

  const placements: Placement[] = [
    ...fixed,
    ...auto.map((a) => toPlacement(a)),
  ];
  placements.sort(
    (a, b) =>
      periodIndex(a.year, a.tertial) - periodIndex(b.year, b.tertial) ||
      (a.month ?? 0) - (b.month ?? 0) ||
      swedishCompare(unitsById.get(a.unitId)?.name ?? '', unitsById.get(b.unitId)?.name ?? '') ||
      compareIds(a.unitId, b.unitId),
  );
  return { placements, warnings };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareUnits(a: PlanUnit, b: PlanUnit): number {
  return swedishCompare(a.name, b.name) || compareIds(a.id, b.id);
}

function validatedWeights(weights: CapacityWeights): CapacityWeights {
  for (const t of [1, 2, 3] as const) {
    const w = weights[t];
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Capacity weight for T${t} must be ≥ 0, got ${w}`);
  }
  return weights;
}

function isActiveInCycle(unit: PlanUnit, cycleStart: string, cycleEnd: string): boolean {
  if (unit.activeTo !== null && toIsoDate(unit.activeTo) < cycleStart) return false;
  if (unit.activeFrom !== null && toIsoDate(unit.activeFrom) > cycleEnd) return false;
  return true;
}

/** Keeps the user's pinned placements that belong to this cycle, warning about the doubtful ones. */
function acceptFixed(
  fixedInput: readonly FixedPlacement[],
  unitsById: ReadonlyMap<string, PlanUnit>,
  cycleStartYear: number,
  warnings: PlanWarning[],
): Placement[] {
  const accepted = new Map<string, Placement>();
  for (const f of fixedInput) {
    const { tertial } = f;
    if (!isTertial(tertial) || !isYearInCycle(f.year, cycleStartYear)) {
      warnings.push({
        unitId: f.unitId,
        message: `Den fasta placeringen ${f.year} T${f.tertial} ligger utanför tillsynscykeln ${cycleStartYear}–${cycleStartYear + 2} och har inte tagits med.`,
      });
      continue;
    }
    const first = accepted.get(f.unitId);
    if (first) {
      // One ordinary inspection per unit and cycle (as the plan_entries index has it).
      warnings.push({
        unitId: f.unitId,
        message: `Enheten har flera fasta placeringar i cykeln; endast den första (${periodLabel(first)}) behålls.`,
      });
      continue;
    }
    const month = f.month ?? null;
    accepted.set(f.unitId, { unitId: f.unitId, year: f.year, tertial, month, inspectorIds: [...f.inspectorIds], fixed: true, reason: 'Fast placering' });
    warnings.push(...fixedPlacementDoubts(f.unitId, f.year, tertial, month, unitsById.get(f.unitId)));
  }
  return [...accepted.values()];
}

function fixedPlacementDoubts(
  unitId: string,
  year: number,
  tertial: Tertial,
  month: number | null,
  unit: PlanUnit | undefined,
): PlanWarning[] {
  const doubts: PlanWarning[] = [];
  const label = periodLabel({ year, tertial });
  if (month === 7) {
    doubts.push({ unitId, message: `Den fasta placeringen ligger i juli; enligt årshjulet genomförs ingen tillsyn i juli.` });
  }
  if (month !== null && (month < (tertial - 1) * 4 + 1 || month > tertial * 4)) {
    doubts.push({ unitId, message: `Månad ${month} hör inte till ${label}.` });
  }
  if (!unit) return doubts;
  if (unit.lastInspectionDate !== null) {
    const deadline = inspectionDeadline(unit.lastInspectionDate);
    if (tertialEndDate(year, tertial) > deadline) {
      doubts.push({
        unitId,
        message: `Den fasta placeringen ${label} ligger efter 36-månadersgränsen (${deadline}, räknat från senaste tillsyn ${toIsoDate(unit.lastInspectionDate)}).`,
      });
    }
  }
  const start = tertialStartDate(year, tertial);
  const end = tertialEndDate(year, tertial);
  if ((unit.activeTo !== null && toIsoDate(unit.activeTo) < start) || (unit.activeFrom !== null && toIsoDate(unit.activeFrom) > end)) {
    doubts.push({ unitId, message: `Den fasta placeringen ${label} ligger utanför enhetens verksamhetstid.` });
  }
  return doubts;
}

/** The unit's window of allowed periods and months, or a warning if it cannot be planned at all. */
function buildCandidate(
  unit: PlanUnit,
  periods: readonly number[],
  cycleStart: string,
  cycleEnd: string,
  today: string | null,
): Candidate | PlanWarning {
  const from = maxDate(cycleStart, unit.activeFrom === null ? null : toIsoDate(unit.activeFrom), today);
  const to = unit.activeTo === null || toIsoDate(unit.activeTo) > cycleEnd ? cycleEnd : toIsoDate(unit.activeTo);
  const months = new Map<number, readonly number[]>();
  for (const p of from <= to ? periods : []) {
    const { year, tertial } = periodFromIndex(p);
    const allowed = PLANNABLE_MONTHS[tertial].filter((m) => monthEnd(year, m) >= from && monthStart(year, m) <= to);
    if (allowed.length > 0) months.set(p, allowed);
  }
  const allowedPeriods = [...months.keys()];
  const earliest = allowedPeriods[0];
  const latestActive = allowedPeriods[allowedPeriods.length - 1];
  if (earliest === undefined || latestActive === undefined) {
    const message =
      unit.activeTo !== null && toIsoDate(unit.activeTo) < from
        ? `Enheten upphör ${toIsoDate(unit.activeTo)}, innan någon planerbar månad i cykeln; ingen tillsyn kan planeras.`
        : 'Enheten är inte verksam under någon planerbar månad i cykeln (juli och passerad tid planeras inte); ingen tillsyn kan planeras.';
    return { unitId: unit.id, message };
  }
  const deadline = unit.lastInspectionDate === null ? null : inspectionDeadline(unit.lastInspectionDate);
  const deadlinePeriod = deadline === null ? Number.POSITIVE_INFINITY : latestPeriodEndingBy(deadline);
  const overdue = deadlinePeriod < earliest;
  const latest = overdue ? earliest : Math.min(latestActive, deadlinePeriod);
  const closes = unit.activeTo !== null && toIsoDate(unit.activeTo) <= cycleEnd;
  const latestBy = overdue ? 'overdue' : deadlinePeriod <= latestActive ? 'deadline' : closes ? 'closing' : 'cycle';
  return { unit, earliest, latest, latestBy, deadline, overdue, months };
}

/** The last tertial whose end is on or before the date: the whole tertial must fit before it. */
function latestPeriodEndingBy(date: string): number {
  const p = periodIndexOfDate(date);
  const { year, tertial } = periodFromIndex(p);
  return tertialEndDate(year, tertial) <= date ? p : p - 1;
}

function overdueMessage(c: Candidate): string {
  const first = periodLabel(periodFromIndex(c.earliest));
  const last = c.unit.lastInspectionDate === null ? '' : toIsoDate(c.unit.lastInspectionDate);
  return `Tillsynen blir försenad: 36 månader efter senaste tillsyn (${last}) nås ${c.deadline ?? ''}, före slutet av första möjliga tertial ${first}. Planerad så tidigt som möjligt.`;
}

function maxDate(...dates: (string | null)[]): string {
  let max = '';
  for (const d of dates) if (d !== null && d > max) max = d;
  return max;
}

function monthStart(year: number, month: number): string {
  return formatIsoDate({ year, month, day: 1 });
}

function monthEnd(year: number, month: number): string {
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

function countBy(keys: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/**
 * Capacity weight per period. A period that has (partly) passed keeps only the share of its
 * plannable months that remain, so a proposal made in late April does not pile units into April.
 */
function periodWeights(
  periods: readonly number[],
  weights: CapacityWeights,
  today: string | null,
  cycleEnd: string,
): Map<number, number> {
  const result = new Map<number, number>();
  for (const p of periods) {
    const { year, tertial } = periodFromIndex(p);
    const all = PLANNABLE_MONTHS[tertial];
    const remaining = all.filter((m) => (today === null || monthEnd(year, m) >= today) && monthStart(year, m) <= cycleEnd);
    result.set(p, (weights[tertial] * remaining.length) / all.length);
  }
  const usable = [...result.values()].some((w) => w > 0);
  if (!usable) {
    // All remaining weight is zero (e.g. only T2 left with weight 0): fall back to equal shares.
    for (const p of periods) {
      const { year, tertial } = periodFromIndex(p);
      const open = PLANNABLE_MONTHS[tertial].some((m) => today === null || monthEnd(year, m) >= today);
      result.set(p, open ? 1 : 0);
    }
  }
  return result;
}

/**
 * Splits `total` over the weights by the largest-remainder method, in exact integer arithmetic so
 * equal remainders tie exactly and the earlier period wins.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  // Scaled to integers relative to the largest weight, so the arithmetic below stays exact.
  const max = Math.max(0, ...weights);
  const scaled = weights.map((w) => (max === 0 ? 0 : Math.round((w / max) * 1_000_000)));
  const sum = scaled.reduce((a, b) => a + b, 0);
  if (sum === 0 || total <= 0) return weights.map(() => 0);
  const shares = scaled.map((w) => Math.floor((total * w) / sum));
  const remainders = scaled.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - shares.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    a.latest - b.latest ||
    ((a.deadline ?? NO_DEADLINE) < (b.deadline ?? NO_DEADLINE) ? -1 : (a.deadline ?? NO_DEADLINE) > (b.deadline ?? NO_DEADLINE) ? 1 : 0) ||
    compareUnits(a.unit, b.unit)
  );
}

/**
 * Earliest deadline first. At each period the remaining placements (including later fixed ones) are
 * re-apportioned over the remaining periods by weight, so the plan stays even even when units are
 * forced in (deadline reached) or held back (not yet open). A unit whose last allowed period is
 * this one is always placed here, above the target if need be.
 */
function assignPeriods(
  candidates: readonly Candidate[],
  periods: readonly number[],
  weights: ReadonlyMap<number, number>,
  fixedPerPeriod: ReadonlyMap<number, number>,
): AutoPlacement[] {
  const queue = [...candidates].sort(compareCandidates);
  const placed = new Set<Candidate>();
  const result: AutoPlacement[] = [];
  let fixedRemaining = [...fixedPerPeriod.entries()]
    .filter(([p]) => periods.includes(p))
    .reduce((a, [, n]) => a + n, 0);

  periods.forEach((p, i) => {
    const rest = periods.slice(i);
    const remaining = candidates.length - placed.size + fixedRemaining;
    const target = apportion(remaining, rest.map((q) => weights.get(q) ?? 0))[0] ?? 0;
    const fixedHere = fixedPerPeriod.get(p) ?? 0;
    fixedRemaining -= fixedHere;
    let take = Math.max(0, target - fixedHere);
    for (const c of queue) {
      if (take <= 0 && c.latest > p) break; // sorted by latest: no one else must go here
      if (placed.has(c) || c.earliest > p) continue;
      placed.add(c);
      result.push({ candidate: c, period: p, month: null, inspectorIds: [] });
      take -= 1;
    }
  });
  return result;
}

/**
 * Spreads each period's units over its plannable months in deadline order (earlier deadline,
 * earlier month), then moves a unit to the nearest month it is actually open in.
 */
function assignMonths(auto: AutoPlacement[], today: string | null): void {
  for (const group of groupByPeriod(auto).values()) {
    const { year, tertial } = periodFromIndex(group[0]?.period ?? 0);
    const open = PLANNABLE_MONTHS[tertial].filter((m) => today === null || monthEnd(year, m) >= today);
    const spread = open.length > 0 ? open : PLANNABLE_MONTHS[tertial];
    group.forEach((a, k) => {
      const wanted = spread[Math.floor((k * spread.length) / group.length)] ?? spread[0] ?? null;
      const allowed = a.candidate.months.get(a.period) ?? [];
      a.month = wanted === null ? null : (allowed.find((m) => m >= wanted) ?? allowed[allowed.length - 1] ?? wanted);
    });
  }
}

function groupByPeriod(auto: readonly AutoPlacement[]): Map<number, AutoPlacement[]> {
  const groups = new Map<number, AutoPlacement[]>();
  for (const a of auto) {
    const group = groups.get(a.period);
    if (group) group.push(a);
    else groups.set(a.period, [a]);
  }
  return groups;
}

/**
 * One inspector per unit: the least loaded in that tertial, then the least loaded over the cycle,
 * then alphabetical. Pinned placements count towards the load.
 */
function assignInspectors(auto: AutoPlacement[], fixed: readonly Placement[], inspectors: readonly PlanInspector[]): void {
  if (inspectors.length === 0) return;
  const index = new Map(inspectors.map((ins, i) => [ins.id, i]));
  const total = inspectors.map(() => 0);
  const perPeriod = new Map<number, number[]>();
  const loadIn = (p: number): number[] => {
    let load = perPeriod.get(p);
    if (!load) {
      load = inspectors.map(() => 0);
      perPeriod.set(p, load);
    }
    return load;
  };
  for (const f of fixed) {
    const load = loadIn(periodIndex(f.year, f.tertial));
    for (const id of f.inspectorIds) {
      const i = index.get(id);
      if (i === undefined) continue;
      load[i] = (load[i] ?? 0) + 1;
      total[i] = (total[i] ?? 0) + 1;
    }
  }
  for (const a of auto) {
    const load = loadIn(a.period);
    let best = 0;
    for (let i = 1; i < inspectors.length; i++) {
      const byPeriod = (load[i] ?? 0) - (load[best] ?? 0);
      if (byPeriod < 0 || (byPeriod === 0 && (total[i] ?? 0) < (total[best] ?? 0))) best = i;
    }
    load[best] = (load[best] ?? 0) + 1;
    total[best] = (total[best] ?? 0) + 1;
    const chosen = inspectors[best];
    if (chosen) a.inspectorIds = [chosen.id];
  }
}

function toPlacement(a: AutoPlacement): Placement {
  const { year, tertial } = periodFromIndex(a.period);
  const placement: Placement = { unitId: a.candidate.unit.id, year, tertial, month: a.month, inspectorIds: a.inspectorIds, fixed: false };
  const reason = placementReason(a);
  if (reason !== null) placement.reason = reason;
  return placement;
}

function placementReason(a: AutoPlacement): string | null {
  const { candidate: c, period } = a;
  if (c.latestBy === 'overdue') return 'Försenad – planerad så tidigt som möjligt';
  if (period === c.latest && c.latestBy === 'deadline') {
    return `Senast ${periodLabel(periodFromIndex(c.latest))}: 36 månader efter senaste tillsyn nås ${c.deadline ?? ''}`;
  }
  if (period === c.latest && c.latestBy === 'closing' && c.unit.activeTo !== null) {
    return `Enheten upphör ${toIsoDate(c.unit.activeTo)}`;
  }
  if (period === c.earliest && c.unit.activeFrom !== null) {
    const { year, tertial } = periodFromIndex(period);
    const opens = toIsoDate(c.unit.activeFrom);
    if (opens >= tertialStartDate(year, tertial)) return `Enheten startar ${opens}`;
  }
  return null;
}
