// A paste into the answers grid: the copied block lands from the focused cell downwards, its
// first column in the focused column (Poäng or Kommentar) and a second one in Kommentar. Every
// cell is checked first; one bad cell refuses the whole paste, so nothing is saved.
import { parseClipboardTable, parseScoreCell } from '../../../db/shared/selfAssessmentScore.ts';

export type AnswerColumn = 'score' | 'comment';

export interface PasteTarget {
  templateStatementId: string;
  /** The statement's place as the user sees it, e.g. "Ledning och styrning, påstående 3". */
  label: string;
  /** The stored answer, kept when only the comment is pasted. */
  score: number | null;
  notApplicable: boolean;
}

export interface PastedCell {
  templateStatementId: string;
  score: number | null;
  notApplicable: boolean;
  comment?: string;
}

export type PasteResult = { ok: true; cells: PastedCell[] } | { ok: false; message: string };

export function cellsFromPaste(text: string, rows: readonly PasteTarget[], startRow: number, startColumn: AnswerColumn): PasteResult {
  const table = parseClipboardTable(text);
  if (table.length === 0) return { ok: false, message: 'Det finns inget att klistra in.' };
  const widest = Math.max(...table.map((r) => r.length));
  const room = startColumn === 'score' ? 2 : 1;
  if (widest > room) {
    return {
      ok: false,
      message:
        startColumn === 'score'
          ? `Inklistringen har ${widest} kolumner, men bara Poäng och Kommentar kan klistras in. Inget sparades.`
          : `Inklistringen har ${widest} kolumner, men från Kommentar finns bara en kolumn. Inget sparades.`,
    };
  }
  if (startRow + table.length > rows.length) {
    return { ok: false, message: `Inklistringen har ${table.length} rader, men bara ${rows.length - startRow} påståenden återstår från den markerade raden. Inget sparades.` };
  }
  const cells: PastedCell[] = [];
  for (const [i, pasted] of table.entries()) {
    const target = rows[startRow + i] as PasteTarget;
    if (startColumn === 'comment') {
      cells.push({ templateStatementId: target.templateStatementId, score: target.score, notApplicable: target.notApplicable, comment: pasted[0] ?? '' });
      continue;
    }
    const parsed = parseScoreCell(pasted[0] ?? '');
    if (!parsed.ok) return { ok: false, message: `Rad ${i + 1} i inklistringen (${target.label}): ${parsed.message} Inget sparades.` };
    const cell: PastedCell = { templateStatementId: target.templateStatementId, score: parsed.score, notApplicable: parsed.notApplicable };
    if (pasted.length > 1) cell.comment = pasted[1] ?? '';
    cells.push(cell);
  }
  return { ok: true, cells };
}
