// Contract for carrying out tillsyn: inspection records, assessments per kvalitetskrav, reports
// (tillsynsrapport, tillsynsberättelse) and thematic inspections. Required actions are in the
// action register (actions.contract.ts) with source 'tillsyn'.
import { z } from 'zod';
import {
  ASSESSMENT_RESULTS,
  INSPECTION_ORIGINS,
  INSPECTION_STATUSES,
  INSPECTION_TYPES,
  type ActionStatus,
  type AssessmentResult,
  type InspectionOrigin,
  type InspectionStatus,
  type InspectionType,
  type FeedbackType,
  type LexCategory,
  type LexSeverity,
  type LexStatus,
  type LexType,
  type Regi,
  type UnitType,
} from '../domain/codes.ts';
import { read, write } from './define.ts';
import type { InspectionProgress } from '../domain/coverage.ts';
import type { Tertial } from '../shared/period.ts';
import type { ActionRow } from './actions.contract.ts';
import type { PlanEntryRow } from './tillsynPlanning.contract.ts';
import { enumOf, id, isoDate, optionalText, requiredText, type DownloadFile } from './fields.ts';

export interface InspectorRef {
  id: string;
  name: string;
}

export interface InspectionListRow {
  id: string;
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  provider: string;
  inspectionType: InspectionType;
  origin: InspectionOrigin;
  announced: boolean;
  startDate: string;
  endDate: string | null;
  status: InspectionStatus;
  themeId: string | null;
  themeTitle: string | null;
  inspectors: InspectorRef[];
  requirementCount: number;
  assessedCount: number;
  /** Assessments judged delvis or ej uppfyllt. */
  shortfallCount: number;
  /** How far it has come (db/domain/coverage.ts inspectionProgress): the plan and Täckning use the same rule. */
  progress: InspectionProgress;
  /** Required actions not yet closed ('stangd'). */
  openActionCount: number;
  overdueActionCount: number;
  updatedAt: string;
}

export interface AssessmentRow {
  id: string;
  inspectionId: string;
  requirementId: string;
  requirementVersionId: string;
  /** The requirement version this assessment was made against (never rewritten by later edits). */
  version: number;
  code: string;
  theme: string;
  title: string;
  description: string;
  result: AssessmentResult;
  observation: string;
  updatedAt: string;
}

export interface InspectionDetail extends InspectionListRow {
  planEntryId: string | null;
  /** Where the linked plan entry is placed. */
  planEntry: { year: number; tertial: Tertial } | null;
  unitType: UnitType;
  regi: Regi;
  unitManager: string;
  participants: string;
  methodInterview: boolean;
  methodObservation: boolean;
  methodDocumentReview: boolean;
  methodRecordReview: boolean;
  summary: string;
  closedAt: string | null;
  closeNote: string;
  /** Why it was last reopened ('' if never); each reason is kept in the audit trail. */
  reopenReason: string;
  reportSentProviderAt: string | null;
  reportSentCommissionerAt: string | null;
  /** An IVO case (origin 'ivo'): IVO's decision date, diarienummer and when the answer was sent. */
  ivoDecisionDate: string | null;
  ivoCaseNumber: string;
  ivoAnswerSentAt: string | null;
  assessments: AssessmentRow[];
  /** The inspection's actions in the register (source 'tillsyn'; for an IVO case also IVO's requirements, source 'ivo'). */
  actions: ActionRow[];
}

export interface PlanLinkView {
  /** The entry a new inspection of this kind is linked to. */
  entry: PlanEntryRow | null;
  /** The unit's open ordinary entry in the cycle, when the chosen kind is another (it stays open). */
  ordinaryEntry: PlanEntryRow | null;
}

export interface AssessmentUpdateResult {
  assessment: AssessmentRow;
  /** The required action created because the result fell short, if one was created. */
  createdAction: ActionRow | null;
  /** Untouched auto-created actions removed because the result no longer falls short. */
  removedActionIds: string[];
  /** The inspection's progress after the change (the coverage rule: every assessment recorded is Genomförd). */
  inspectionProgress: InspectionProgress;
}

const inspectionFields = {
  inspectionType: enumOf(INSPECTION_TYPES, 'typ av tillsyn'),
  origin: enumOf(INSPECTION_ORIGINS, 'initiativ'),
  announced: z.boolean({ error: 'Anmäld måste vara ja eller nej.' }),
  startDate: isoDate('Startdatum'),
  endDate: isoDate('Slutdatum').nullable(),
  themeId: id.nullable(),
};

