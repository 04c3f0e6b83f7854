// How a typed or pasted self-assessment cell is read: a whole number 1–10, "ej tillämplig" (or its
// shorthands), or empty (clears the answer). Anything else is refused with a Swedish message, so
// the grid, a paste from Excel and a file import read a cell the same way. Pure: the renderer uses it.

export const NOT_APPLICABLE_TEXT = 'ej tillämplig';

/** Shorthands a manager types for "ej tillämplig" (compared after trimming, in lower case). */
const NOT_APPLICABLE_WORDS = new Set(['ej tillämplig', 'ej tillämpligt', 'ej', 'e', '-', '–', 'et', 'ej aktuellt']);

export type ScoreCell = { score: number | null; notApplicable: boolean };
export type ScoreCellResult = ({ ok: true } & ScoreCell) | { ok: false; message: string };

export const SCORE_CELL_RULE = 'Skriv ett heltal 1–10 eller ”ej tillämplig” (ej, e eller -).';

export function parseScoreCell(input: unknown): ScoreCellResult {
  if (input === null || input === undefined) return { ok: true, score: null, notApplicable: false };
  if (typeof input === 'number') return scoreFromNumber(input, String(input));
  if (typeof input !== 'string') return refuse(typeof input === 'boolean' ? String(input) : '?');
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: true, score: null, notApplicable: false };
  if (NOT_APPLICABLE_WORDS.has(text.toLocaleLowerCase('sv'))) return { ok: true, score: null, notApplicable: true };
  // "7" and "7,0"/"7.0" (a number cell copied from Excel) are 7; "7,5" is not a whole number.
  if (!/^\d{1,2}(?:[.,]0+)?$/.test(text)) return refuse(text);
  return scoreFromNumber(Number.parseInt(text, 10), text);
}

function scoreFromNumber(value: number, shown: string): ScoreCellResult {
  return Number.isInteger(value) && value >= 1 && value <= 10 ? { ok: true, score: value, notApplicable: false } : refuse(shown);
}

function refuse(shown: string): ScoreCellResult {
  return { ok: false, message: `”${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}” är inget giltigt svar. ${SCORE_CELL_RULE}` };
}

/** An answer as the grid shows it: the score, "ej tillämplig" or nothing. */
export function scoreCellText(cell: ScoreCell): string {
  if (cell.notApplicable) return NOT_APPLICABLE_TEXT;
  return cell.score === null ? '' : String(cell.score);
}

/**
 * Text copied from Excel or another sheet (tab between cells, newline between rows, a cell with a
 * newline or tab in double quotes) as rows of cells. The last line break is not a row.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
