// CHECK constraints name bare columns: drizzle qualifies them with the table name, which breaks
// drizzle-kit table rebuilds (the __new_ table cannot see "plan_entries"."tertial").
// Tillsyn: quality requirements (versioned), three-year cycles, the plan, inspections and
// their assessments. Required actions (åtgärdskrav) live in the action register (actions.ts).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { units } from './organisation.ts';
import { ASSESSMENT_RESULTS, INSPECTION_ORIGINS, INSPECTION_STATUSES, INSPECTION_TYPES, LEGAL_BASES, UNIT_TYPES } from '../domain/codes.ts';

export {
  ACTION_STATUSES,
  ASSESSMENT_RESULTS,
  INSPECTION_ORIGINS,
  INSPECTION_STATUSES,
  INSPECTION_TYPES,
  type ActionStatus,
  type AssessmentResult,
  type InspectionType,
} from '../domain/codes.ts';

export const inspectors = sqliteTable(
  'inspectors',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** foldName(name), filled by the app; NULL only on a name kept as a duplicate by migration 0002. */
    nameFolded: text('name_folded'),
    email: text('email').notNull().default(''),
    archivedAt: text('archived_at'),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('inspectors_name_folded_unique').on(t.nameFolded)],
);

/** A kvalitetskrav. Its wording lives in versions, so editing it never rewrites past inspections. */
export const qualityRequirements = sqliteTable(
  'quality_requirements',
  {
    id: idColumn(),
    code: text('code').notNull(),
    /** foldName(code), filled by the app; NULL only on a code kept as a duplicate by migration 0002. */
    codeFolded: text('code_folded'),
    theme: text('theme').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: text('archived_at'),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('quality_requirements_code_folded_unique').on(t.codeFolded)],
);

export const qualityRequirementVersions = sqliteTable(
  'quality_requirement_versions',
  {
    id: idColumn(),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => qualityRequirements.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Dignity/service guarantee deadline in days (e.g. genomförandeplan within 14 days), if any. */
    deadlineDays: integer('deadline_days'),
    /**
     * Judged at the beställare, not at a utförare's unit (e.g. the time from application to
     * decision, V03–V06): never preselected for a unit's inspection.
     */
    judgedAtCommissioner: integer('judged_at_commissioner', { mode: 'boolean' }).notNull().default(false),
    validFrom: text('valid_from').notNull(),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('quality_requirement_versions_unique').on(t.requirementId, t.version)],
);

/** One law or föreskrift a requirement version rests on (one row per basis). */
export const qualityRequirementLegalBases = sqliteTable(
  'quality_requirement_legal_bases',
  {
    id: idColumn(),
    versionId: text('version_id')
      .notNull()
      .references(() => qualityRequirementVersions.id, { onDelete: 'cascade' }),
    legalBasis: text('legal_basis', { enum: LEGAL_BASES }).notNull(),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('quality_requirement_legal_bases_unique').on(t.versionId, t.legalBasis)],
);

/**
 * One verksamhetstyp a requirement version applies to (one row per type). A version with none
 * applies to every type, as every requirement did before applicability was recorded.
 */
export const qualityRequirementUnitTypes = sqliteTable(
  'quality_requirement_unit_types',
  {
    id: idColumn(),
    versionId: text('version_id')
      .notNull()
      .references(() => qualityRequirementVersions.id, { onDelete: 'cascade' }),
    unitType: text('unit_type', { enum: UNIT_TYPES }).notNull(),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('quality_requirement_unit_types_unique').on(t.versionId, t.unitType)],
);

export const inspectionCycles = sqliteTable(
  'inspection_cycles',
  {
    id: idColumn(),
    startYear: integer('start_year').notNull(),
    name: text('name').notNull(),
    archivedAt: text('archived_at'),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('inspection_cycles_start_year_unique').on(t.startYear),
    check('inspection_cycles_year_range', sql`start_year BETWEEN 2000 AND 2100`),
  ],
);


