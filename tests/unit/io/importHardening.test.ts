import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellText, excelSerialToIsoDate, normalizeDecimal, previewImport, type ImportSpec } from '../../../db/io/importPipeline.ts';
import { readTabularFile } from '../../../db/io/tabular.ts';
import { neutralizeCell } from '../../../db/io/xlsxExport.ts';
import { columnNumber } from '../../../db/io/zipGuard.ts';
import { projectRoot } from '../../helpers/server.ts';

const upload = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const spec: ImportSpec<'name' | 'score' | 'date', { name: string; score: number; date: string }> = {
  columns: [
    { key: 'name', header: 'Namn' },
    { key: 'score', header: 'Poäng', kind: 'number' },
    { key: 'date', header: 'Datum', kind: 'date' },
  ],
  rowSchema: z.object({
    name: z.string().min(1),
    score: z.string().regex(/^-?\d+(\.\d+)?$/, { error: 'Poäng måste vara ett tal.' }).transform(Number),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Datum ska skrivas som ÅÅÅÅ-MM-DD.' }),
  }),
};

describe('reading text files', () => {
  const text = 'Namn;Poäng;Datum\r\nÅsa Öberg;3,5;2026-11-23\r\n';

  it.each([
    ['UTF-8 without BOM', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['Windows-1252 (Swedish Excel “CSV”)', Buffer.from(text, 'latin1')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ])('decodes %s with å ä ö intact', async (_name, bytes) => {
    const data = await readTabularFile('fil.csv', bytes);
    expect(data.headers).toEqual(['Namn', 'Poäng', 'Datum']);
    expect(data.rows).toEqual([{ rowNumber: 2, cells: ['Åsa Öberg', '3,5', '2026-11-23'] }]);
  });

  it('guesses comma and tab separators too', async () => {
    expect((await readTabularFile('f.csv', Buffer.from('a,b\n1,2\n'))).rows[0]?.cells).toEqual(['1', '2']);
    expect((await readTabularFile('f.txt', Buffer.from('a\tb\n1\t2\n'))).rows[0]?.cells).toEqual(['1', '2']);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    await expect(readTabularFile('stor.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41))).rejects.toThrow('Filen är för stor (högst 20 MB).');
  });
});

describe('values where dates and numbers are expected', () => {
  it('turns Swedish decimal commas into numbers and Excel date serials into ISO dates', async () => {
    const bytes = Buffer.from('Namn;Poäng;Datum\nA;"1 234,5";46349\nB;-2;2026-01-31\nC;tre;31/1\nD;0,5;2026-02-28\n', 'utf8');
    const preview = await previewImport(upload('f.csv', bytes), spec);
    expect(preview.rows).toEqual([
      { rowNumber: 3, values: { name: 'B', score: -2, date: '2026-01-31' } },
      { rowNumber: 5, values: { name: 'D', score: 0.5, date: '2026-02-28' } },
    ]);
    // A date serial typed into a CSV is text, not a date: it is reported, not guessed.
    expect(preview.issues).toEqual([
      { rowNumber: 2, column: 'Datum', message: 'Datum ska skrivas som ÅÅÅÅ-MM-DD.' },
      { rowNumber: 4, column: 'Poäng', message: 'Poäng måste vara ett tal.' },
      { rowNumber: 4, column: 'Datum', message: 'Datum ska skrivas som ÅÅÅÅ-MM-DD.' },
    ]);
  });

  it('reads Excel dates, date serials, and a formula’s cached value (never the formula)', async () => {
    const bytes = await workbook([
      ['Namn', 'Poäng', 'Datum'],
      ['A', 2.25, new Date(Date.UTC(2026, 10, 23))],
      ['B', { formula: '1+1', result: 2 }, 46349],
      [{ formula: 'CONCAT("=HYP","ERLINK(1)")', result: '=HYPERLINK(1)' }, '4,75', '2026-12-01'],
    ]);
    const preview = await previewImport(upload('f.xlsx', bytes), spec);
    expect(preview.issues).toEqual([]);
    expect(preview.rows.map((r) => r.values)).toEqual([
      { name: 'A', score: 2.25, date: '2026-11-23' },
      { name: 'B', score: 2, date: '2026-11-23' },
      // Text stays text, formula-looking or not; it is neutralised again on export.
      { name: '=HYPERLINK(1)', score: 4.75, date: '2026-12-01' },
    ]);
  });

  it('converts the edges of Excel’s date range and refuses what is outside it', () => {
    expect(excelSerialToIsoDate(1)).toBe('1899-12-31');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(45658.75)).toBe('2025-01-01');
    expect(excelSerialToIsoDate(2_958_465)).toBe('9999-12-31');
    expect(excelSerialToIsoDate(0)).toBeNull();
    expect(excelSerialToIsoDate(3_000_000)).toBeNull();
    expect(cellText(3_000_000, 'date')).toBe('3000000');
    expect(normalizeDecimal('12 345,60')).toBe('12345.60');
    expect(normalizeDecimal('1,2,3')).toBe('1,2,3');
  });
});

describe('the parse worker', () => {
  it('is terminated when the file needs more memory than its cap, and the next file reads fine', async () => {
    const rows: ExcelJS.CellValue[][] = [['Namn', 'Poäng', 'Datum']];
    for (let i = 0; i < 20_000; i++) rows.push([`Namn ${i} ${'x'.repeat(40)}`, i, '2026-01-01']);
    const big = await workbook(rows);
    await expect(readTabularFile('stor.xlsx', big, { heapMb: 8 })).rejects.toThrow(
      'Filen kräver för mycket minne eller tid att läsa och avbröts.',
    );
    const small = await readTabularFile('liten.csv', Buffer.from('a;b\n1;2\n'));
    expect(small.rows).toHaveLength(1);
  });

  it('is terminated when it runs past its time limit', async () => {
    const bytes = await workbook([['Namn'], ['A']]);
    await expect(readTabularFile('f.xlsx', bytes, { timeoutMs: 1, heapMb: 200 })).rejects.toThrow('avbröts');
  });
});

describe('dependencies and exports', () => {
  it('does not depend on the npm xlsx package (SheetJS CE 0.18.5 has unpatched CVEs)', () => {
    const out = execFileSync('npm', ['ls', 'xlsx', '--all', '--parseable'], { cwd: projectRoot, encoding: 'utf8' }).trim();
    expect(out).toBe('');
  });

  it('neutralises every text that a spreadsheet could run as a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const out = neutralizeCell(text);
        expect(out.startsWith("'") || !['=', '+', '-', '@', '\t', '\r', '\0'].includes(out[0] ?? '')).toBe(true);
        // Nothing is lost: the original text follows the prefix.
        expect(out === text || out === `'${text}`).toBe(true);
        expect(out !== text).toBe(['=', '+', '-', '@', '\t', '\r', '\0'].includes(text[0] ?? ''));
      }),
      { numRuns: 2000, seed: 20261123 },
    );
    expect(neutralizeCell('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
    expect(neutralizeCell('@SUM(1)')).toBe("'@SUM(1)");
  });

  it('maps column letters to numbers up to Excel’s last column', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('Z')).toBe(26);
    expect(columnNumber('AA')).toBe(27);
    expect(columnNumber('XFD')).toBe(16_384);
    expect(columnNumber('XFE')).toBe(16_385);
  });
});
