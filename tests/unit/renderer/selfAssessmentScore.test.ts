// The score rule for typed and pasted self-assessment cells: whole 1–10, "ej tillämplig" and its
// shorthands, empty clears; everything else refused with a Swedish message. And a paste from Excel
// mapped onto the statements: all cells checked first, one bad cell refuses the whole paste.
import { describe, expect, it } from 'vitest';
import { parseClipboardTable, parseScoreCell, scoreCellText } from '../../../db/shared/selfAssessmentScore.ts';
import { cellsFromPaste, type PasteTarget } from '../../../renderer/pages/selfAssessment/pasteAnswers.ts';

describe('parseScoreCell', () => {
  it.each([
    ['1', 1],
    ['10', 10],
    [' 7 ', 7],
    ['7,0', 7],
    ['8.0', 8],
    [4, 4],
  ])('reads %j as score %i', (input, score) => {
    expect(parseScoreCell(input)).toEqual({ ok: true, score, notApplicable: false });
  });

  it.each(['ej tillämplig', 'Ej tillämplig', 'EJ', 'ej', 'e', 'E', '-', '–', ' ej  tillämplig '])('reads %j as ej tillämplig', (input) => {
    expect(parseScoreCell(input)).toEqual({ ok: true, score: null, notApplicable: true });
  });

  it.each(['', '   ', null, undefined])('reads %j as no answer', (input) => {
    expect(parseScoreCell(input)).toEqual({ ok: true, score: null, notApplicable: false });
  });

  it.each(['0', '11', '7,5', '7.5', 'sju', '5+', '-3', '100', 'x', 0, 11, 6.5])('refuses %j with a Swedish message', (input) => {
    const result = parseScoreCell(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`”${String(input)}” är inget giltigt svar. Skriv ett heltal 1–10 eller ”ej tillämplig” (ej, e eller -).`);
  });

  it('shows an answer back as text', () => {
    expect(scoreCellText({ score: 7, notApplicable: false })).toBe('7');
    expect(scoreCellText({ score: null, notApplicable: true })).toBe('ej tillämplig');
    expect(scoreCellText({ score: null, notApplicable: false })).toBe('');
  });
});

describe('parseClipboardTable', () => {
  it('splits Excel text into rows and cells, with quoted cells and a trailing line break', () => {
    expect(parseClipboardTable('7\tBra\r\n8\t"två\nrader"\r\n')).toEqual([
      ['7', 'Bra'],
      ['8', 'två\nrader'],
    ]);
    expect(parseClipboardTable('5')).toEqual([['5']]);
    expect(parseClipboardTable('"sa ""hej"""\t')).toEqual([['sa "hej"', '']]);
    expect(parseClipboardTable('')).toEqual([]);
  });
});

describe('cellsFromPaste', () => {
  const rows: PasteTarget[] = ['a', 'b', 'c'].map((id, i) => ({ templateStatementId: id, label: `Område, påstående ${i + 1}`, score: i === 2 ? 3 : null, notApplicable: false }));

  it('maps a column of scores (and comments) from the focused row down', () => {
    expect(cellsFromPaste('8\nej\n', rows, 1, 'score')).toEqual({
      ok: true,
      cells: [
        { templateStatementId: 'b', score: 8, notApplicable: false },
        { templateStatementId: 'c', score: null, notApplicable: true },
      ],
    });
    expect(cellsFromPaste('6\tBra rutiner', rows, 0, 'score')).toEqual({
      ok: true,
      cells: [{ templateStatementId: 'a', score: 6, notApplicable: false, comment: 'Bra rutiner' }],
    });
  });

  it('keeps the stored score when only comments are pasted', () => {
    expect(cellsFromPaste('Se handlingsplan', rows, 2, 'comment')).toEqual({
      ok: true,
      cells: [{ templateStatementId: 'c', score: 3, notApplicable: false, comment: 'Se handlingsplan' }],
    });
  });

  it('refuses the whole paste for one bad cell, naming the row', () => {
    expect(cellsFromPaste('8\n12\n5', rows, 0, 'score')).toEqual({
      ok: false,
      message: 'Rad 2 i inklistringen (Område, påstående 2): ”12” är inget giltigt svar. Skriv ett heltal 1–10 eller ”ej tillämplig” (ej, e eller -). Inget sparades.',
    });
  });

  it('refuses more rows than statements left, and too many columns', () => {
    expect(cellsFromPaste('1\n2\n3', rows, 1, 'score')).toEqual({
      ok: false,
      message: 'Inklistringen har 3 rader, men bara 2 påståenden återstår från den markerade raden. Inget sparades.',
    });
    expect(cellsFromPaste('1\tx\ty', rows, 0, 'score').ok).toBe(false);
    expect(cellsFromPaste('x\ty', rows, 0, 'comment').ok).toBe(false);
  });
});
