// The file renderers (exceljs, pdfkit, docx, ECharts and resvg behind them) as the handlers call
// them: each library is loaded at the first file asked for, never at start, so the server and the
// CLI stay small (issue 19: these libraries are most of a from-source server's memory).
// Handlers import the renderers from here, not from their modules.
import type { DownloadFile } from '../api/fields.ts';
import type { ReadDb } from '../queries/selfAssessment.ts';
import type { ReportDocument } from './reportDocument.ts';
import type { ExportColumn } from './xlsxExport.ts';

export async function pdfDownload(report: ReportDocument): Promise<DownloadFile> {
  return (await import('./pdf.ts')).pdfDownload(report);
}

export async function docxDownload(report: ReportDocument): Promise<DownloadFile> {
  return (await import('./docx.ts')).docxDownload(report);
}

export async function exportXlsx<R>(options: { fileName: string; sheetName: string; columns: ExportColumn<R>[]; rows: R[] }): Promise<DownloadFile> {
  return (await import('./xlsxExport.ts')).exportXlsx(options);
}

export async function exportAnswerForms(db: ReadDb, year: number, unitIds: readonly string[]): Promise<DownloadFile> {
  return (await import('./selfAssessmentForms.ts')).exportAnswerForms(db, year, unitIds);
}
