// Handlers for synpunkter: the list per unit and tertial, and the import of a summary file
// (Period, Enhet, Typ, Antal) through the one import pipeline: every bad row named, nothing
// written unless the whole file is valid, and a re-imported period replacing its old counts.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { assertCommittable, previewImport, type ImportSpec, type RowIssue } from '../../io/importPipeline.ts';
import { listFeedback, storedFeedbackPeriods } from '../../queries/feedback.ts';
import { replaceFeedbackCounts } from '../../writes/feedback.ts';
import { stamp } from '../../writes/stamp.ts';
import { unitLookup, type UnitRef } from '../../queries/unitLookup.ts';
import { parsePeriodLabel, periodLabel } from '../../shared/period.ts';
import { codeFromLabel, FEEDBACK_TYPE_LABELS } from '../labels.ts';
import { preparedWrite, type Handlers } from '../handle.ts';
import type { AppDatabase } from '../../open.ts';
import type { FeedbackImportPreview, FeedbackImportRow } from '../feedback.contract.ts';

type FeedbackHandlers = Pick<Handlers, 'feedback.list' | 'feedback.importPreview' | 'feedback.importCommit'>;

const importColumns = [
  { key: 'period', header: 'Period' },
  { key: 'unit', header: 'Enhet' },
  { key: 'feedbackType', header: 'Typ' },
  { key: 'count', header: 'Antal', kind: 'number' },
] as const;
type ImportKey = (typeof importColumns)[number]['key'];

function rowSchema(findUnit: (text: string) => UnitRef[]) {
  return z.object({
    period: z.string().transform((text, ctx) => {
      const period = parsePeriodLabel(text);
      if (!period) {
        ctx.addIssue({
          code: 'custom',
          message: text ? `Perioden ”${text}” kan inte läsas. Skriv år och tertial, till exempel 2026 T1.` : 'Period måste fyllas i (till exempel 2026 T1).',
        });
        return z.NEVER;
      }
      return period;
    }),
    unit: z.string().transform((text, ctx) => {
      const found = findUnit(text);
      const [unit] = found;
      if (!unit || found.length > 1) {
        ctx.addIssue({
          code: 'custom',
          message: !text
            ? 'Enhet måste fyllas i.'
            : found.length > 1
              ? `Enheten ”${text}” finns i flera verksamhetsområden (${found.map((u) => u.operatingAreaName).join(', ')}). Skriv till exempel ”${text} (${found[0]?.operatingAreaName ?? ''})”.`
              : `Okänd enhet ”${text}”. Enheten måste finnas i enhetsregistret.`,
        });
        return z.NEVER;
      }
      return unit;
    }),
    feedbackType: z.string().transform((text, ctx) => {
      const code = codeFromLabel(FEEDBACK_TYPE_LABELS, text);
      if (!code) {
        ctx.addIssue({
          code: 'custom',
          message: text ? `Okänd typ ”${text}”. Tillåtna: ${Object.values(FEEDBACK_TYPE_LABELS).join(', ')}.` : 'Typ måste fyllas i.',
        });
        return z.NEVER;
      }
      return code;
    }),
    count: z.string().transform((text, ctx) => {
      if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isInteger(Number(text)) || Number(text) < 0) {
        ctx.addIssue({ code: 'custom', message: text ? `Antal måste vara ett heltal, 0 eller större (inte ”${text}”).` : 'Antal måste fyllas i.' });
        return z.NEVER;
      }
      return Number(text);
    }),
  }).transform(
    (r): FeedbackImportRow => ({
      unitId: r.unit.id,
      unitName: r.unit.name,
      operatingAreaName: r.unit.operatingAreaName,
      year: r.period.year,
      tertial: r.period.tertial,
      feedbackType: r.feedbackType,
      count: r.count,
    }),
  );
}

/** The same unit, tertial and type twice in one file: which count is right cannot be guessed. */
function duplicateRows(rows: { rowNumber: number; values: FeedbackImportRow }[]): RowIssue[] {
  const seen = new Map<string, number>();
  const issues: RowIssue[] = [];
  for (const { rowNumber, values } of rows) {
    const key = `${values.unitId}|${values.year}|${values.tertial}|${values.feedbackType}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, rowNumber);
    else {
      issues.push({
        rowNumber,
        column: 'Typ',
        message: `Raden upprepar rad ${first}: ${values.unitName}, ${periodLabel(values)}, ${FEEDBACK_TYPE_LABELS[values.feedbackType]}. Varje enhet, period och typ får finnas en gång.`,
      });
    }
  }
  return issues;
}

function feedbackImportSpec(db: AppDatabase): ImportSpec<ImportKey, FeedbackImportRow> {
  return { columns: [...importColumns], rowSchema: rowSchema(unitLookup(db)), checkRows: duplicateRows };
}

async function previewFeedback(db: AppDatabase, file: Parameters<typeof previewImport>[0]): Promise<FeedbackImportPreview> {
  const preview = await previewImport(file, feedbackImportSpec(db));
  const stored = storedFeedbackPeriods(db);
  const replaces = new Map<string, FeedbackImportPreview['replaces'][number]>();
  for (const { values } of preview.rows) {
    const key = `${values.unitId}|${values.year}|${values.tertial}`;
    const storedRows = stored.get(key);
    if (storedRows && !replaces.has(key)) {
      replaces.set(key, { unitName: values.unitName, operatingAreaName: values.operatingAreaName, period: periodLabel(values), storedRows });
    }
  }
  return { ...preview, replaces: [...replaces.values()] };
}

export const feedbackHandlers: FeedbackHandlers = {
  'feedback.list': (ctx, { year }) => listFeedback(ctx.session.db, year),

  'feedback.importPreview': (ctx, { file }) => previewFeedback(ctx.session.db, file),

  // Parsing is async, so it runs in prepare; the write step replaces and inserts in the dispatch's one transaction.
  'feedback.importCommit': preparedWrite({
    prepare: async (ctx, { file }) => {
      const preview = await previewImport(file, feedbackImportSpec(ctx.session.db));
      assertCommittable(preview);
      if (preview.rows.length === 0) throw new AppError('invalid_input', 'Filen innehåller inga rader att importera.');
      return preview.rows.map((r) => r.values);
    },
    write: (ctx, _input, rows) => replaceFeedbackCounts(ctx.session.db, rows, stamp(ctx).updatedBy),
  }),
};
