// Contract for avvikelser: counts per unit, month and deviation type, imported from the summary
// a case-management system exports (Period, Enhet, Avvikelsetyp, Antal). Re-importing a month
// replaces that month's counts for the units in the file.
import { z } from 'zod';
import type { UnitType } from '../domain/codes.ts';
import { read, write } from './define.ts';
import { id, noInput, uploadedFile } from './fields.ts';
import type { ImportPreview } from '../io/importPipeline.ts';
import type { CountReplacement } from '../io/countImport.ts';

/** One stored count: a unit's deviations of one type in one month. */
export interface DeviationCountRow {
  unitId: string;
  unitName: string;
  unitType: UnitType;
  operatingAreaId: string;
  operatingAreaName: string;
  year: number;
  month: number;
  deviationType: string;
  count: number;
}

export interface DeviationImportRow {
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  year: number;
  month: number;
  deviationType: string;
  deviationTypeFolded: string;
  count: number;
}

export type DeviationImportPreview = ImportPreview<DeviationImportRow> & { replaces: CountReplacement[] };

export interface DeviationFilterOptions {
  /** Years with stored counts, oldest first. */
  years: number[];
  /** Stored deviation types, in Swedish order. */
  types: string[];
}

const year = z.number().int().min(2000).max(2100);

export const deviationFilter = z
  .strictObject({
    fromYear: year,
    toYear: year,
    operatingAreaId: id.optional(),
    unitId: id.optional(),
    /** A stored type, compared folded. */
    deviationType: z.string().trim().min(1).max(80).optional(),
  })
  .refine((f) => f.fromYear <= f.toYear, { message: 'Från-året får inte vara senare än till-året.', path: ['toYear'] });
export type DeviationFilter = z.infer<typeof deviationFilter>;

export const deviationsContract = {
  'deviations.list': read<DeviationCountRow[]>()(deviationFilter),
  'deviations.filterOptions': read<DeviationFilterOptions>()(noInput),
  'deviations.importPreview': read<DeviationImportPreview>()(z.strictObject({ file: uploadedFile })),
  'deviations.importCommit': write<{ inserted: number; replaced: number }>()(z.strictObject({ file: uploadedFile })),
};
