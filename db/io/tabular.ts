// Reads an uploaded spreadsheet (.xlsx or .csv) into a header row and data rows of plain values.
// Every importer goes through here, so limits and format quirks are handled in one place.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../api/errors.ts';

export type CellValue = string | number | boolean | Date | null;

export interface TabularData {
  headers: string[];
  /** Data rows; `rowNumber` is the row as the user sees it in Excel (header = row 1). */
  rows: { rowNumber: number; cells: CellValue[] }[];
}

export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
};

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export function fileKind(fileName: string): 'xlsx' | 'csv' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
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

function parseCsv(bytes: Buffer): TabularData {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw new AppError('unsupported_file', 'Filen är ingen textfil (CSV). Spara den som CSV eller .xlsx och försök igen.');
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: '',
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  const [header, ...body] = parsed.data;
  if (!header) throw new AppError('invalid_input', 'Filen är tom.');
  return {
    headers: header.map((h) => h.trim()),
    rows: body.map((cells, index) => ({ rowNumber: index + 2, cells: cells.map((c) => c.trim()) })),
  };
}

function excelCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // Formulas: only the value Excel last calculated is imported, never the formula itself.
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null || typeof result === 'object') return null;
    return result as string | number | boolean;
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return null;
  return null;
}

async function parseXlsx(bytes: Buffer): Promise<TabularData> {
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new AppError(
      'unsupported_file',
      'Filen är lösenordsskyddad eller i det gamla .xls-formatet. Ta bort skyddet och spara som .xlsx.',
    );
  }
  if (!bytes.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError('unsupported_file', 'Filen är ingen giltig .xlsx-fil.');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_file', 'Filen kunde inte läsas som en Excel-fil (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new AppError('invalid_input', 'Filen är tom.');
  if (sheet.rowCount > IMPORT_LIMITS.maxRows + 1) {
    throw new AppError('too_large', `Filen har för många rader (högst ${IMPORT_LIMITS.maxRows}).`);
  }
  const width = Math.min(sheet.columnCount, IMPORT_LIMITS.maxColumns);
  const readRow = (rowNumber: number): CellValue[] => {
    const row = sheet.getRow(rowNumber);
    const cells: CellValue[] = [];
    for (let col = 1; col <= width; col++) {
      const value = excelCellValue(row.getCell(col).value);
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
  return { headers: headerCells.map((c) => (c === null ? '' : String(c).trim())), rows };
}

export async function readTabularFile(fileName: string, bytes: Buffer): Promise<TabularData> {
  if (bytes.length === 0) throw new AppError('invalid_input', 'Filen är tom.');
  if (bytes.length > IMPORT_LIMITS.maxBytes) {
    throw new AppError('too_large', 'Filen är för stor (högst 20 MB).');
  }
  const data = fileKind(fileName) === 'xlsx' ? await parseXlsx(bytes) : parseCsv(bytes);
  if (data.rows.length > IMPORT_LIMITS.maxRows) {
    throw new AppError('too_large', `Filen har för många rader (högst ${IMPORT_LIMITS.maxRows}).`);
  }
  return data;
}
