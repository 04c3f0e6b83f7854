// Contract for planning tillsyn: the kvalitetskrav catalogue (versioned), the inspectors
// (tillsynshandläggare), three-year cycles, the plan with its proposal, and cycle coverage.
import { z } from 'zod';
import { read, write } from './define.ts';
import { enumOf, id, isoDate, noInput, optionalText, requiredText } from './fields.ts';
import {
  INSPECTION_TYPES,
  LEGAL_BASES,
  UNIT_TYPES,
  type InspectionStatus,
  type InspectionType,
  type LegalBasis,
  type Regi,
  type UnitType,
} from '../domain/codes.ts';
import type { Tertial } from '../shared/period.ts';
import type { CoverageResult, InspectionProgress } from '../domain/coverage.ts';

/** The wording and scope of a kvalitetskrav as of one version. */
interface RequirementWording {
  version: number;
  title: string;
  description: string;
  deadlineDays: number | null;
  /** What it rests on (SoL, LSS, HSL, föreskrifter …), in LEGAL_BASES order. */
  legalBases: LegalBasis[];
  /** The verksamhetstyper it applies to, in UNIT_TYPES order; none = every type. */
  unitTypes: UnitType[];
  /** Judged at the beställare, not at a utförare's unit: never preselected for a unit. */
  judgedAtCommissioner: boolean;
  validFrom: string;
  assessmentCount: number;
}

/** A kvalitetskrav with its current (highest) version. */
export interface RequirementRow extends RequirementWording {
  id: string;
  code: string;
  theme: string;
  sortOrder: number;
  archivedAt: string | null;
  /** The current version: what a new assessment refers to. */
  versionId: string;
  /** Assessments referring to any version of the requirement. */
  assessmentCount: number;
  /** True when the current version is referred to: editing its wording then creates a new version. */
  currentVersionInUse: boolean;
}

export interface RequirementVersionRow extends RequirementWording {
  id: string;
  requirementId: string;
  /** Assessments referring to this version. */
  assessmentCount: number;
}

export interface InspectorRow {
  id: string;
  name: string;
  email: string;
  archivedAt: string | null;
  /** Plan entries and inspections the inspector is named on. */
  planEntryCount: number;
  inspectionCount: number;
}