export const inspectionCreateInput = z.strictObject({
  unitId: id,
  /** The plan entry to link to; when left out, the unit's open entry of the same kind (db/queries/planLink.ts). */
  planEntryId: id.nullable().default(null),
  themeId: inspectionFields.themeId.default(null),
  inspectionType: inspectionFields.inspectionType.default('ordinarie'),
  origin: inspectionFields.origin.default('egen'),
  announced: inspectionFields.announced.default(true),
  startDate: inspectionFields.startDate,
  endDate: inspectionFields.endDate.default(null),
  inspectorIds: z.array(id).max(20).default([]),
  /** Exact requirement versions to assess, or requirements whose version in force is pinned. */
  requirementVersionIds: z.array(id).max(200).default([]),
  requirementIds: z.array(id).max(200).default([]),
});

export const inspectionPatch = z
  .strictObject({
    ...inspectionFields,
    participants: optionalText('Deltagare', 2000),
    methodInterview: z.boolean(),
    methodObservation: z.boolean(),
    methodDocumentReview: z.boolean(),
    methodRecordReview: z.boolean(),
    summary: optionalText('Sammanfattning', 20000),
    reportSentProviderAt: isoDate('Rapport skickad till utförare').nullable(),
    reportSentCommissionerAt: isoDate('Rapport skickad till beställare').nullable(),
    ivoDecisionDate: isoDate('IVO:s beslutsdatum').nullable(),
    ivoCaseNumber: optionalText('Diarienummer', 60),
    ivoAnswerSentAt: isoDate('Svar skickat till IVO').nullable(),
    inspectorIds: z.array(id).max(20),
  })
  .partial();

export const assessmentPatch = z
  .strictObject({
    result: enumOf(ASSESSMENT_RESULTS, 'bedömning'),
    observation: optionalText('Iakttagelse', 10000),
  })
  .partial();

export interface ResultCounts {
  uppfyllt: number;
  delvis_uppfyllt: number;
  ej_uppfyllt: number;
  ej_bedomt: number;
}

/** The data of one tillsynsrapport; the PDF and the .docx are both drawn from it. */
/**
 * One IVO case of a year (an inspection initiated by IVO) with its requirements in the action
 * register: what the tillsynsberättelse and lists count as IVO.
 */
export interface IvoCaseRow {
  inspectionId: string;
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  startDate: string;
  status: InspectionStatus;
  decisionDate: string | null;
  caseNumber: string;
  answerSentAt: string | null;
  /** IVO's requirements (actions with source 'ivo'), and those not yet closed. */
  requirementCount: number;
  openRequirementCount: number;
  /** The earliest answer-due date (deadline) among the requirements not yet closed. */
  nextAnswerDue: string | null;
  summary: string;
}

export interface InspectionReportData {
  inspection: InspectionDetail;
  /** Municipality-facing heading lines, e.g. "Tillsynsrapport", unit, date. */
  title: string;
  resultCounts: ResultCounts;
}

/** The year's lex Sarah and lex Maria cases in counts (no person data, no summaries). */
export interface AnnualLexCases {
  total: number;
  ivoReported: number;
  byType: { lexType: LexType; count: number; ivoReported: number }[];
  byCategory: { category: LexCategory; lexSarah: number; lexMaria: number }[];
  bySeverity: { severity: LexSeverity; count: number }[];
  byStatus: { status: LexStatus; count: number }[];
  byArea: { operatingAreaName: string; lexSarah: number; lexMaria: number; ivoReported: number }[];
  byUnit: { unitName: string; operatingAreaName: string; lexSarah: number; lexMaria: number; ivoReported: number }[];
}

/** The year's synpunkter per type and verksamhetsområde, beside the previous year's. */
export interface AnnualFeedback {
  total: number;
  previousTotal: number;
  byType: { feedbackType: FeedbackType; count: number; previousCount: number }[];
  byArea: { operatingAreaName: string; counts: Record<FeedbackType, number>; total: number; previousTotal: number }[];
}

/** Egen regi beside private and non-profit utförare: the year's inspections, shortfalls and åtgärdskrav. */
export interface AnnualRegiRow {
  regi: Regi;
  inspections: number;
  shortfalls: number;
  actions: number;
  openActions: number;
}

