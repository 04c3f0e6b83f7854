// Parses an uploaded spreadsheet (.xlsx or .csv) into a header row and data rows of plain values.
// Runs inside the parse worker (tabularWorker.ts); every importer reaches it through tabular.ts.
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../errors.ts';
import { cellTooLong, emptyFile, IMPORT_LIMITS, tooManyColumns, tooManyRows } from './limits.ts';
import { inspectXlsx } from './zipGuard.ts';

export type CellValue = string | number | boolean | Date | null;

export interface TabularData {
  headers: string[];
  /** Data rows; `rowNumber` is the row as the user sees it in Excel (header = row 1). */
  rows: { rowNumber: number; cells: CellValue[] }[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// An encrypted .xlsx is an OLE container holding these streams (MS-OFFCRYPTO).
const ENCRYPTION_MARKERS = ['EncryptionInfo', 'EncryptedPackage'].map((s) => Buffer.from(s, 'utf16le'));

export function fileKind(fileName: string): 'xlsx' | 'csv' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xls')) {
    throw new AppError('unsupported_file', 'Det gamla Excel-formatet .xls stöds inte. Öppna filen i Excel och spara den som .xlsx.');
  }
  throw new AppError('unsupported_file', 'Filtypen stöds inte. Välj en .xlsx- eller .csv-fil.', fileName.slice(-8));
}

/** UTF-8 (with or without BOM) if it decodes cleanly, else Windows-1252 (Swedish Excel's "CSV"). */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const notText = () =>
  new AppError('unsupported_file', 'Filen är ingen textfil (CSV): den innehåller binära tecken. Spara den som CSV eller .xlsx och försök igen.');

/** Control characters other than tab and line breaks mean binary content, not a CSV. */
function assertText(text: string): void {
  if (text.includes('\u0000')) throw notText();
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) control++;
  }
  if (control > Math.max(8, sample.length / 100)) throw notText();
}

function checkShape(data: TabularData): TabularData {
  const width = Math.max(data.headers.length, ...data.rows.slice(0, 1000).map((r) => r.cells.length));
  if (width > IMPORT_LIMITS.maxColumns) throw tooManyColumns(width);
  if (data.rows.length > IMPORT_LIMITS.maxRows) throw tooManyRows();
  const rows = [{ rowNumber: 1, cells: data.headers }, ...data.rows];
  for (const { rowNumber, cells } of rows) {
    cells.forEach((cell, i) => {
      if (typeof cell === 'string' && cell.length > IMPORT_LIMITS.maxCellChars) throw cellTooLong(rowNumber, i + 1);
    });
  }
  return data;
}

function parseCsv(bytes: Buffer): TabularData {
  const text = decodeText(bytes);
  assertText(text);
  if (text.trim() === '') throw emptyFile();
  const parsed = Papa.parse<string[]>(text, {
    delimiter: '',
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
    // Stop reading well past the limit instead of holding a huge file in memory.
    preview: IMPORT_LIMITS.maxRows + 2,
  });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const row = (quote.row ?? 0) + 1;
    throw new AppError('invalid_input', `Ett citattecken (") saknar sitt slut på rad ${row}. Rätta filen och försök igen.`);
  }
  const [header, ...body] = parsed.data;
  if (!header) throw emptyFile();
  if (body.length > IMPORT_LIMITS.maxRows) throw tooManyRows();
  return checkShape({
    headers: header.map((h) => h.trim()),
    rows: body.map((cells, index) => ({ rowNumber: index + 2, cells: cells.map((c) => c.trim()) })),
  });
}

function cellAddress(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function excelCellValue(value: ExcelJS.CellValue, address: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // Formulas: only the value Excel last calculated is imported, never the formula itself.
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      throw new AppError(
        'invalid_input',
        `Cellen ${address} innehåller en formel utan beräknat värde. Öppna filen i Excel, spara den och försök igen (eller klistra in värdena).`,
      );
    }
    if (result instanceof Date || typeof result !== 'object') return result as CellValue;
    if ('error' in result) throw new AppError('invalid_input', `Cellen ${address} innehåller ett formelfel (${String(result.error)}).`);
    return null;
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) throw new AppError('invalid_input', `Cellen ${address} innehåller ett formelfel (${String(value.error)}).`);
  return null;
}

function olePackageError(bytes: Buffer): AppError {
  const encrypted = ENCRYPTION_MARKERS.some((marker) => bytes.includes(marker));
  return new AppError(
    'unsupported_file',
    encrypted
      ? 'Filen är lösenordsskyddad (krypterad). Ta bort lösenordet i Excel och spara som .xlsx.'
      : 'Filen är i det gamla Excel-formatet (.xls). Öppna den i Excel och spara som .xlsx.',
  );
}

async function parseXlsx(bytes: Buffer): Promise<TabularData> {
  await inspectXlsx(bytes);
  // Loaded on first use: it takes half a second, and a CSV does not need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_file', 'Filen kunde inte läsas som en Excel-fil (.xlsx). Den kan vara skadad.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw emptyFile();
  if (sheet.rowCount > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
  if (sheet.columnCount > IMPORT_LIMITS.maxColumns) throw tooManyColumns(sheet.columnCount);
  const width = sheet.columnCount;
  const readRow = (rowNumber: number): CellValue[] => {
    const row = sheet.getRow(rowNumber);
    const cells: CellValue[] = [];
    for (let col = 1; col <= width; col++) {
      const value = excelCellValue(row.getCell(col).value, cellAddress(rowNumber, col));
      cells.push(typeof value === 'string' ? value.trim() : value);
    }
    return cells;
  };
  const headerCells = readRow(1);
  const rows: TabularData['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = readRow(r);
    if (cells.every((c) => c === null || c === '')) continue;
    rows.push({ rowNumber: r, cells });
  }
  return checkShape({ headers: headerCells.map((c) => (c === null ? '' : String(c).trim())), rows });
}

/** Decides by content, not only by name: a zip is read as .xlsx, an OLE container is refused. */
export async function parseTabular(fileName: string, bytes: Buffer): Promise<TabularData> {
  if (bytes.length === 0) throw emptyFile();
  const kind = fileKind(fileName);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw olePackageError(bytes);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return parseXlsx(bytes);
  if (kind === 'xlsx') {
    throw new AppError('unsupported_file', 'Filen heter .xlsx men är ingen Excel-fil. Välj rätt fil eller spara den som .xlsx i Excel.');
  }
  return parseCsv(bytes);
}