/** A whole number from min to max, with one Swedish message for every way it can be wrong. */
function wholeNumber(min: number, max: number, message: string) {
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const deadlineDays = wholeNumber(1, 3650, 'Tidsgräns måste vara ett helt antal dagar, 1–3650.').nullable();
const sortOrder = wholeNumber(0, 100_000, 'Ordning måste vara ett heltal 0–100000.');

const requirementFields = {
  code: requiredText('Kod', 20),
  theme: requiredText('Tema', 120),
  sortOrder,
  title: requiredText('Rubrik', 200),
  description: optionalText('Beskrivning', 4000),
  deadlineDays,
  legalBases: z.array(enumOf(LEGAL_BASES, 'lagstöd')).max(LEGAL_BASES.length),
  unitTypes: z.array(enumOf(UNIT_TYPES, 'verksamhetstyp')).max(UNIT_TYPES.length),
  judgedAtCommissioner: z.boolean({ error: 'Bedöms hos beställaren måste vara ja eller nej.' }),
};

export const requirementInput = z.strictObject({
  ...requirementFields,
  sortOrder: sortOrder.optional(),
  description: requirementFields.description.default(''),
  deadlineDays: deadlineDays.default(null),
  legalBases: requirementFields.legalBases.default([]),
  unitTypes: requirementFields.unitTypes.default([]),
  judgedAtCommissioner: requirementFields.judgedAtCommissioner.default(false),
});
export const requirementPatch = z.strictObject(requirementFields).partial();

const inspectorFields = {
  name: requiredText('Namn', 120),
  email: optionalText('E-post', 200).refine((v) => v === '' || /^[^\s@]+@[^\s@]+$/.test(v), {
    error: 'E-postadressen ser inte giltig ut.',
  }),
};
export const inspectorInput = z.strictObject({ ...inspectorFields, email: inspectorFields.email.default('') });
export const inspectorPatch = z.strictObject(inspectorFields).partial();

export interface CycleRow {
  id: string;
  startYear: number;
  /** "2025–2027" */
  name: string;
  archivedAt: string | null;
  planEntryCount: number;
  /** Plan entries that an inspection has been recorded for. */
  inspectionCount: number;
}

export interface PlanEntryRow {
  id: string;
  cycleId: string;
  unitId: string;
  unitName: string;
  operatingAreaId: string;
  operatingAreaName: string;
  regi: Regi;
  unitArchived: boolean;
  year: number;
  tertial: Tertial;
  month: number | null;
  inspectionType: InspectionType;
  announced: boolean;
  /** Placed by the user: a new proposal keeps it where it is. */
  fixed: boolean;
  inspectorIds: string[];
  inspectorNames: string[];
  notes: string;
  /** The inspection recorded for this entry, if any (the latest). */
  inspectionId: string | null;
  inspectionStatus: InspectionStatus | null;
  inspectionStartDate: string | null;
  /** The day it was closed (yyyy-MM-dd), when it is. */
  inspectionClosedOn: string | null;
  /** How far that inspection has come, by the rule Täckning uses (null without an inspection). */
  inspectionProgress: InspectionProgress | null;
  /**
   * Ordinary entries: the start date of the inspection that covers the unit in this cycle by the
   * coverage rule (normally the entry's own), so the plan says done exactly when Täckning does.
   */
  coveredOn: string | null;
  /** The tertial has ended and no inspection has been carried out for the entry. */
  overdue: boolean;
  updatedAt: string;
}

export interface ProposedPlacement {
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  year: number;
  tertial: Tertial;
  month: number | null;
  inspectorIds: string[];
  inspectorNames: string[];
  /** Kept from the existing plan (placed by the user, inspected, or oanmäld). */
  fixed: boolean;
  announced: boolean;
  reason: string | null;
}

/** One month of the cycle in the proposal: may it be used, and how many visits the team can make. */
export interface ProposalMonth {
  year: number;
  month: number;
  open: boolean;
  capacity: number;
}

/** Where the default oanmäld share comes from. */
export interface UnannouncedBasis {
  source: 'lastCycle' | 'currentPlan' | 'none';
  unannounced: number;
  total: number;
}

export interface ProposalSettings {
  capacityPerInspector: number;
  defaultCapacityPerInspector: number;
  /** Active inspectors; capacity per month is capacityPerInspector × max(1, teamSize). */
  teamSize: number;
  unannouncedPercent: number;
  defaultUnannouncedPercent: number;
  unannouncedBasis: UnannouncedBasis;
  allowedMonths: number[];
}

export interface PlanProposalView {
  cycleId: string;
  today: string;
  placements: ProposedPlacement[];
  warnings: { unitId: string; unitName: string; kind: 'deadline' | 'capacity' | 'active' | 'fixed'; message: string }[];
  /** Inspectors the load chart shows: every active one, plus anyone named on a placement. */
  inspectors: { id: string; name: string }[];
  months: ProposalMonth[];
  settings: ProposalSettings;
  /** Existing non-kept ordinary entries that accepting the proposal replaces. */
  replacedCount: number;
  keptCount: number;
}

export interface CoverageView extends CoverageResult {
  cycleId: string;
  cycleName: string;
}

const year = wholeNumber(2000, 2100, 'År måste vara ett heltal 2000–2100.');
const tertial = wholeNumber(1, 3, 'Tertial måste vara 1, 2 eller 3.');
const month = wholeNumber(1, 12, 'Månad måste vara ett tal 1–12.').nullable();
const inspectorIds = z.array(id).max(10, { error: 'Högst 10 tillsynshandläggare per tillsyn.' });

const planFields = {
  year,
  tertial,
  month,
  inspectionType: enumOf(INSPECTION_TYPES, 'tillsynstyp'),
  announced: z.boolean({ error: 'Anmäld måste vara ja eller nej.' }),
  fixed: z.boolean({ error: 'Fast placering måste vara ja eller nej.' }),
  inspectorIds,
  notes: optionalText('Anteckning', 2000),
};

export const planEntryInput = z.strictObject({
  cycleId: id,
  unitId: id,
  ...planFields,
  month: month.default(null),
  inspectionType: planFields.inspectionType.default('ordinarie'),
  announced: planFields.announced.default(true),
  fixed: planFields.fixed.default(true),
  inspectorIds: inspectorIds.default([]),
  notes: planFields.notes.default(''),
});
export const planEntryPatch = z.strictObject(planFields).partial();

const placementInput = z.strictObject({
  unitId: id,
  year,
  tertial,
  month: month.default(null),
  inspectorIds: inspectorIds.default([]),
  fixed: z.boolean().default(false),
  announced: planFields.announced.default(true),
});

/** The months the plan proposal may use: never July (semester), at least one. */
export const allowedMonthsInput = z
  .array(wholeNumber(1, 12, 'Månad måste vara ett tal 1–12.').refine((m) => m !== 7, { error: 'Juli kan inte vara en tillsynsmånad (semester enligt årshjulet).' }))
  .min(1, { error: 'Välj minst en månad för tillsyn.' })
  .max(11)
  .refine((ms) => new Set(ms).size === ms.length, { error: 'Samma månad finns två gånger.' });

const proposalOptions = {
  capacityPerInspector: wholeNumber(1, 500, 'Kapacitet måste vara ett helt antal tillsyner per handläggare och månad, 1–500.').optional(),
  unannouncedPercent: wholeNumber(0, 100, 'Andel oanmälda måste vara ett helt antal procent, 0–100.').optional(),
  allowedMonths: allowedMonthsInput.optional(),
};

const listInput = z.strictObject({ includeArchived: z.boolean().default(false) });

export const tillsynPlanningContract = {
  'requirements.list': read<RequirementRow[]>()(listInput),
  'requirements.versions': read<RequirementVersionRow[]>()(z.strictObject({ id })),
  'requirements.create': write<RequirementRow>()(requirementInput),
  /** Changing the wording of a version in use creates a new version valid from today. */
  'requirements.update': write<RequirementRow>()(z.strictObject({ id, patch: requirementPatch })),
  'requirements.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'requirements.setArchived': write<RequirementRow>()(z.strictObject({ id, archived: z.boolean() })),
  'requirements.loadDefaultCatalogue': write<{ inserted: number }>()(noInput),
  'inspectors.list': read<InspectorRow[]>()(listInput),
  'inspectors.create': write<InspectorRow>()(inspectorInput),
  'inspectors.update': write<InspectorRow>()(z.strictObject({ id, patch: inspectorPatch })),
  'inspectors.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'inspectors.setArchived': write<InspectorRow>()(z.strictObject({ id, archived: z.boolean() })),
  'cycles.list': read<CycleRow[]>()(noInput),
  'cycles.create': write<CycleRow>()(
    z.strictObject({
      startYear: year.refine((y) => y <= 2098, { error: 'Cykeln måste sluta senast 2100.' }),
    }),
  ),
  'cycles.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'plan.list': read<PlanEntryRow[]>()(z.strictObject({ cycleId: id })),
  'plan.create': write<PlanEntryRow>()(planEntryInput),
  /** Moving an entry (year, tertial or month) makes it fixed unless the patch says otherwise. */
  'plan.update': write<PlanEntryRow>()(z.strictObject({ id, patch: planEntryPatch })),
  'plan.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  /** A preview only: never writes. */
  'plan.propose': read<PlanProposalView>()(z.strictObject({ cycleId: id, today: isoDate('Dagens datum').optional(), ...proposalOptions })),
  /** The municipality's tillsyn months for proposals (a setting, remembered). */
  'plan.setAllowedMonths': write<{ allowedMonths: number[] }>()(z.strictObject({ allowedMonths: allowedMonthsInput })),
  /** Replaces the ordinary entries that are not kept (fixed, inspected or oanmäld) with the placements, all or nothing. */
  'plan.acceptProposal': write<{ inserted: number; replaced: number; kept: number }>()(
    z.strictObject({
      cycleId: id,
      placements: z.array(placementInput).max(5000, { error: 'Förslaget har för många placeringar (högst 5000).' }),
    }),
  ),
  'coverage.get': read<CoverageView>()(z.strictObject({ cycleId: id, today: isoDate('Dagens datum').optional() })),
};
