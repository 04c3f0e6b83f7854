// Contract for planning tillsyn: the kvalitetskrav catalogue (versioned), the inspectors
// (tillsynshandläggare), three-year cycles, the plan with its proposal, and cycle coverage.
import { z } from 'zod';
import { method } from './define.ts';
import { id, noInput, optionalText, requiredText } from './fields.ts';

/** A kvalitetskrav with its current (highest) version. */
export interface RequirementRow {
  id: string;
  code: string;
  theme: string;
  sortOrder: number;
  archivedAt: string | null;
  /** The current version: what a new assessment refers to. */
  versionId: string;
  version: number;
  title: string;
  description: string;
  deadlineDays: number | null;
  validFrom: string;
  /** Assessments referring to any version of the requirement. */
  assessmentCount: number;
  /** True when the current version is referred to: editing its wording then creates a new version. */
  currentVersionInUse: boolean;
}

export interface RequirementVersionRow {
  id: string;
  requirementId: string;
  version: number;
  title: string;
  description: string;
  deadlineDays: number | null;
  validFrom: string;
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

const deadlineDays = z
  .number({ error: 'Tidsgräns måste vara ett antal dagar.' })
  .int({ error: 'Tidsgräns måste vara ett helt antal dagar.' })
  .min(1, { error: 'Tidsgräns måste vara minst 1 dag.' })
  .max(3650, { error: 'Tidsgräns får vara högst 3650 dagar.' })
  .nullable();

const sortOrder = z
  .number({ error: 'Ordning måste vara ett tal.' })
  .int({ error: 'Ordning måste vara ett heltal.' })
  .min(0, { error: 'Ordning kan inte vara negativ.' })
  .max(100_000, { error: 'Ordning får vara högst 100000.' });

const requirementFields = {
  code: requiredText('Kod', 20),
  theme: requiredText('Tema', 120),
  sortOrder,
  title: requiredText('Rubrik', 200),
  description: optionalText('Beskrivning', 4000),
  deadlineDays,
};

export const requirementInput = z.strictObject({
  ...requirementFields,
  sortOrder: sortOrder.optional(),
  description: requirementFields.description.default(''),
  deadlineDays: deadlineDays.default(null),
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

const listInput = z.strictObject({ includeArchived: z.boolean().default(false) });

export const tillsynPlanningContract = {
  'requirements.list': method<RequirementRow[]>()(listInput),
  'requirements.versions': method<RequirementVersionRow[]>()(z.strictObject({ id })),
  'requirements.create': method<RequirementRow>()(requirementInput),
  /** Changing the wording of a version in use creates a new version valid from today. */
  'requirements.update': method<RequirementRow>()(z.strictObject({ id, patch: requirementPatch })),
  'requirements.delete': method<{ deleted: true }>()(z.strictObject({ id })),
  'requirements.setArchived': method<RequirementRow>()(z.strictObject({ id, archived: z.boolean() })),
  'requirements.loadDefaultCatalogue': method<{ inserted: number }>()(noInput),
  'inspectors.list': method<InspectorRow[]>()(listInput),
  'inspectors.create': method<InspectorRow>()(inspectorInput),
  'inspectors.update': method<InspectorRow>()(z.strictObject({ id, patch: inspectorPatch })),
  'inspectors.delete': method<{ deleted: true }>()(z.strictObject({ id })),
  'inspectors.setArchived': method<InspectorRow>()(z.strictObject({ id, archived: z.boolean() })),
};
