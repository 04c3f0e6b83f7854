// Självskattning answers in: returned forms (.xlsx made by selfAssessmentForms.ts, whose hidden
// columns carry the unit and statement ids) and long-format files (.xlsx or .csv with the columns
// År, Enhet, Område, Påstående, Poäng, Kommentar), many files at once. Every file goes through the
// hardened pipeline (importPipeline.ts: parse worker, zip-bomb and size limits); then every row is
// matched against the database and every problem is listed by file, row and column. The plan is
// written only when it has no problems at all (writeAnswerImport, in the caller's one transaction):
// each unit in the files gets exactly the answers of the files for the year (its earlier answers
// to that year's statements are replaced).
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { UploadedFile } from '../api/fields.ts';
import { SELF_ASSESSMENT_AREAS, SELF_ASSESSMENT_AREA_TEXTS, type SelfAssessmentAnswerSource, type SelfAssessmentArea } from '../domain/codes.ts';
import { foldName } from '../shared/names.ts';
import { parseScoreCell } from '../shared/selfAssessmentScore.ts';
import { swedishCompare } from '../shared/collation.ts';
import { findTemplate, type ReadDb } from '../queries/selfAssessment.ts';
import { checkedWhileUnchanged, previewImport, uploadKey, type ImportColumn } from './importPipeline.ts';
import type { AnswerImportFile, AnswerImportIssue, AnswerImportPreview, AnswerImportUnit } from '../api/selfAssessment.contract.ts';

/** The long format's columns, in this order in exported forms; the two ids are the form's hidden columns. */
export const ANSWER_COLUMNS = [
  { key: 'year', header: 'År' },
  { key: 'unit', header: 'Enhet' },
  { key: 'area', header: 'Område' },
  { key: 'statement', header: 'Påstående' },
  { key: 'score', header: 'Poäng' },
  { key: 'comment', header: 'Kommentar' },
  { key: 'unitId', header: 'Enhet-id', optional: true },
  { key: 'statementId', header: 'Påstående-id', optional: true },
] as const satisfies readonly ImportColumn<string>[];

type AnswerColumnKey = (typeof ANSWER_COLUMNS)[number]['key'];
type RawAnswerRow = Record<AnswerColumnKey, string>;

const COMMENT_MAX = 2000;
const header = (key: AnswerColumnKey) => ANSWER_COLUMNS.find((c) => c.key === key)!.header;

const rawRowSchema = z.strictObject(
  Object.fromEntries(ANSWER_COLUMNS.map((c) => [c.key, z.string()])) as Record<AnswerColumnKey, z.ZodString>,
) as unknown as z.ZodType<RawAnswerRow, RawAnswerRow>;

interface PlannedAnswer {
  unitId: string;
  /** An existing template statement, or the index into newTemplate.statements. */
  templateStatementId: string | null;
  newStatementIndex: number | null;
  score: number | null;
  notApplicable: boolean;
  comment: string;
  source: SelfAssessmentAnswerSource;
}

export interface AnswerImportPlan {
  preview: AnswerImportPreview;
  templateId: string | null;
  answers: PlannedAnswer[];
}

export interface AnswerImportOptions {
  /** The year the user imports for; rows and forms of another year are refused. Left out: the files' year. */
  year?: number | undefined;
  /** Confirmed: create the year's template from the files' statements when it has none. */
  createTemplate: boolean;
}

interface UnitRecord {
  id: string;
  name: string;
  operatingAreaName: string;
  archived: number;
}

interface StatementRecord {
  id: string;
  area: SelfAssessmentArea;
  text: string;
  archived: number;
}

const areaByName = new Map<string, SelfAssessmentArea>(
  SELF_ASSESSMENT_AREAS.flatMap((area) => [
    [foldName(SELF_ASSESSMENT_AREA_TEXTS[area].name), area] as const,
    [foldName(area), area] as const,
  ]),
);
const areaNames = SELF_ASSESSMENT_AREAS.map((a) => SELF_ASSESSMENT_AREA_TEXTS[a].name).join(', ');

interface ParsedFile {
  file: AnswerImportFile;
  rows: { rowNumber: number; values: RawAnswerRow }[];
}

