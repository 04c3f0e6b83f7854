// Handlers for avvikelser: the counts for a filter, the filter's choices, and the import of a
// summary file (Period, Enhet, Avvikelsetyp, Antal) through the one import pipeline: every bad
// row named, nothing written unless the whole file is valid, and a re-imported month replacing
// its old counts for the units in the file.
import { z } from 'zod';
import { committableRows, countCell, duplicateRows, replacedPeriods, unitCell, unitLookup, type UnitRef } from '../../io/countImport.ts';
import { checkedPreview, type ImportSpec } from '../../io/importPipeline.ts';
import type { UploadedFile } from '../fields.ts';
import { deviationFilterOptions, listDeviations, storedDeviationPeriods, storedDeviationTypes } from '../../queries/deviations.ts';
import { replaceDeviationCounts } from '../../writes/deviations.ts';
import { stamp } from '../../writes/stamp.ts';
import { foldName } from '../../shared/names.ts';
import { monthPeriodLabel, parseMonthPeriod } from '../../shared/period.ts';
import { looksLikePersonnummer, PERSONNUMMER_MESSAGE } from '../../shared/personalData.ts';
import { preparedWrite, type Handlers } from '../handle.ts';
import type { AppDatabase } from '../../open.ts';
import type { DeviationImportPreview, DeviationImportRow } from '../deviations.contract.ts';

type DeviationsHandlers = Pick<Handlers, 'deviations.list' | 'deviations.filterOptions' | 'deviations.importPreview' | 'deviations.importCommit'>;

const TYPE_MAX_LENGTH = 80;

const importColumns = [
  // A month cell Excel stored as a date arrives as 2026-03-01, which the period rule reads.
  { key: 'period', header: 'Period', aliases: ['Månad'] },
  { key: 'unit', header: 'Enhet' },
  { key: 'deviationType', header: 'Avvikelsetyp', aliases: ['Typ'] },
  { key: 'count', header: 'Antal', kind: 'number' },
] as const;
type ImportKey = (typeof importColumns)[number]['key'];

/** `typeNames`: the stored spelling per folded type; a type new to the database takes its first spelling in the file. */
function rowSchema(findUnit: (text: string) => UnitRef[], typeNames: Map<string, string>) {
  return z
    .object({
      period: z.string().transform((text, ctx) => {
        const period = parseMonthPeriod(text);
        if (!period) {
          ctx.addIssue({
            code: 'custom',
            message: text
              ? `Perioden ”${text}” kan inte läsas. Skriv år och månad, till exempel 2026-03 eller mars 2026.`
              : 'Period måste fyllas i (år och månad, till exempel 2026-03).',
          });
          return z.NEVER;
        }
        return period;
      }),
      unit: unitCell(findUnit),
      deviationType: z.string().transform((text, ctx) => {
        const name = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
        const problem = !name
          ? 'Avvikelsetyp måste fyllas i.'
          : name.length > TYPE_MAX_LENGTH
            ? `Avvikelsetypen får vara högst ${TYPE_MAX_LENGTH} tecken.`
            : looksLikePersonnummer(name)
              ? PERSONNUMMER_MESSAGE
              : null;
        if (problem) {
          ctx.addIssue({ code: 'custom', message: problem });
          return z.NEVER;
        }
        const folded = foldName(name);
        if (!typeNames.has(folded)) typeNames.set(folded, name);
        return { name: typeNames.get(folded) ?? name, folded };
      }),
      count: countCell,
    })
    .transform(
      (r): DeviationImportRow => ({
        unitId: r.unit.id,
        unitName: r.unit.name,
        operatingAreaName: r.unit.operatingAreaName,
        year: r.period.year,
        month: r.period.month,
        deviationType: r.deviationType.name,
        deviationTypeFolded: r.deviationType.folded,
        count: r.count,
      }),
    );
}

function deviationImportSpec(db: AppDatabase): ImportSpec<ImportKey, DeviationImportRow> {
  return {
    columns: [...importColumns],
    rowSchema: rowSchema(unitLookup(db), storedDeviationTypes(db)),
    checkRows: (rows) =>
      duplicateRows(
        rows,
        (v) => `${v.unitId}|${v.year}|${v.month}|${v.deviationTypeFolded}`,
        'Avvikelsetyp',
        (v) => `${v.unitName}, ${monthPeriodLabel(v)}, ${v.deviationType}`,
      ),
  };
}

/** The checked file; the commit right after the user's preview reuses it while the database is unchanged. */
function checkedDeviations(db: AppDatabase, file: UploadedFile) {
  return checkedPreview(db.sqlite, 'deviations.import', file, () => deviationImportSpec(db));
}

async function previewDeviations(db: AppDatabase, file: UploadedFile): Promise<DeviationImportPreview> {
  const preview = await checkedDeviations(db, file);
  const replaces = replacedPeriods(preview.rows, storedDeviationPeriods(db), (v) => `${v.unitId}|${v.year}|${v.month}`, monthPeriodLabel);
  return { ...preview, replaces };
}

export const deviationsHandlers: DeviationsHandlers = {
  'deviations.list': (ctx, filter) => listDeviations(ctx.session.db, filter),

  'deviations.filterOptions': (ctx) => deviationFilterOptions(ctx.session.db),

  'deviations.importPreview': (ctx, { file }) => previewDeviations(ctx.session.db, file),

  // Parsing is async, so it runs in prepare; the write step replaces and inserts in the dispatch's one transaction.
  'deviations.importCommit': preparedWrite({
    prepare: async (ctx, { file }) => committableRows(await checkedDeviations(ctx.session.db, file)),
    write: (ctx, _input, rows) => replaceDeviationCounts(ctx.session.db, rows, stamp(ctx).updatedBy),
  }),
};
