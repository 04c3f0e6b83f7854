// Handlers for synpunkter: the list per unit and tertial, and the import of a summary file
// (Period, Enhet, Typ, Antal) through the one import pipeline: every bad row named, nothing
// written unless the whole file is valid, and a re-imported period replacing its old counts.
import { z } from 'zod';
import { committableRows, countCell, duplicateRows, replacedPeriods, unitCell, unitLookup, type UnitRef } from '../../io/countImport.ts';
import { checkedPreview, type ImportSpec } from '../../io/importPipeline.ts';
import type { UploadedFile } from '../fields.ts';
import { listFeedback, storedFeedbackPeriods } from '../../queries/feedback.ts';
import { replaceFeedbackCounts } from '../../writes/feedback.ts';
import { stamp } from '../../writes/stamp.ts';
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
    unit: unitCell(findUnit),
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
    count: countCell,
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

function feedbackImportSpec(db: AppDatabase): ImportSpec<ImportKey, FeedbackImportRow> {
  return {
    columns: [...importColumns],
    rowSchema: rowSchema(unitLookup(db)),
    checkRows: (rows) =>
      duplicateRows(rows, (v) => `${v.unitId}|${v.year}|${v.tertial}|${v.feedbackType}`, 'Typ', (v) => `${v.unitName}, ${periodLabel(v)}, ${FEEDBACK_TYPE_LABELS[v.feedbackType]}`),
  };
}

/** The checked file; the commit right after the user's preview reuses it while the database is unchanged. */
function checkedFeedback(db: AppDatabase, file: UploadedFile) {
  return checkedPreview(db.sqlite, 'feedback.import', file, () => feedbackImportSpec(db));
}

async function previewFeedback(db: AppDatabase, file: UploadedFile): Promise<FeedbackImportPreview> {
  const preview = await checkedFeedback(db, file);
  const replaces = replacedPeriods(preview.rows, storedFeedbackPeriods(db), (v) => `${v.unitId}|${v.year}|${v.tertial}`, periodLabel);
  return { ...preview, replaces };
}

export const feedbackHandlers: FeedbackHandlers = {
  'feedback.list': (ctx, { year }) => listFeedback(ctx.session.db, year),

  'feedback.importPreview': (ctx, { file }) => previewFeedback(ctx.session.db, file),

  // Parsing is async, so it runs in prepare; the write step replaces and inserts in the dispatch's one transaction.
  'feedback.importCommit': preparedWrite({
    prepare: async (ctx, { file }) => committableRows(await checkedFeedback(ctx.session.db, file)),
    write: (ctx, _input, rows) => replaceFeedbackCounts(ctx.session.db, rows, stamp(ctx).updatedBy),
  }),
};
