// Contract for självskattning: the yearly templates of statements in the five areas, the units'
// answers (score 1–10 or "ej tillämplig"), progress, and the results (per unit and area, per
// statement, per year). Statistics never count an unanswered statement or "ej tillämplig" as 0;
// how they are computed: db/domain/selfAssessmentStats.ts. Actions from a low-scoring statement are
// made with actions.create (source 'sjalvskattning', linked to statementId + selfAssessmentYear).
import { z } from 'zod';
import {
  REGI,
  SELF_ASSESSMENT_ANSWER_SOURCES,
  SELF_ASSESSMENT_AREAS,
  SELF_ASSESSMENT_MAX_SCORE,
  SELF_ASSESSMENT_MIN_SCORE,
  UNIT_TYPES,
  type Regi,
  type SelfAssessmentAnswerSource,
  type SelfAssessmentArea,
  type UnitType,
} from '../domain/codes.ts';
import type { ScoreSummary } from '../domain/selfAssessmentStats.ts';
import { read, write } from './define.ts';
import { enumOf, id, optionalText, requiredText, uploadedFile, type DownloadFile } from './fields.ts';

// The import's preview (built in db/io/selfAssessmentImport.ts): what the dialog shows before anything is written.
export interface AnswerImportIssue {
  fileName: string;
  /** The row as Excel shows it (header = 1); null for a problem with the whole file. */
  rowNumber: number | null;
  column: string;
  message: string;
}

export interface AnswerImportFile {
  fileName: string;
  /** 'formular': a form made by the app (matched by its hidden ids); 'lista': the long format. */
  kind: 'formular' | 'lista';
  rowCount: number;
}

export interface AnswerImportUnit {
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  /** Scores and "ej tillämplig" in the files. */
  answered: number;
  notApplicable: number;
  /** Answers the unit already has for the year's statements; all are replaced by the files'. */
  replaces: number;
}

export interface AnswerImportPreview {
  year: number | null;
  files: AnswerImportFile[];
  units: AnswerImportUnit[];
  /**
   * When the year has no template: the statements the import would create it from (in the
   * files' order). Created only when the user confirms (createTemplate).
   */
  newTemplate: { statements: { area: SelfAssessmentArea; areaName: string; text: string }[] } | null;
  /** Rows with a score, "ej tillämplig" or a comment, to be written. */
  answerCount: number;
  issues: AnswerImportIssue[];
  canCommit: boolean;
}

export type { ScoreSummary } from '../domain/selfAssessmentStats.ts';

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

/** One statement as asked in one year's template. */
export interface TemplateStatementRow {
  /** The year's version (answers and forms refer to this id). */
  id: string;
  /** The statement's identity across years (trends and actions refer to this id). */
  statementId: string;
  year: number;
  area: SelfAssessmentArea;
  /** Order within the area, from 0. */
  position: number;
  text: string;
  isNew: boolean;
  archived: boolean;
  /** The wording in the nearest earlier year that asked it, when that differs; else null. */
  previousText: string | null;
  /** Answers given to it (with a score, "ej tillämplig" or only a comment). */
  answerCount: number;
}

export interface TemplateAreaView {
  area: SelfAssessmentArea;
  name: string;
  definition: string;
  /** In position order; archived ones last. */
  statements: TemplateStatementRow[];
}

export interface TemplateView {
  templateId: string;
  year: number;
  copiedFromYear: number | null;
  /** Always the five areas, in the fixed order. */
  areas: TemplateAreaView[];
  /** Statements asked (not archived). */
  statementCount: number;
  answerCount: number;
}

export interface TemplateYearRow {
  year: number;
  templateId: string;
  copiedFromYear: number | null;
  statementCount: number;
  /** Units with at least one answer that year. */
  respondingUnitCount: number;
  answerCount: number;
}

export interface UnitRef {
  unitId: string;
  unitName: string;
  operatingAreaId: string;
  operatingAreaName: string;
  unitType: UnitType;
  regi: Regi;
}

/** A statement as asked in one year: its version id, identity, area, place, wording and "ny" mark. */
export interface AskedStatement {
  templateStatementId: string;
  statementId: string;
  area: SelfAssessmentArea;
  position: number;
  text: string;
  isNew: boolean;
}

