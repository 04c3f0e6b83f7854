// Proposes a three-year tillsyn plan month by month: every unit active in the cycle is placed once,
// in an allowed month (the municipality's årshjul), by the month of its 36-month deadline, with at
// most `capacityPerInspector` visits per inspector and month, and the load levelled over the cycle.
// Earliest deadline first with capacity and a look-ahead (so a crowded later month is relieved in
// time), then a levelled target per month; O(n log n + months²). Pure: plain data in and out.
import { swedishCompare } from '../shared/collation.ts';
import { DEFAULT_ALLOWED_MONTHS } from './codes.ts';
import {
  cycleEndDate,
  cycleStartDate,
  daysInMonth,
  formatIsoDate,
  inspectionDeadline,
  isTertial,
  isYearInCycle,
  monthYearLabel,
  SWEDISH_MONTH_NAMES,
  periodLabel,
  tertialEndDate,
  tertialOfMonth,
  tertialStartDate,
  toIsoDate,
  type Tertial,
} from '../shared/period.ts';

/** July is never planned (semester); the other months are the municipality's choice. */
export const NEVER_PLANNED_MONTH = 7;

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

/** Why an existing entry is kept as it is. */
export type KeptBecause = 'fixed' | 'inspection' | 'unannounced';

export interface FixedPlacement {
  unitId: string;
  year: number;
  tertial: number;
  month?: number | null;
  inspectorIds: readonly string[];
  /** Defaults to anmäld. */
  announced?: boolean;
  /** Defaults to 'fixed' (placed by the user). */
  keptBecause?: KeptBecause;
}

export interface PlanProposalInput {
  cycleStartYear: number;
  units: readonly PlanUnit[];
  inspectors: readonly PlanInspector[];
  /** Placements kept exactly as given (placed by the user, inspected, or oanmäld). */
  fixed: readonly FixedPlacement[];
  /** Months that ended before today are never proposed. Omitted: no past. */
  today?: string;
  /** Calendar months (1–12, never 7) the proposal may use. Default: DEFAULT_ALLOWED_MONTHS. */
  allowedMonths?: readonly number[];
  /** Visits per inspector and month. Default: defaultCapacityPerInspector of this input. */
  capacityPerInspector?: number;
  /** Share (0–1) of the cycle's ordinary visits to be oanmälda, kept ones included. Default 0. */
  unannouncedShare?: number;
}

export interface Placement {
  unitId: string;
  year: number;
  tertial: Tertial;
  month: number | null;
  inspectorIds: string[];
  fixed: boolean;
  announced: boolean;
  /** Why the unit landed where it did, when a rule decided it (Swedish, for the UI). */
  reason?: string;
}

export type WarningKind = 'deadline' | 'capacity' | 'active' | 'fixed';

export interface PlanWarning {
  unitId: string;
  kind: WarningKind;
  message: string;
}

export interface MonthCapacity {
  year: number;
  month: number;
  /** Allowed and not passed: the proposal may use it. */
  open: boolean;
  /** Visits the whole team can make in the month (0 when not open). */
  capacity: number;
}

export interface PlanProposal {
  placements: Placement[];
  warnings: PlanWarning[];
  capacityPerInspector: number;
  defaultCapacityPerInspector: number;
  /** The cycle's 36 months in order. */
  months: MonthCapacity[];
}

const NO_DEADLINE = '9999-12-31';

/** A month the proposal may use, as its position in the list of open months. */
interface Slot {
  year: number;
  month: number;
  start: string;
  end: string;
}

/** A unit to be placed, with its window of open months (slot indexes). */
interface Candidate {
  unit: PlanUnit;
  /** Position in the sorted input: the final tie-breaker, so the result is deterministic. */
  order: number;
  /** First and last slot the unit is active in (hard). */
  first: number;
  last: number;
  /** Latest slot that keeps the rules (deadline or closing); `first` for an overdue unit. */
  due: number;
  dueBy: 'cycle' | 'deadline' | 'closing' | 'overdue';
  deadline: string | null;
  /** What set `first`: the cycle start, today or the unit's start. */
  firstBy: 'cycle' | 'today' | 'opens';
}

