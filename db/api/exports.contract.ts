// Contract for "export these rows": the numbers behind a chart or table on screen as an .xlsx
// file, written by the one spreadsheet exporter (db/io/xlsxExport.ts, formula-safe text cells).
// The page sends what it shows; nothing is read from the database, so the file matches the screen.
import { z } from 'zod';
import { read } from './define.ts';
import type { DownloadFile } from './fields.ts';
import { requiredText } from './fields.ts';

const cellValue = z.union([z.string().max(4000, { error: 'En cell får ha högst 4000 tecken.' }), z.number().finite(), z.null()]);

export const exportTableInput = z.strictObject({
  /** The file's name without extension; letters, digits, space, - and _ only. */
  fileName: requiredText('Filnamn', 120).regex(/^[\p{L}\p{N} _-]+$/u, { error: 'Filnamnet får bara ha bokstäver, siffror, mellanslag, - och _.' }),
  /** Excel allows 31 characters and none of : \ / ? * [ ]. */
  sheetName: requiredText('Bladnamn', 31).regex(/^[^:\\/?*[\]]+$/, { error: 'Bladnamnet får inte ha : \\ / ? * [ ].' }),
  columns: z
    .array(z.strictObject({ header: requiredText('Kolumnrubrik', 200), width: z.number().int().min(4).max(120).optional() }))
    .min(1, { error: 'Minst en kolumn behövs.' })
    .max(60, { error: 'Högst 60 kolumner.' }),
  rows: z.array(z.array(cellValue).max(60)).max(50_000, { error: 'Högst 50 000 rader.' }),
});

export const exportsContract = {
  /** The given rows as one sheet of an .xlsx file (`<fileName>.xlsx`). */
  'exports.tableXlsx': read<DownloadFile>()(exportTableInput),
};
