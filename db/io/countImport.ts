// What the summary-count imports share (synpunkter: Period, Enhet, Typ, Antal; avvikelser:
// Period, Enhet, Avvikelsetyp, Antal): units found by name, a whole count ≥ 0, one row per unit,
// period and type, the list of stored periods a commit replaces, and the commit's all-or-nothing
// gate. Each import keeps its own period and type rules.
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { UnitRef } from '../queries/unitLookup.ts';
import { assertCommittable, type ImportPreview, type RowIssue } from './importPipeline.ts';

// One way to find a unit by the name written in a file, shared with the nyckeltal import.
export { unitLookup, type UnitRef } from '../queries/unitLookup.ts';

/** The Enhet cell: exactly one known unit, or a message saying which area to add. */
export function unitCell(findUnit: (text: string) => UnitRef[]) {
  return z.string().transform((text, ctx) => {
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
  });
}

/** The Antal cell (a 'number' column, so "1 234" and "4,0" arrive as 1234 and 4.0): a whole number ≥ 0. */
export const countCell = z.string().transform((text, ctx) => {
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isInteger(Number(text)) || Number(text) < 0) {
    ctx.addIssue({ code: 'custom', message: text ? `Antal måste vara ett heltal, 0 eller större (inte ”${text}”).` : 'Antal måste fyllas i.' });
    return z.NEVER;
  }
  return Number(text);
});

/**
 * The same unit, period and type twice in one file: which count is right cannot be guessed, so
 * every later row is named with the row it repeats.
 */
export function duplicateRows<T>(
  rows: readonly { rowNumber: number; values: T }[],
  keyOf: (values: T) => string,
  column: string,
  describe: (values: T) => string,
): RowIssue[] {
  const seen = new Map<string, number>();
  const issues: RowIssue[] = [];
  for (const { rowNumber, values } of rows) {
    const key = keyOf(values);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, rowNumber);
    else {
      issues.push({
        rowNumber,
        column,
        message: `Raden upprepar rad ${first}: ${describe(values)}. Varje enhet, period och typ får finnas en gång.`,
      });
    }
  }
  return issues;
}

/** What a commit would replace: counts already stored for a unit and period in the file. */
export interface CountReplacement {
  unitName: string;
  operatingAreaName: string;
  period: string;
  storedRows: number;
}

/** The stored (unit, period) groups the file's rows fall in, once each, in file order. */
export function replacedPeriods<T extends { unitName: string; operatingAreaName: string }>(
  rows: readonly { values: T }[],
  stored: ReadonlyMap<string, number>,
  periodKey: (values: T) => string,
  periodLabel: (values: T) => string,
): CountReplacement[] {
  const replaces = new Map<string, CountReplacement>();
  for (const { values } of rows) {
    const key = periodKey(values);
    const storedRows = stored.get(key);
    if (storedRows && !replaces.has(key)) {
      replaces.set(key, { unitName: values.unitName, operatingAreaName: values.operatingAreaName, period: periodLabel(values), storedRows });
    }
  }
  return [...replaces.values()];
}

/** The rows a commit writes: the preview must be free of problems and hold at least one row. */
export function committableRows<T>(preview: ImportPreview<T>): T[] {
  assertCommittable(preview);
  if (preview.rows.length === 0) throw new AppError('invalid_input', 'Filen innehåller inga rader att importera.');
  return preview.rows.map((r) => r.values);
}
