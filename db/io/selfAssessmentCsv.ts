// The self-assessment results as a CSV file Swedish Excel opens as is: one row per unit and area,
// semicolon-separated, UTF-8 with a byte order mark, decimal comma, CRLF line ends.
import { SELF_ASSESSMENT_AREA_TEXTS } from '../domain/codes.ts';
import type { ResultsView } from '../api/selfAssessment.contract.ts';

export const RESULTS_CSV_COLUMNS = ['År', 'Enhet', 'Område', 'Medel', 'Median', 'Antal svar', 'Ej tillämplig', 'Obesvarade'] as const;

const BOM = '\uFEFF';

/** A number with at most two decimals and a decimal comma (6,25; 6,5; 7); empty for no value. */
export function csvDecimal(value: number | null): string {
  if (value === null) return '';
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

/** A field quoted when it holds the separator, a quote or a line break. */
function csvField(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Units in the results' order (Swedish name order), areas in the fixed order. */
export function resultsCsv(results: ResultsView): string {
  const cell = new Map(results.cells.map((c) => [`${c.unitId}|${c.area}`, c]));
  const lines = [RESULTS_CSV_COLUMNS.join(';')];
  for (const unit of results.units) {
    for (const { area } of results.areas) {
      const c = cell.get(`${unit.unitId}|${area}`);
      if (!c) continue;
      lines.push(
        [
          String(results.year),
          csvField(unit.unitName),
          csvField(SELF_ASSESSMENT_AREA_TEXTS[area].name),
          csvDecimal(c.mean),
          csvDecimal(c.median),
          String(c.count),
          String(c.notApplicable),
          String(c.unanswered),
        ].join(';'),
      );
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