async function parseFiles(files: readonly UploadedFile[], issues: AnswerImportIssue[]): Promise<ParsedFile[]> {
  const parsed: ParsedFile[] = [];
  const spec = { columns: [...ANSWER_COLUMNS], rowSchema: rawRowSchema };
  for (const upload of files) {
    try {
      const preview = await previewImport(upload, spec);
      for (const message of preview.fileIssues) issues.push({ fileName: upload.fileName, rowNumber: null, column: 'fil', message });
      const isForm = preview.rows.some((r) => r.values.statementId !== '');
      parsed.push({ file: { fileName: upload.fileName, kind: isForm ? 'formular' : 'lista', rowCount: preview.totalRows }, rows: preview.rows });
    } catch (error) {
      // A file the pipeline refuses (too large, a zip bomb, not a spreadsheet) is one problem of the set.
      if (!(error instanceof AppError)) throw error;
      issues.push({ fileName: upload.fileName, rowNumber: null, column: 'fil', message: error.message });
      parsed.push({ file: { fileName: upload.fileName, kind: 'lista', rowCount: 0 }, rows: [] });
    }
  }
  return parsed;
}

function importYear(files: readonly ParsedFile[], options: AnswerImportOptions): number | null {
  if (options.year !== undefined) return options.year;
  for (const { rows } of files) {
    for (const { values } of rows) {
      if (/^\d{4}$/.test(values.year)) return Number(values.year);
    }
  }
  return null;
}