/** A thematic inspection: one question or requirement examined across many units. */
export const inspectionThemes = sqliteTable(
  'inspection_themes',
  {
    id: idColumn(),
    title: text('title').notNull(),
    question: text('question').notNull().default(''),
    requirementId: text('requirement_id').references(() => qualityRequirements.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    archivedAt: text('archived_at'),
    ...stampColumns(),
  },
  (t) => [index('inspection_themes_requirement_idx').on(t.requirementId)],
);

/** One placement of a unit in a cycle's plan (year + tertial, optionally a month). */
export const planEntries = sqliteTable(
  'plan_entries',
  {
    id: idColumn(),
    cycleId: text('cycle_id')
      .notNull()
      .references(() => inspectionCycles.id, { onDelete: 'restrict' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    tertial: integer('tertial').notNull(),
    month: integer('month'),
    inspectionType: text('inspection_type', { enum: INSPECTION_TYPES }).notNull().default('ordinarie'),
    announced: integer('announced', { mode: 'boolean' }).notNull().default(true),
    /** Placed by the user: the plan proposal keeps it where it is. */
    fixed: integer('fixed', { mode: 'boolean' }).notNull().default(false),
    themeId: text('theme_id').references(() => inspectionThemes.id, { onDelete: 'restrict' }),
    notes: text('notes').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('plan_entries_one_ordinary_per_cycle')
      .on(t.cycleId, t.unitId)
      .where(sql`inspection_type = 'ordinarie'`),
    // The unique index above is partial: a plain `cycle_id = ?` cannot use it.
    index('plan_entries_cycle_idx').on(t.cycleId, t.year, t.tertial),
    index('plan_entries_unit_idx').on(t.unitId),
    index('plan_entries_theme_idx').on(t.themeId),
    check('plan_entries_tertial', sql`tertial BETWEEN 1 AND 3`),
    check('plan_entries_month', sql`month IS NULL OR month BETWEEN 1 AND 12`),
  ],
);

export const planEntryInspectors = sqliteTable(
  'plan_entry_inspectors',
  {
    id: idColumn(),
    planEntryId: text('plan_entry_id')
      .notNull()
      .references(() => planEntries.id, { onDelete: 'cascade' }),
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id, { onDelete: 'restrict' }),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('plan_entry_inspectors_unique').on(t.planEntryId, t.inspectorId),
    index('plan_entry_inspectors_inspector_idx').on(t.inspectorId),
  ],
);


export const inspections = sqliteTable(
  'inspections',
  {
    id: idColumn(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    planEntryId: text('plan_entry_id').references(() => planEntries.id, { onDelete: 'restrict' }),
    themeId: text('theme_id').references(() => inspectionThemes.id, { onDelete: 'restrict' }),
    inspectionType: text('inspection_type', { enum: INSPECTION_TYPES }).notNull().default('ordinarie'),
    /** 'ivo' records an inspection initiated by the national inspectorate, for the tillsynsberättelse. */
    origin: text('origin', { enum: INSPECTION_ORIGINS }).notNull().default('egen'),
    announced: integer('announced', { mode: 'boolean' }).notNull().default(true),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    participants: text('participants').notNull().default(''),
    methodInterview: integer('method_interview', { mode: 'boolean' }).notNull().default(false),
    methodObservation: integer('method_observation', { mode: 'boolean' }).notNull().default(false),
    methodDocumentReview: integer('method_document_review', { mode: 'boolean' }).notNull().default(false),
    methodRecordReview: integer('method_record_review', { mode: 'boolean' }).notNull().default(false),
    summary: text('summary').notNull().default(''),
    status: text('status', { enum: INSPECTION_STATUSES }).notNull().default('pagaende'),
    closedAt: text('closed_at'),
    /** Why the inspection was closed although actions remain open, when that is the case. */
    closeNote: text('close_note').notNull().default(''),
    /** Why it was last reopened after being closed; every reason stays in the audit trail. */
    reopenReason: text('reopen_reason').notNull().default(''),
    reportSentProviderAt: text('report_sent_provider_at'),
    reportSentCommissionerAt: text('report_sent_commissioner_at'),
    /** An IVO case (origin 'ivo'): IVO's decision, its diarienummer and when the answer was sent. IVO's requirements are actions with source 'ivo'. */
    ivoDecisionDate: text('ivo_decision_date'),
    ivoCaseNumber: text('ivo_case_number').notNull().default(''),
    ivoAnswerSentAt: text('ivo_answer_sent_at'),
    ...stampColumns(),
  },
  (t) => [
    index('inspections_unit_idx').on(t.unitId, t.startDate),
    index('inspections_start_idx').on(t.startDate),
    // The plan's latest inspection per entry (ORDER BY start_date DESC LIMIT 1) is one index seek.
    index('inspections_plan_entry_idx').on(t.planEntryId, t.startDate),
    index('inspections_theme_idx').on(t.themeId),
    check('inspections_dates', sql`end_date IS NULL OR end_date >= start_date`),
  ],
);

export const inspectionInspectors = sqliteTable(
  'inspection_inspectors',
  {
    id: idColumn(),
    inspectionId: text('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id, { onDelete: 'restrict' }),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('inspection_inspectors_unique').on(t.inspectionId, t.inspectorId),
    index('inspection_inspectors_inspector_idx').on(t.inspectorId),
  ],
);


/** One requirement assessed in one inspection, pinned to the requirement version in force. */
export const assessments = sqliteTable(
  'assessments',
  {
    id: idColumn(),
    inspectionId: text('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'restrict' }),
    requirementVersionId: text('requirement_version_id')
      .notNull()
      .references(() => qualityRequirementVersions.id, { onDelete: 'restrict' }),
    result: text('result', { enum: ASSESSMENT_RESULTS }).notNull().default('ej_bedomt'),
    observation: text('observation').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('assessments_unique').on(t.inspectionId, t.requirementVersionId),
    index('assessments_requirement_version_idx').on(t.requirementVersionId),
    // How many of an inspection's assessments are recorded (coverage, plan, lists) read from the
    // index alone, not from the rows with their observation text (issue 19).
    index('assessments_inspection_result_idx').on(t.inspectionId, t.result),
  ],
);
