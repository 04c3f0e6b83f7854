// The one export path for spreadsheets. Every text cell passes neutralizeCell so a value such as
// "=HYPERLINK(...)" opens as text in Excel, never as a formula (OWASP ASVS 1.2.10, CWE-1236).
import ExcelJS from 'exceljs';
import type { DownloadFile } from '../api/fields.ts';

const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

export function neutralizeCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.includes(value[0] as string) ? `'${value}` : value;
}

export interface ExportColumn<R> {
  header: string;
  width?: number;
  value: (row: R) => string | number | null;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportXlsx<R>(options: {
  fileName: string;
  sheetName: string;
  columns: ExportColumn<R>[];
  rows: R[];
}): Promise<DownloadFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kvalitetsnavet';
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of options.rows) {
    sheet.addRow(
      options.columns.map((c) => {
        const value = c.value(row);
        return typeof value === 'string' ? neutralizeCell(value) : value;
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: options.columns.length } };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: options.fileName, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64') };
}