/** Reads every file and matches every row; writes nothing. */
export async function planAnswerImport(db: ReadDb, files: readonly UploadedFile[], options: AnswerImportOptions): Promise<AnswerImportPlan> {
  // The same unit, area and statement names repeat on every row: fold each once (the Swedish lower-casing is the slow part).
  const folds = new Map<string, string>();
  const fold = (text: string): string => {
    let folded = folds.get(text);
    if (folded === undefined) folds.set(text, (folded = foldName(text)));
    return folded;
  };
  const statementKey = (area: SelfAssessmentArea, text: string) => `${area}|${fold(text)}`;
  const issues: AnswerImportIssue[] = [];
  const parsed = await parseFiles(files, issues);
  const year = importYear(parsed, options);
  const template = year === null ? undefined : findTemplate(db, year);
  const empty = (): AnswerImportPlan => ({
    preview: { year, files: parsed.map((p) => p.file), units: [], newTemplate: null, answerCount: 0, issues, canCommit: false },
    templateId: template?.id ?? null,
    answers: [],
  });
  if (year === null) {
    if (parsed.some((p) => p.rows.length > 0)) {
      issues.push({ fileName: parsed[0]!.file.fileName, rowNumber: null, column: header('year'), message: 'Ingen rad har ett giltigt år (fyra siffror, t.ex. 2026).' });
    }
    return empty();
  }

  const units = db.sqlite
    .prepare<[], UnitRecord>(
      `SELECT u.id, u.name, a.name AS operatingAreaName, u.archived_at IS NOT NULL AS archived
       FROM units u JOIN operating_areas a ON a.id = u.operating_area_id`,
    )
    .all();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const unitsByName = new Map<string, UnitRecord[]>();
  for (const unit of units) unitsByName.set(fold(unit.name), [...(unitsByName.get(fold(unit.name)) ?? []), unit]);

  const statements = template
    ? db.sqlite
        .prepare<[string], StatementRecord>(
          `SELECT id, area, text, archived_at IS NOT NULL AS archived FROM self_assessment_template_statements WHERE template_id = ?`,
        )
        .all(template.id)
    : [];
  const statementById = new Map(statements.map((s) => [s.id, s]));
  const statementByKey = new Map(statements.map((s) => [statementKey(s.area, s.text), s]));
  const areaOfText = new Map(statements.map((s) => [fold(s.text), s.area]));
  // Without a template, the files' statements (first appearance order) may become it.
  const newStatements: { area: SelfAssessmentArea; areaName: string; text: string }[] = [];
  const newStatementIndex = new Map<string, number>();

  const answers: PlannedAnswer[] = [];
  const seen = new Map<string, { fileName: string; rowNumber: number }>();
  const formUnit = new Map<string, string>();
  for (const { file, rows } of parsed) {
    const source: SelfAssessmentAnswerSource = file.kind === 'formular' ? 'formular' : 'import';
    for (const { rowNumber, values } of rows) {
      // A form's area headings (the area's definition) carry no statement id: not an answer.
      if (file.kind === 'formular' && values.statementId === '') continue;
      const problem = (key: AnswerColumnKey, message: string) => issues.push({ fileName: file.fileName, rowNumber, column: header(key), message });
      const before = issues.length;

      if (!/^\d{4}$/.test(values.year)) problem('year', values.year === '' ? 'År saknas.' : `”${values.year}” är inget år (fyra siffror, t.ex. ${year}).`);
      else if (Number(values.year) !== year) {
        problem(
          'year',
          file.kind === 'formular'
            ? `Formuläret gäller ${values.year}, inte ${year}. Ett formulär för ett annat år tas inte emot.`
            : `Raden gäller ${values.year}, men importen gäller ${year}. En import gäller ett år.`,
        );
      }

      let unit: UnitRecord | undefined;
      if (values.unitId !== '') {
        unit = unitById.get(values.unitId);
        if (!unit) problem('unit', `Formulärets enhet (”${values.unit}”) finns inte i registret.`);
        const first = formUnit.get(file.fileName);
        if (first === undefined) formUnit.set(file.fileName, values.unitId);
        else if (first !== values.unitId) {
          problem('unit', `Raden hör till en annan enhet (”${values.unit}”) än formuläret (”${unitById.get(first)?.name ?? first}”). Ett formulär gäller en enhet.`);
          unit = undefined;
        }
      } else if (values.unit === '') problem('unit', 'Enhet saknas.');
      else {
        const named = unitsByName.get(fold(values.unit)) ?? [];
        if (named.length === 0) problem('unit', `Okänd enhet: ”${values.unit}”. Skriv namnet som det står under Enheter.`);
        else if (named.length > 1) {
          problem('unit', `Det finns flera enheter som heter ”${values.unit}” (${named.map((u) => u.operatingAreaName).join(', ')}). Exportera formulär för dem i stället.`);
        } else unit = named[0];
      }
      if (unit && unit.archived === 1) {
        problem('unit', `Enheten ”${unit.name}” är arkiverad och tar inte emot svar.`);
        unit = undefined;
      }

      let statementId: string | null = null;
      let newIndex: number | null = null;
      if (values.statementId !== '') {
        const statement = statementById.get(values.statementId);
        if (!statement) problem('statement', `Påståendet hör inte till mallen för ${year}. Formuläret kan vara för ett annat år; exportera ett nytt.`);
        else if (statement.archived === 1) problem('statement', 'Påståendet är arkiverat och besvaras inte längre.');
        else statementId = statement.id;
      } else {
        const area = areaByName.get(fold(values.area));
        if (values.area === '') problem('area', 'Område saknas.');
        else if (!area) problem('area', `Okänt område: ”${values.area}”. Områdena är: ${areaNames}.`);
        if (values.statement === '') problem('statement', 'Påstående saknas.');
        else if (area) {
          const statement = statementByKey.get(statementKey(area, values.statement));
          const otherArea = areaOfText.get(fold(values.statement));
          if (statement?.archived === 1) problem('statement', 'Påståendet är arkiverat och besvaras inte längre.');
          else if (statement) statementId = statement.id;
          else if (template && otherArea) {
            problem('area', `Påståendet hör till området ${SELF_ASSESSMENT_AREA_TEXTS[otherArea].name} i mallen för ${year}, inte ${values.area}.`);
          } else if (template) problem('statement', `Okänt påstående i mallen för ${year}: ”${values.statement.slice(0, 80)}”. Skriv det som i mallen.`);
          else if (values.statement.length > 1000) problem('statement', 'Påståendet är för långt (högst 1000 tecken).');
          else {
            const key = statementKey(area, values.statement);
            newIndex = newStatementIndex.get(key) ?? null;
            if (newIndex === null) {
              newIndex = newStatements.length;
              newStatementIndex.set(key, newIndex);
              newStatements.push({ area, areaName: SELF_ASSESSMENT_AREA_TEXTS[area].name, text: values.statement.trim().replace(/\s+/g, ' ') });
            }
          }
        }
      }

      const score = parseScoreCell(values.score);
      if (!score.ok) problem('score', score.message);
      if (values.comment.length > COMMENT_MAX) problem('comment', `Kommentaren är för lång (högst ${COMMENT_MAX} tecken).`);

      if (unit && (statementId !== null || newIndex !== null)) {
        const key = `${unit.id}|${statementId ?? `new:${newIndex}`}`;
        const earlier = seen.get(key);
        if (earlier) {
          problem(
            'statement',
            `Enheten ${unit.name} har redan ett svar på påståendet (${earlier.fileName === file.fileName ? '' : `${earlier.fileName}, `}rad ${earlier.rowNumber}). Samma svar får bara finnas en gång.`,
          );
        } else seen.set(key, { fileName: file.fileName, rowNumber });
      }
      if (issues.length > before || !unit || !score.ok) continue;
      if (score.score === null && !score.notApplicable && values.comment === '') continue;
      answers.push({
        unitId: unit.id,
        templateStatementId: statementId,
        newStatementIndex: newIndex,
        score: score.score,
        notApplicable: score.notApplicable,
        comment: values.comment,
        source,
      });
    }
  }

  if (!template && parsed.some((p) => p.rows.length > 0) && !options.createTemplate) {
    issues.push({
      fileName: parsed[0]!.file.fileName,
      rowNumber: null,
      column: header('year'),
      message: `Det finns ingen mall för självskattningen ${year}. Bekräfta att mallen skapas av filens ${newStatements.length} påståenden, eller skapa mallen först.`,
    });
  }

  const existing = new Map(
    template
      ? db.sqlite
          .prepare<[string], { unitId: string; count: number }>(
            `SELECT x.unit_id AS unitId, count(*) AS count FROM self_assessment_answers x
             JOIN self_assessment_template_statements s ON s.id = x.template_statement_id
             WHERE s.template_id = ? AND s.archived_at IS NULL GROUP BY x.unit_id`,
          )
          .all(template.id)
          .map((r) => [r.unitId, r.count])
      : [],
  );
  const unitSummaries = new Map<string, AnswerImportUnit>();
  for (const key of seen.keys()) {
    const unit = unitById.get(key.split('|')[0]!)!;
    if (!unitSummaries.has(unit.id)) {
      unitSummaries.set(unit.id, {
        unitId: unit.id,
        unitName: unit.name,
        operatingAreaName: unit.operatingAreaName,
        answered: 0,
        notApplicable: 0,
        replaces: existing.get(unit.id) ?? 0,
      });
    }
  }
  for (const answer of answers) {
    const summary = unitSummaries.get(answer.unitId)!;
    if (answer.score !== null) summary.answered++;
    if (answer.notApplicable) summary.notApplicable++;
  }
  issues.sort((a, b) => files.findIndex((f) => f.fileName === a.fileName) - files.findIndex((f) => f.fileName === b.fileName) || (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
  return {
    preview: {
      year,
      files: parsed.map((p) => p.file),
      units: [...unitSummaries.values()].sort((a, b) => swedishCompare(a.unitName, b.unitName) || swedishCompare(a.operatingAreaName, b.operatingAreaName)),
      newTemplate: template ? null : { statements: newStatements },
      answerCount: answers.length,
      issues,
      canCommit: issues.length === 0 && parsed.some((p) => p.rows.length > 0),
    },
    templateId: template?.id ?? null,
    answers,
  };
}

/**
 * The plan made once while the database is unchanged (checkedWhileUnchanged): the commit of the
 * files the user has just previewed reuses the preview's plan instead of reading and matching
 * them again.
 */
export function checkedAnswerImport(db: ReadDb, files: readonly UploadedFile[], options: AnswerImportOptions): Promise<AnswerImportPlan> {
  const key = ['selfAssessment.import', String(options.year ?? ''), String(options.createTemplate), ...files.map((f) => uploadKey(f))].join('\u0000');
  return checkedWhileUnchanged(db.sqlite, key, () => planAnswerImport(db, files, options));
}

/** The whole set refused, every problem listed (file, row, column), as the preview lists them. */
export function assertAnswerImportCommittable(preview: AnswerImportPreview): void {
  if (preview.canCommit) return;
  const issues = preview.issues.map((i) => ({
    field: `${i.fileName}${i.rowNumber === null ? '' : `, rad ${i.rowNumber}`}, kolumn ${i.column}`,
    message: i.message,
  }));
  const first = issues[0];
  throw new AppError(
    'invalid_input',
    first
      ? `Filerna innehåller fel (${issues.length} st), först: ${first.field}: ${first.message} Ingenting har importerats; rätta filerna och försök igen.`
      : 'Filerna innehåller inga svar att importera.',
    '',
    issues,
  );
}
