// Contract for synpunkter: counts per unit, tertial and type (klagomål, synpunkt, beröm, förslag),
// imported from a summary file with the columns Period, Enhet, Typ, Antal. Re-importing a period
// replaces that period's counts for the units in the file.
import { z } from 'zod';
import type { FeedbackType, Regi } from '../domain/codes.ts';
import type { Tertial } from '../shared/period.ts';
import { read, write } from './define.ts';
import { uploadedFile } from './fields.ts';
import type { ImportPreview } from '../io/importPipeline.ts';

/** One unit's synpunkter in one tertial, one count per type. */
export interface FeedbackRow {
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  regi: Regi;
  year: number;
  tertial: Tertial;
  counts: Record<FeedbackType, number>;
  total: number;
}

export interface FeedbackImportRow {
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  year: number;
  tertial: Tertial;
  feedbackType: FeedbackType;
  count: number;
}

/** What a commit would replace: counts already stored for a unit and tertial in the file. */
export interface FeedbackReplacement {
  unitName: string;
  operatingAreaName: string;
  period: string;
  storedRows: number;
}

export type FeedbackImportPreview = ImportPreview<FeedbackImportRow> & { replaces: FeedbackReplacement[] };

export const feedbackContract = {
  'feedback.list': read<FeedbackRow[]>()(z.strictObject({ year: z.number().int().min(2000).max(2100).optional() })),
  'feedback.importPreview': read<FeedbackImportPreview>()(z.strictObject({ file: uploadedFile })),
  'feedback.importCommit': write<{ inserted: number; replaced: number }>()(z.strictObject({ file: uploadedFile })),
};