export interface AnnualReportData {
  year: number;
  totals: { inspections: number; own: number; ivo: number; announced: number; unannounced: number };
  /** The tillsynsenhet's own inspections by type, and IVO's inspections as 'ivo' (never as ordinarie). */
  byType: { inspectionType: InspectionType | 'ivo'; count: number }[];
  byRegi: AnnualRegiRow[];
  lexCases: AnnualLexCases;
  feedback: AnnualFeedback;
  byArea: { operatingAreaName: string; own: number; ivo: number; announced: number; unannounced: number }[];
  byRequirement: ({ requirementId: string; code: string; title: string } & ResultCounts)[];
  resultTotals: ResultCounts;
  actions: { total: number; overdue: number; byStatus: { status: ActionStatus; count: number }[] };
  /** Inspections initiated by IVO, recorded for the tillsynsberättelse as external. */
  ivoInspections: { id: string; unitName: string; operatingAreaName: string; startDate: string; summary: string }[];
  inspections: {
    id: string;
    unitName: string;
    operatingAreaName: string;
    startDate: string;
    inspectionType: InspectionType;
    origin: InspectionOrigin;
    announced: boolean;
    status: InspectionStatus;
    shortfallCount: number;
  }[];
}

export interface ThemeRow {
  id: string;
  title: string;
  question: string;
  requirementId: string | null;
  requirementCode: string | null;
  requirementTitle: string | null;
  year: number;
  inspectionCount: number;
  updatedAt: string;
}

export interface ThemeComparison {
  theme: ThemeRow;
  rows: {
    inspectionId: string;
    unitId: string;
    unitName: string;
    operatingAreaName: string;
    startDate: string;
    /** The result for the theme's requirement, or null when the theme has no requirement or it was not assessed. */
    result: AssessmentResult | null;
    observation: string;
  }[];
  counts: ResultCounts;
}

const themeFields = {
  title: requiredText('Tema', 200),
  question: optionalText('Frågeställning', 4000),
  requirementId: id.nullable(),
  year: z.number({ error: 'År måste vara ett tal.' }).int({ error: 'År måste vara ett heltal.' }).min(2000, { error: 'Året måste vara 2000 eller senare.' }).max(2100, { error: 'Året måste vara 2100 eller tidigare.' }),
};

const reportYear = z.strictObject({ year: themeFields.year });

export const inspectionRecordContract = {
  'inspections.list': read<InspectionListRow[]>()(
    z.strictObject({
      unitId: id.optional(),
      year: themeFields.year.optional(),
      status: enumOf(INSPECTION_STATUSES, 'status').optional(),
      origin: inspectionFields.origin.optional(),
    }),
  ),
  'inspections.get': read<InspectionDetail>()(z.strictObject({ id })),
  'inspections.create': write<InspectionDetail>()(inspectionCreateInput),
  'inspections.update': write<InspectionDetail>()(z.strictObject({ id, patch: inspectionPatch })),
  'inspections.close': write<InspectionDetail>()(z.strictObject({ id, closeNote: optionalText('Skäl', 2000).optional() })),
  /** A closed inspection is read-only; reopening it needs a reason, kept in the audit trail. */
  'inspections.reopen': write<InspectionDetail>()(z.strictObject({ id, reason: requiredText('Skälet till att tillsynen öppnas igen', 2000) })),
  /** What Ny tillsyn will link the inspection to: the unit's open plan entry of that kind, and its open ordinary entry. */
  'inspections.planLink': read<PlanLinkView>()(
    z.strictObject({
      unitId: id,
      inspectionType: inspectionFields.inspectionType,
      origin: inspectionFields.origin,
      startDate: inspectionFields.startDate,
    }),
  ),
  'inspections.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'assessments.update': write<AssessmentUpdateResult>()(z.strictObject({ id, patch: assessmentPatch })),
};

export const inspectionReportContract = {
  'reports.inspection': read<InspectionReportData>()(z.strictObject({ inspectionId: id })),
  'reports.inspectionPdf': read<DownloadFile>()(z.strictObject({ inspectionId: id })),
  'reports.inspectionDocx': read<DownloadFile>()(z.strictObject({ inspectionId: id })),
  'reports.annual': read<AnnualReportData>()(reportYear),
  'reports.annualPdf': read<DownloadFile>()(reportYear),
  'reports.annualDocx': read<DownloadFile>()(reportYear),
};

export const inspectionThemeContract = {
  'themes.list': read<ThemeRow[]>()(z.strictObject({ year: themeFields.year.optional() })),
  'themes.create': write<ThemeRow>()(
    z.strictObject({ ...themeFields, question: themeFields.question.default(''), requirementId: themeFields.requirementId.default(null) }),
  ),
  'themes.update': write<ThemeRow>()(z.strictObject({ id, patch: z.strictObject(themeFields).partial() })),
  'themes.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'themes.comparison': read<ThemeComparison>()(z.strictObject({ themeId: id })),
};

export const tillsynInspectionContract = {
  ...inspectionRecordContract,
  ...inspectionReportContract,
  ...inspectionThemeContract,
};