interface Placed {
  candidate: Candidate;
  slot: number;
  inspectorIds: string[];
  announced: boolean;
}

export function proposePlan(input: PlanProposalInput): PlanProposal {
  const { cycleStartYear } = input;
  const today = input.today === undefined ? null : toIsoDate(input.today);
  const allowed = validatedMonths(input.allowedMonths ?? DEFAULT_ALLOWED_MONTHS);
  const share = input.unannouncedShare ?? 0;
  if (!(share >= 0 && share <= 1)) throw new RangeError(`unannouncedShare must be 0–1, got ${share}`);
  const cycleStart = cycleStartDate(cycleStartYear);
  const cycleEnd = cycleEndDate(cycleStartYear);
  const warnings: PlanWarning[] = [];

  // Sorting the input first makes the result independent of the order rows came from the database.
  const units = [...input.units].sort(compareUnits);
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const inspectors = [...input.inspectors].sort((a, b) => swedishCompare(a.name, b.name) || compareIds(a.id, b.id));
  const teamSize = Math.max(1, inspectors.length);

  const allMonths = cycleMonths(cycleStartYear);
  const slots = allMonths.filter((m) => allowed.has(m.month) && (today === null || m.end >= today));
  const slotOf = new Map(slots.map((s, i) => [monthKey(s.year, s.month), i]));

  const fixed = acceptFixed(input.fixed, unitsById, cycleStartYear, allowed, warnings);
  const fixedUnitIds = new Set(fixed.map((f) => f.unitId));
  const fixedLoad = slots.map(() => 0);
  for (const f of fixed) {
    const s = f.month === null ? undefined : slotOf.get(monthKey(f.year, f.month));
    if (s !== undefined) fixedLoad[s] = (fixedLoad[s] ?? 0) + 1;
  }

  const candidates: Candidate[] = [];
  units.forEach((unit, order) => {
    if (fixedUnitIds.has(unit.id) || !isActiveInCycle(unit, cycleStart, cycleEnd)) return;
    const built = buildCandidate(unit, order, slots, cycleStart, cycleEnd, today, allowed);
    if ('message' in built) warnings.push(built);
    else candidates.push(built);
  });

  const defaultCapacity = defaultCapacityPerInspector(candidates, fixedLoad, teamSize);
  const capacity = input.capacityPerInspector ?? defaultCapacity;
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacityPerInspector must be a whole number ≥ 1, got ${capacity}`);
  const monthCapacity = capacity * teamSize;

  const { placed, overCapacity } = assignSlots(candidates, slots.length, fixedLoad, monthCapacity);
  assignInspectors(placed, fixed, inspectors, slotOf, slots.length, capacity);
  assignAnnounced(placed, fixed, share);
  warnings.push(...placementWarnings(placed, overCapacity, slots, fixedLoad, monthCapacity));

  const placements: Placement[] = [...fixed, ...placed.map((p) => toPlacement(p, slots))];
  // Units are already in Swedish order: their position is the tie-breaker (no second collation).
  const position = new Map(units.map((u, i) => [u.id, i]));
  placements.sort(
    (a, b) =>
      a.year - b.year ||
      a.tertial - b.tertial ||
      (a.month ?? 0) - (b.month ?? 0) ||
      (position.get(a.unitId) ?? -1) - (position.get(b.unitId) ?? -1) ||
      compareIds(a.unitId, b.unitId),
  );
  const months = allMonths.map(({ year, month }) => {
    const open = slotOf.has(monthKey(year, month));
    return { year, month, open, capacity: open ? monthCapacity : 0 };
  });
  return { placements, warnings, capacityPerInspector: capacity, defaultCapacityPerInspector: defaultCapacity, months };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareUnits(a: PlanUnit, b: PlanUnit): number {
  return swedishCompare(a.name, b.name) || compareIds(a.id, b.id);
}

function monthKey(year: number, month: number): number {
  return year * 12 + (month - 1);
}

function validatedMonths(months: readonly number[]): ReadonlySet<number> {
  for (const m of months) {
    if (!Number.isInteger(m) || m < 1 || m > 12 || m === NEVER_PLANNED_MONTH) throw new RangeError(`Not an allowed month: ${m}`);
  }
  return new Set(months);
}

function cycleMonths(startYear: number): Slot[] {
  const result: Slot[] = [];
  for (let year = startYear; year < startYear + 3; year++) {
    for (let month = 1; month <= 12; month++) {
      result.push({ year, month, start: formatIsoDate({ year, month, day: 1 }), end: formatIsoDate({ year, month, day: daysInMonth(year, month) }) });
    }
  }
  return result;
}

function isActiveInCycle(unit: PlanUnit, cycleStart: string, cycleEnd: string): boolean {
  if (unit.activeTo !== null && toIsoDate(unit.activeTo) < cycleStart) return false;
  if (unit.activeFrom !== null && toIsoDate(unit.activeFrom) > cycleEnd) return false;
  return true;
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}

function allowedMonthsText(allowed: ReadonlySet<number>): string {
  return [...allowed].sort((a, b) => a - b).map((m) => SWEDISH_MONTH_NAMES[m - 1]).join(', ');
}

const KEPT_REASONS: Record<KeptBecause, string> = {
  fixed: 'Fast placering',
  inspection: 'Tillsyn registrerad',
  unannounced: 'Oanmäld – behålls',
};

/** Keeps the placements that belong to this cycle, warning about the doubtful ones. */
function acceptFixed(
  fixedInput: readonly FixedPlacement[],
  unitsById: ReadonlyMap<string, PlanUnit>,
  cycleStartYear: number,
  allowed: ReadonlySet<number>,
  warnings: PlanWarning[],
): Placement[] {
  const accepted = new Map<string, Placement>();
  for (const f of fixedInput) {
    const { tertial } = f;
    if (!isTertial(tertial) || !isYearInCycle(f.year, cycleStartYear)) {
      warnings.push({
        unitId: f.unitId,
        kind: 'fixed',
        message: `Den fasta placeringen ${f.year} T${f.tertial} ligger utanför tillsynscykeln ${cycleStartYear}–${cycleStartYear + 2} och har inte tagits med.`,
      });
      continue;
    }
    const first = accepted.get(f.unitId);
    if (first) {
      // One ordinary inspection per unit and cycle (as the plan_entries index has it).
      warnings.push({
        unitId: f.unitId,
        kind: 'fixed',
        message: `Enheten har flera fasta placeringar i cykeln; endast den första (${periodLabel(first)}) behålls.`,
      });
      continue;
    }
    const month = f.month ?? null;
    accepted.set(f.unitId, {
      unitId: f.unitId,
      year: f.year,
      tertial,
      month,
      inspectorIds: [...f.inspectorIds],
      fixed: true,
      announced: f.announced ?? true,
      reason: KEPT_REASONS[f.keptBecause ?? 'fixed'],
    });
    warnings.push(...fixedPlacementDoubts(f.unitId, f.year, tertial, month, unitsById.get(f.unitId), allowed));
  }
  return [...accepted.values()];
}

function fixedPlacementDoubts(
  unitId: string,
  year: number,
  tertial: Tertial,
  month: number | null,
  unit: PlanUnit | undefined,
  allowed: ReadonlySet<number>,
): PlanWarning[] {
  const doubts: PlanWarning[] = [];
  const label = month === null ? periodLabel({ year, tertial }) : monthYearLabel(year, month);
  const doubt = (message: string) => doubts.push({ unitId, kind: 'fixed', message });
  if (month === NEVER_PLANNED_MONTH) {
    doubt('Den fasta placeringen ligger i juli; enligt årshjulet genomförs ingen tillsyn i juli.');
  } else if (month !== null && !allowed.has(month)) {
    doubt(`Den fasta placeringen ligger i ${label}, som inte är en tillåten tillsynsmånad (tillåtna: ${allowedMonthsText(allowed)}).`);
  }
  if (month !== null && tertialOfMonth(month) !== tertial) doubt(`Månad ${month} hör inte till ${periodLabel({ year, tertial })}.`);
  if (!unit) return doubts;
  const start = month === null ? tertialStartDate(year, tertial) : formatIsoDate({ year, month, day: 1 });
  const end = month === null ? tertialEndDate(year, tertial) : formatIsoDate({ year, month, day: daysInMonth(year, month) });
  if (unit.lastInspectionDate !== null) {
    const last = toIsoDate(unit.lastInspectionDate);
    const deadline = inspectionDeadline(last);
    // A month is in time when it begins on or before the deadline; a tertial only when it ends by it.
    if ((month === null ? end : start) > deadline) {
      doubt(`Den fasta placeringen ${label} ligger efter 36-månadersgränsen (${deadline}, räknat från senaste tillsyn ${last}).`);
    }
  }
  if ((unit.activeTo !== null && toIsoDate(unit.activeTo) < start) || (unit.activeFrom !== null && toIsoDate(unit.activeFrom) > end)) {
    doubt(`Den fasta placeringen ${label} ligger utanför enhetens verksamhetstid.`);
  }
  return doubts;
}

/** The unit's window of open months, or a warning saying exactly why it cannot be planned. */
function buildCandidate(
  unit: PlanUnit,
  order: number,
  slots: readonly Slot[],
  cycleStart: string,
  cycleEnd: string,
  today: string | null,
  allowed: ReadonlySet<number>,
): Candidate | PlanWarning {
  const opens = unit.activeFrom === null ? null : toIsoDate(unit.activeFrom);
  const closes = unit.activeTo === null ? null : toIsoDate(unit.activeTo);
  let from = cycleStart;
  let firstBy: Candidate['firstBy'] = 'cycle';
  if (today !== null && today > from) [from, firstBy] = [today, 'today'];
  if (opens !== null && opens > from) [from, firstBy] = [opens, 'opens'];
  const to = closes === null || closes > cycleEnd ? cycleEnd : closes;
  const first = slots.findIndex((s) => s.end >= from && s.start <= to);
  let last = first;
  while (first >= 0 && last + 1 < slots.length && (slots[last + 1]?.start ?? '') <= to) last += 1;
  if (first < 0) {
    const activeText = `${opens ?? '…'}–${closes ?? '…'}`;
    const message =
      closes !== null && today !== null && closes < today
        ? `Enheten upphör ${closes}, före dagens datum ${today}; ingen tillsyn kan planeras.`
        : `Ingen tillåten månad (${allowedMonthsText(allowed)}) som inte passerat ligger inom enhetens verksamhetstid ${activeText} i cykeln; ingen tillsyn kan planeras.`;
    return { unitId: unit.id, kind: 'active', message };
  }
  const deadline = unit.lastInspectionDate === null ? null : inspectionDeadline(unit.lastInspectionDate);
  // The last open month that begins on or before the deadline: a visit then keeps the rule.
  let deadlineSlot = slots.length - 1;
  if (deadline !== null) {
    deadlineSlot = upperBound(slots, deadline) - 1;
  }
  let due: number;
  let dueBy: Candidate['dueBy'];
  if (deadline !== null && deadlineSlot < first) [due, dueBy] = [first, 'overdue'];
  else if (deadline !== null && deadlineSlot <= last) [due, dueBy] = [deadlineSlot, 'deadline'];
  else [due, dueBy] = [last, closes !== null && closes <= cycleEnd ? 'closing' : 'cycle'];
  return { unit, order, first, last, due, dueBy, deadline, firstBy };
}

/** Number of slots that begin on or before the date (binary search; slots are in order). */
function upperBound(slots: readonly Slot[], date: string): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((slots[mid]?.start ?? '') <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The smallest visits per inspector and month that fits the cycle's work evenly and lets every
 * unit keep its deadline: the largest density of (placements that must fall in months a..b) over
 * (inspectors × months in a..b), over every window a..b, and never less than the even share.
 */
function defaultCapacityPerInspector(candidates: readonly Candidate[], fixedLoad: readonly number[], teamSize: number): number {
  const n = fixedLoad.length;
  if (n === 0) return 1;
  // count[a][b]: placements whose window is exactly a..b; then summed to "window inside a..b".
  const within = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  let total = 0;
  fixedLoad.forEach((load, s) => {
    within[s]![s]! += load;
    total += load;
  });
  for (const c of candidates) {
    total += 1;
    // An overdue unit is late whatever the capacity; it asks for no more than its whole window.
    const end = c.dueBy === 'overdue' ? c.last : c.due;
    within[c.first]![end]! += 1;
  }
  let needed = Math.ceil(total / (n * teamSize));
  for (let a = n - 1; a >= 0; a--) {
    for (let b = a; b < n; b++) {
      const row = within[a]!;
      row[b] = row[b]! + (within[a + 1]![b] ?? 0) + (b > a ? row[b - 1]! : 0) - (b > a ? (within[a + 1]![b - 1] ?? 0) : 0);
      needed = Math.max(needed, Math.ceil(row[b]! / ((b - a + 1) * teamSize)));
    }
  }
  return Math.max(1, needed);
}

/** A binary min-heap; small enough to keep here rather than add a dependency. */
class Heap<T> {
  private readonly items: T[] = [];
  private readonly before: (a: T, b: T) => boolean;
  constructor(before: (a: T, b: T) => boolean) {
    this.before = before;
  }
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
  /** Removes and returns every item matching; O(size). */
  takeWhere(match: (item: T) => boolean): T[] {
    const taken = this.items.filter(match);
    if (taken.length === 0) return taken;
    const kept = this.items.filter((i) => !match(i));
    this.items.length = 0;
    for (const item of kept) this.push(item);
    return taken;
  }
}

function deadlineOf(c: Candidate): string {
  return c.deadline ?? NO_DEADLINE;
}

/**
 * Month by month: first the units whose last rule-keeping month this is (even above capacity,
 * nothing else is possible); then what later crowded months need moved forward; then overdue
 * units as early as capacity allows; then up to an even share of what is left, never above
 * capacity. Units that could still keep their deadline go before those already overdue.
 */
function assignSlots(
  candidates: readonly Candidate[],
  slotCount: number,
  fixedLoad: readonly number[],
  monthCapacity: number,
): { placed: Placed[]; overCapacity: Set<Placed> } {
  const byDue = (a: Candidate, b: Candidate) => a.due - b.due || deadlineOf(a).localeCompare(deadlineOf(b)) || a.order - b.order;
  const onTime = new Heap<Candidate>((a, b) => byDue(a, b) < 0);
  const overdue = new Heap<Candidate>((a, b) => deadlineOf(a).localeCompare(deadlineOf(b)) < 0 || (deadlineOf(a) === deadlineOf(b) && a.order < b.order));
  const released: Candidate[][] = Array.from({ length: slotCount }, () => []);
  const dueCount = new Array<number>(slotCount).fill(0);
  for (const c of candidates) {
    released[c.first]!.push(c);
    if (c.dueBy !== 'overdue') dueCount[c.due]! += 1;
  }
  const free = fixedLoad.map((f) => Math.max(0, monthCapacity - f));
  let fixedLeft = fixedLoad.reduce((a, b) => a + b, 0);
  let unplaced = candidates.length;
  const placed: Placed[] = [];
  const overCapacity = new Set<Placed>();

  for (let s = 0; s < slotCount; s++) {
    for (const c of released[s]!) (c.dueBy === 'overdue' ? overdue : onTime).push(c);
    let load = fixedLoad[s]!;
    // Rounded to nearest, so a cycle with fewer units than months spreads them over all of it.
    const target = Math.round((unplaced + fixedLeft) / (slotCount - s));
    fixedLeft -= fixedLoad[s]!;
    const place = (c: Candidate) => {
      load += 1;
      unplaced -= 1;
      if (c.dueBy !== 'overdue') dueCount[c.due]! -= 1;
      const p: Placed = { candidate: c, slot: s, inspectorIds: [], announced: true };
      if (load > monthCapacity) overCapacity.add(p);
      placed.push(p);
    };

    // 1. This is the last month that keeps the rules: place here whatever the load.
    while ((onTime.peek()?.due ?? Number.POSITIVE_INFINITY) <= s) place(onTime.pop()!);
    for (const c of overdue.takeWhere((x) => x.last <= s)) place(c);

    // 2. Look ahead: if the months s+1..k cannot hold everything due by k, the rest goes now.
    let dueByK = 0;
    let capacityAfter = 0;
    let needNow = 0;
    for (let k = s + 1; k < slotCount; k++) {
      dueByK += dueCount[k]!;
      capacityAfter += free[k]!;
      needNow = Math.max(needNow, dueByK - capacityAfter);
    }
    while (needNow > 0 && load < monthCapacity && onTime.size > 0) {
      place(onTime.pop()!);
      needNow -= 1;
    }

    // 3. Overdue units: as early as capacity allows.
    while (load < monthCapacity && overdue.size > 0) place(overdue.pop()!);

    // 4. The even share.
    const limit = Math.min(target, monthCapacity);
    while (load < limit && onTime.size > 0) place(onTime.pop()!);
  }
  return { placed, overCapacity };
}

/**
 * One inspector per unit: the least loaded that month, then over the cycle, then alphabetical.
 * Kept placements count towards the load.
 */
function assignInspectors(
  placed: readonly Placed[],
  fixed: readonly Placement[],
  inspectors: readonly PlanInspector[],
  slotOf: ReadonlyMap<number, number>,
  slotCount: number,
  capacity: number,
): void {
  if (inspectors.length === 0) return;
  const index = new Map(inspectors.map((ins, i) => [ins.id, i]));
  const total = inspectors.map(() => 0);
  const monthLoad = Array.from({ length: slotCount }, () => inspectors.map(() => 0));
  for (const f of fixed) {
    const s = f.month === null ? undefined : slotOf.get(monthKey(f.year, f.month));
    for (const id of f.inspectorIds) {
      const i = index.get(id);
      if (i === undefined) continue;
      total[i]! += 1;
      if (s !== undefined) monthLoad[s]![i]! += 1;
    }
  }
  for (const p of placed) {
    const load = monthLoad[p.slot]!;
    let best = 0;
    for (let i = 1; i < inspectors.length; i++) {
      const byMonth = Math.min(load[i]!, capacity) - Math.min(load[best]!, capacity);
      if (byMonth < 0 || (byMonth === 0 && (load[i]! < load[best]! || (load[i] === load[best] && total[i]! < total[best]!)))) best = i;
    }
    load[best]! += 1;
    total[best]! += 1;
    p.inspectorIds = [inspectors[best]!.id];
  }
}

/**
 * Oanmälda visits: the share of the cycle's visits (kept ones included) as near as whole visits
 * allow, spread evenly over the proposed ones in date order. Kept placements are never changed.
 */
function assignAnnounced(placed: Placed[], fixed: readonly Placement[], share: number): void {
  const total = placed.length + fixed.length;
  const keptUnannounced = fixed.filter((f) => !f.announced).length;
  const wanted = Math.min(placed.length, Math.max(0, Math.round(share * total) - keptUnannounced));
  const ordered = [...placed].sort((a, b) => a.slot - b.slot || a.candidate.order - b.candidate.order);
  ordered.forEach((p, i) => {
    // Bresenham: the i-th proposed visit is oanmäld when the running quota steps up at i.
    p.announced = Math.floor(((i + 1) * wanted) / ordered.length) === Math.floor((i * wanted) / ordered.length);
  });
}

function slotLabel(slots: readonly Slot[], s: number): string {
  const slot = slots[s];
  return slot ? monthYearLabel(slot.year, slot.month) : '';
}

/** "mars 2025 är full" or "januari–mars 2025 är fulla": the open months a..b (a ≤ b) at capacity. */
function fullMonthsText(slots: readonly Slot[], a: number, b: number): string {
  return a === b ? `${slotLabel(slots, a)} är full` : `${slotLabel(slots, a)}–${slotLabel(slots, b)} är fulla`;
}

function firstText(c: Candidate, slots: readonly Slot[]): string {
  const first = slotLabel(slots, c.first);
  if (c.firstBy === 'opens') return `${first} (enheten startar ${toIsoDate(c.unit.activeFrom ?? '')})`;
  if (c.firstBy === 'today') return `${first} (tidigare månader har passerat)`;
  return first;
}

/** One warning per unit that does not keep the rules, saying exactly why. */
function placementWarnings(
  placed: readonly Placed[],
  overCapacity: ReadonlySet<Placed>,
  slots: readonly Slot[],
  fixedLoad: readonly number[],
  monthCapacity: number,
): PlanWarning[] {
  const load = [...fixedLoad];
  for (const p of placed) load[p.slot]! += 1;
  const warnings: PlanWarning[] = [];
  for (const p of placed) {
    const c = p.candidate;
    const unitId = c.unit.id;
    const last = c.unit.lastInspectionDate === null ? '' : toIsoDate(c.unit.lastInspectionDate);
    const when = slotLabel(slots, p.slot);
    if (c.dueBy === 'overdue') {
      const delay =
        p.slot === c.first
          ? `Planerad första möjliga månad, ${when}.`
          : `Planerad ${when}, första månad med ledig kapacitet: ${fullMonthsText(slots, c.first, p.slot - 1)} (${monthCapacity} tillsyner per månad).`;
      warnings.push({
        unitId,
        kind: 'deadline',
        message: `Tillsynen blir försenad: 36-månadersgränsen ${c.deadline ?? ''} (räknat från senaste tillsyn ${last}) nås före första möjliga månad, ${firstText(c, slots)}. ${delay}`,
      });
    } else if (overCapacity.has(p)) {
      const rule =
        c.dueBy === 'deadline'
          ? `36-månadersgränsen ${c.deadline ?? ''} (räknat från senaste tillsyn ${last})`
          : c.dueBy === 'closing'
            ? `enheten upphör ${toIsoDate(c.unit.activeTo ?? '')}`
            : 'cykeln slutar';
      const earlier = p.slot > c.first ? `, och ${fullMonthsText(slots, c.first, p.slot - 1)}` : '';
      warnings.push({
        unitId,
        kind: 'capacity',
        message: `${capitalize(when)} får fler tillsyner än kapaciteten (${load[p.slot]} av ${monthCapacity}): ${rule} tillåter ingen senare månad${earlier}.`,
      });
    }
  }
  return warnings;
}

function toPlacement(p: Placed, slots: readonly Slot[]): Placement {
  const slot = slots[p.slot]!;
  const placement: Placement = {
    unitId: p.candidate.unit.id,
    year: slot.year,
    tertial: tertialOfMonth(slot.month),
    month: slot.month,
    inspectorIds: p.inspectorIds,
    fixed: false,
    announced: p.announced,
  };
  const reason = placementReason(p, slots);
  if (reason !== null) placement.reason = reason;
  return placement;
}

function placementReason(p: Placed, slots: readonly Slot[]): string | null {
  const { candidate: c, slot } = p;
  const last = c.unit.lastInspectionDate === null ? '' : toIsoDate(c.unit.lastInspectionDate);
  if (c.dueBy === 'overdue') return `Försenad: 36-månadersgränsen ${c.deadline ?? ''} har passerat`;
  if (slot === c.due && c.dueBy === 'deadline') {
    return `Senast ${slotLabel(slots, slot)}: 36 månader efter tillsynen ${last} (${c.deadline ?? ''})`;
  }
  if (slot === c.due && c.dueBy === 'closing') return `Enheten upphör ${toIsoDate(c.unit.activeTo ?? '')}`;
  if (slot === c.first && c.firstBy === 'opens') return `Enheten startar ${toIsoDate(c.unit.activeFrom ?? '')}`;
  return null;
}
