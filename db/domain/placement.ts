// Whether a plan entry may be placed where the user put it: inside the cycle, in a month of its
// tertial (never July), a unit that is active then and planned once per cycle, inspectors who are
// not archived. Each problem names the field the user must change, in Swedish.
import type { InspectionType } from './codes.ts';
import { SWEDISH_MONTH_NAMES, isTertial, isYearInCycle, monthsOfTertial, tertialEndDate, tertialStartDate, type Tertial } from '../shared/period.ts';

export interface UnitFacts {
  id: string;
  name: string;
  archivedAt: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface InspectorFacts {
  id: string;
  name: string;
  archivedAt: string | null;
}

/** What validating placements needs about the cycle, its units, inspectors and ordinary entries. */
export interface PlacementFacts {
  cycle: { name: string; startYear: number };
  units: ReadonlyMap<string, UnitFacts>;
  inspectors: ReadonlyMap<string, InspectorFacts>;
  /** Ordinary entries of the cycle per unit: the entry id and its period. */
  ordinary: ReadonlyMap<string, { id: string; year: number; tertial: number }>;
}

export interface PlacementValues {
  unitId: string;
  year: number;
  tertial: number;
  month: number | null;
  inspectionType: InspectionType;
  inspectorIds: readonly string[];
}

export interface PlacementCheckOptions {
  /** The entry being edited: its own ordinary slot is no clash, its inspectors may be archived. */
  entryId?: string;
  keepInspectorIds?: ReadonlySet<string>;
  /** Ordinary entries about to be replaced (accepting a proposal) do not clash. */
  replacedEntryIds?: ReadonlySet<string>;
  /** The unit itself was not changed: an archived or closed unit may stay where it is. */
  unitUnchanged?: boolean;
}

export interface PlacementIssue {
  field: string;
  message: string;
  /** The unit is already planned for ordinary inspection in the cycle. */
  clash?: true;
}

const TERTIAL_SPANS: Record<Tertial, string> = { 1: 'januari–april', 2: 'maj–augusti', 3: 'september–december' };

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}

/** Every problem with a placement, each on the field the user must change. */
export function placementIssues(facts: PlacementFacts, v: PlacementValues, options: PlacementCheckOptions = {}): PlacementIssue[] {
  const issues: PlacementIssue[] = [];
  const { cycle } = facts;
  if (!isYearInCycle(v.year, cycle.startYear)) {
    issues.push({ field: 'year', message: `Året ${v.year} ligger utanför tillsynscykeln ${cycle.name}. Välj ${cycle.startYear}, ${cycle.startYear + 1} eller ${cycle.startYear + 2}.` });
  }
  const tertial = isTertial(v.tertial) ? v.tertial : null;
  if (tertial === null) issues.push({ field: 'tertial', message: 'Tertial måste vara 1, 2 eller 3.' });
  if (v.month === 7) {
    issues.push({ field: 'month', message: 'Ingen tillsyn planeras i juli (semester enligt årshjulet). Välj en annan månad eller lämna månaden tom.' });
  } else if (v.month !== null && tertial !== null && !monthsOfTertial(tertial).includes(v.month)) {
    issues.push({
      field: 'month',
      message: `${capitalize(SWEDISH_MONTH_NAMES[v.month - 1] ?? String(v.month))} hör inte till T${tertial} (${TERTIAL_SPANS[tertial]}).`,
    });
  }

  const unit = facts.units.get(v.unitId);
  if (!unit) {
    issues.push({ field: 'unitId', message: 'Enheten finns inte (den kan ha tagits bort).' });
  } else if (!options.unitUnchanged) {
    if (unit.archivedAt !== null) {
      issues.push({ field: 'unitId', message: `${unit.name} är arkiverad och kan inte planeras.` });
    } else if (tertial !== null && isYearInCycle(v.year, cycle.startYear)) {
      if (unit.activeTo !== null && unit.activeTo < tertialStartDate(v.year, tertial)) {
        issues.push({ field: 'tertial', message: `${unit.name} upphör ${unit.activeTo}, före ${v.year} T${tertial}.` });
      } else if (unit.activeFrom !== null && unit.activeFrom > tertialEndDate(v.year, tertial)) {
        issues.push({ field: 'tertial', message: `${unit.name} startar ${unit.activeFrom}, efter ${v.year} T${tertial}.` });
      }
    }
  }

  if (v.inspectionType === 'ordinarie') {
    const other = facts.ordinary.get(v.unitId);
    if (other && other.id !== options.entryId && !options.replacedEntryIds?.has(other.id)) {
      issues.push({
        field: 'unitId',
        clash: true,
        message: `${unit?.name ?? 'Enheten'} är redan planerad för ordinarie tillsyn ${other.year} T${other.tertial} i cykeln ${cycle.name}. En enhet planeras en gång per cykel – flytta den befintliga planeringen i stället.`,
      });
    }
  }

  for (const inspectorId of v.inspectorIds) {
    const inspector = facts.inspectors.get(inspectorId);
    if (!inspector) {
      issues.push({ field: 'inspectorIds', message: 'Okänd tillsynshandläggare (kan ha tagits bort).' });
    } else if (inspector.archivedAt !== null && !options.keepInspectorIds?.has(inspectorId)) {
      issues.push({ field: 'inspectorIds', message: `${inspector.name} är arkiverad och kan inte tilldelas nya tillsyner.` });
    }
  }
  if (new Set(v.inspectorIds).size !== v.inspectorIds.length) {
    issues.push({ field: 'inspectorIds', message: 'Samma tillsynshandläggare är vald två gånger.' });
  }
  return issues;
}