/** A statement of the year with one unit's answer (null fields when unanswered). */
export interface UnitAnswerRow extends AskedStatement {
  score: number | null;
  notApplicable: boolean;
  comment: string;
  source: SelfAssessmentAnswerSource | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface UnitAnswers {
  unit: UnitRef;
  year: number;
  /** Statements asked that year (not archived), area order then position. */
  rows: UnitAnswerRow[];
  /** Statements with a score or "ej tillämplig". */
  answered: number;
  total: number;
}

export interface UnitProgressRow extends UnitRef {
  /** Statements with a score or "ej tillämplig". */
  answered: number;
  notApplicable: number;
  total: number;
  /** Newest change to the unit's answers that year. */
  lastAnsweredAt: string | null;
}

export interface ProgressView {
  year: number;
  statementCount: number;
  /** Units in scope (see selfAssessment.progress), Swedish name order. */
  units: UnitProgressRow[];
  /** The units with nothing answered. */
  notAnswered: UnitRef[];
  completeCount: number;
}

/** One unit's results in one area. */
export interface UnitAreaResult extends ScoreSummary {
  unitId: string;
  area: SelfAssessmentArea;
}

export interface AreaRef {
  area: SelfAssessmentArea;
  name: string;
  definition: string;
}

/**
 * Results of one year: per unit and area (`cells`, also the heatmap's data: one cell per unit ×
 * area, mean null when nothing was scored) and per area over all filtered units (`areaTotals`,
 * every score pooled).
 */
export interface ResultsView {
  year: number;
  areas: AreaRef[];
  units: UnitRef[];
  cells: UnitAreaResult[];
  areaTotals: (ScoreSummary & { area: SelfAssessmentArea })[];
}

export interface RadarAreaPoint {
  area: SelfAssessmentArea;
  name: string;
  /** The unit's mean in the area. */
  unit: number | null;
  /** Mean of the area means of the units of the same verksamhetstyp (each unit counts once). */
  unitTypeAverage: number | null;
  /** Mean of the area means of all units (each unit counts once). */
  allUnitsAverage: number | null;
}

export interface RadarView {
  year: number;
  unit: UnitRef;
  /** Units with a mean in at least one area, of the unit's type and in all. */
  unitTypeUnitCount: number;
  allUnitCount: number;
  areas: RadarAreaPoint[];
}

export interface TrendPoint extends ScoreSummary {
  year: number;
}

export interface TrendsView {
  years: number[];
  /** Per area, one point per year (every score of the filtered units pooled; or one unit's). */
  areas: (AreaRef & { points: TrendPoint[] })[];
}

/** One statement's results across the filtered units in one year. */
export interface StatementResult extends ScoreSummary, AskedStatement {
  /** How many units gave each score: index 0 is score 1, index 9 is score 10. */
  distribution: number[];
}

export interface StatementRanking {
  year: number;
  /** Lowest mean first (gemensamma utvecklingsområden). */
  lowest: StatementResult[];
  /** Highest mean first (det som ska upprätthållas). */
  highest: StatementResult[];
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

export const selfAssessmentYear = z
  .number({ error: 'År måste vara ett heltal.' })
  .int({ error: 'År måste vara ett heltal.' })
  .min(2000, { error: 'År ska vara mellan 2000 och 2100.' })
  .max(2100, { error: 'År ska vara mellan 2000 och 2100.' });

const areaField = enumOf(SELF_ASSESSMENT_AREAS, 'område');
const statementText = requiredText('Påstående', 1000);

/** Which units results cover; every filter left out means all. */
export const selfAssessmentFilters = z.strictObject({
  operatingAreaId: id.optional(),
  unitType: enumOf(UNIT_TYPES, 'verksamhetstyp').optional(),
  regi: enumOf(REGI, 'regi').optional(),
});
export type SelfAssessmentFilters = z.infer<typeof selfAssessmentFilters>;

export const scoreField = z
  .number({ error: 'Poäng måste vara ett heltal 1–10.' })
  .int({ error: 'Poäng måste vara ett heltal 1–10.' })
  .min(SELF_ASSESSMENT_MIN_SCORE, { error: 'Poäng måste vara ett heltal 1–10.' })
  .max(SELF_ASSESSMENT_MAX_SCORE, { error: 'Poäng måste vara ett heltal 1–10.' });

/**
 * One cell of a unit's answers: a score, or "ej tillämplig", or neither (clears the answer;
 * a comment alone is kept). `comment` left out keeps the stored comment.
 */
export const answerCellInput = z
  .strictObject({
    templateStatementId: id,
    score: scoreField.nullable(),
    notApplicable: z.boolean({ error: 'Ej tillämplig måste vara ja eller nej.' }).default(false),
    comment: optionalText('Kommentar', 2000).optional(),
  })
  .refine((cell) => !(cell.notApplicable && cell.score !== null), {
    error: 'Ange antingen poäng eller ej tillämplig, inte båda.',
    path: ['score'],
  });
export type AnswerCellInput = z.infer<typeof answerCellInput>;

export const saveAnswersInput = z.strictObject({
  unitId: id,
  year: selfAssessmentYear,
  source: enumOf(SELF_ASSESSMENT_ANSWER_SOURCES, 'källa').default('direkt'),
  cells: z.array(answerCellInput).min(1, { error: 'Inga svar att spara.' }).max(2000, { error: 'Högst 2000 svar åt gången.' }),
});

export interface SaveAnswersResult {
  /** Cells stored with a score, "ej tillämplig" or a comment. */
  saved: number;
  /** Cells cleared (no score, no "ej tillämplig", no comment). */
  cleared: number;
  answers: UnitAnswers;
}

/**
 * Returned forms and long-format files (År, Enhet, Område, Påstående, Poäng, Kommentar), many at
 * once. `year`: the year imported for (rows and forms of another year are refused); left out, the
 * files' year. `createTemplate`: the user confirmed creating a missing template from the files.
 */
export const answerImportInput = z.strictObject({
  files: z.array(uploadedFile).min(1, { error: 'Välj minst en fil.' }).max(400, { error: 'Högst 400 filer åt gången.' }),
  year: selfAssessmentYear.optional(),
  createTemplate: z.boolean().default(false),
});

export interface AnswerImportResult {
  year: number;
  units: number;
  answers: number;
  /** Statements of a template created by the import (0 when the year had one). */
  createdStatements: number;
}

// ---------------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------------

export const selfAssessmentContract = {
  /** Years with a template, newest first. */
  'selfAssessment.years': read<TemplateYearRow[]>()(z.strictObject({})),
  /** One year's template with its five areas; not_found when the year has none. */
  'selfAssessment.template': read<TemplateView>()(
    z.strictObject({ year: selfAssessmentYear, includeArchived: z.boolean().default(true) }),
  ),
  /**
   * Starts a year's template as a copy of the nearest earlier year's (or of `fromYear`): every
   * statement not archived there, same identity, area, order and wording, "ny" cleared. Empty
   * when no earlier year exists. Refused when the year already has one.
   */
  'selfAssessment.createTemplate': write<TemplateView>()(
    z.strictObject({ year: selfAssessmentYear, fromYear: selfAssessmentYear.nullable().optional() }),
  ),
  /** A new statement (new identity, marked "ny") at the end of an area, or at `position`. */
  'selfAssessment.addStatement': write<TemplateStatementRow>()(
    z.strictObject({
      year: selfAssessmentYear,
      area: areaField,
      text: statementText,
      position: z.number().int().min(0).optional(),
      isNew: z.boolean().default(true),
    }),
  ),
  /**
   * Polishes the wording (identity kept, so trends stay comparable) and/or sets "ny". The
   * wording of a statement that already has answers that year is refused: those answers were
   * given to the old wording (change it in next year's template instead).
   */
  'selfAssessment.updateStatement': write<TemplateStatementRow>()(
    z.strictObject({
      id,
      patch: z.strictObject({ text: statementText, isNew: z.boolean() }).partial(),
    }),
  ),
  /**
   * Moves a statement to `position` within `area` (its own area when left out); both areas are
   * renumbered. Moving an answered statement to another area is refused (it would move answers
   * between areas' results).
   */
  'selfAssessment.moveStatement': write<TemplateStatementRow>()(
    z.strictObject({ id, area: areaField.optional(), position: z.number().int().min(0) }),
  ),
  /** Archives (no longer asked; answers kept but not counted) or restores a statement. */
  'selfAssessment.setStatementArchived': write<TemplateStatementRow>()(z.strictObject({ id, archived: z.boolean() })),
  /** Deletes a statement from a year's template; refused when it has answers or actions (archive it instead). */
  'selfAssessment.deleteStatement': write<{ deleted: true }>()(z.strictObject({ id })),
  /** One unit's answers for a year: every statement asked, answered or not. */
  'selfAssessment.answersForUnit': read<UnitAnswers>()(z.strictObject({ unitId: id, year: selfAssessmentYear })),
  /**
   * Saves one or many cells of one unit's answers (the grid, a paste from Excel). All or
   * nothing: every cell is checked (statement of that year and asked, whole score 1–10 or
   * "ej tillämplig", no statement twice) before anything is written.
   */
  'selfAssessment.saveAnswers': write<SaveAnswersResult>()(saveAnswersInput),
  /**
   * Answered / total per unit for a year. Units in scope: not archived and active some day of the
   * year, plus any unit that has answers that year; narrowed by the filters.
   */
  'selfAssessment.progress': read<ProgressView>()(z.strictObject({ year: selfAssessmentYear, filters: selfAssessmentFilters.default({}) })),
  /** Per unit and area, and per area over the units (the heatmap's data). */
  'selfAssessment.results': read<ResultsView>()(z.strictObject({ year: selfAssessmentYear, filters: selfAssessmentFilters.default({}) })),
  /** One unit against its verksamhetstyp's average and all units', per area. */
  'selfAssessment.radar': read<RadarView>()(z.strictObject({ year: selfAssessmentYear, unitId: id })),
  /** Per area and year, over the filtered units or one unit. */
  'selfAssessment.trends': read<TrendsView>()(
    z.strictObject({
      fromYear: selfAssessmentYear.optional(),
      toYear: selfAssessmentYear.optional(),
      unitId: id.optional(),
      filters: selfAssessmentFilters.default({}),
    }),
  ),
  /** Every statement of the year with its score distribution and spread across the filtered units. */
  'selfAssessment.statementResults': read<StatementResult[]>()(
    z.strictObject({ year: selfAssessmentYear, filters: selfAssessmentFilters.default({}) }),
  ),
  /** The statements with the lowest and the highest means (only statements with at least one score). */
  'selfAssessment.statementRanking': read<StatementRanking>()(
    z.strictObject({
      year: selfAssessmentYear,
      filters: selfAssessmentFilters.default({}),
      limit: z.number().int().min(1).max(50).default(5),
    }),
  ),
  /**
   * The answer forms for the chosen units: one .xlsx (one unit) or a .zip of them. Each is
   * prefilled with the unit's current answers and carries hidden ids so it comes back exactly.
   */
  'selfAssessment.exportForms': read<DownloadFile>()(
    z.strictObject({ year: selfAssessmentYear, unitIds: z.array(id).min(1, { error: 'Välj minst en enhet.' }).max(2000) }),
  ),
  /** The year's sammanställning (response rate, areas, units, development areas, strengths, change since last year) as PDF. */
  'selfAssessment.reportPdf': read<DownloadFile>()(z.strictObject({ year: selfAssessmentYear })),
  /** The same sammanställning as a Word file. */
  'selfAssessment.reportDocx': read<DownloadFile>()(z.strictObject({ year: selfAssessmentYear })),
  /** Reads the files and lists every problem by file, row and column; writes nothing. */
  'selfAssessment.importPreview': read<AnswerImportPreview>()(answerImportInput),
  /**
   * Imports the files all or nothing (refused with every problem listed unless the whole set is
   * valid), in one transaction: each unit's answers for the year are replaced by the files'.
   */
  'selfAssessment.importCommit': write<AnswerImportResult>()(answerImportInput),
};
