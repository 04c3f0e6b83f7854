// Handlers for the tillsyn reports: the data (what the views show) and the same data drawn as
// PDF and Word. Data is read synchronously first; only the file rendering is awaited.
import { todayIso } from '../../shared/period.ts';
import { annualReportData, annualReportDocument } from '../../reports/annualReport.ts';
import { inspectionReportData, inspectionReportDocument } from '../../reports/inspectionReport.ts';
import type { Handlers } from '../handle.ts';
import type { DownloadFile } from '../fields.ts';
import type { ReportDocument } from '../../io/reportDocument.ts';

type ReportHandlers = Pick<
  Handlers,
  'reports.inspection' | 'reports.inspectionPdf' | 'reports.inspectionDocx' | 'reports.annual' | 'reports.annualPdf' | 'reports.annualDocx'
>;

// pdfkit, docx, ECharts and resvg are loaded at the first file asked for, not at start (server memory, issue 19).
export async function pdfDownload(report: ReportDocument): Promise<DownloadFile> {
  return (await import('../../io/pdf.ts')).pdfDownload(report);
}

export async function docxDownload(report: ReportDocument): Promise<DownloadFile> {
  return (await import('../../io/docx.ts')).docxDownload(report);
}

export const reportHandlers: ReportHandlers = {
  'reports.inspection': (ctx, { inspectionId }) => inspectionReportData(ctx.session.db, inspectionId, todayIso()),
  'reports.inspectionPdf': (ctx, { inspectionId }) =>
    pdfDownload(inspectionReportDocument(inspectionReportData(ctx.session.db, inspectionId, todayIso()))),
  'reports.inspectionDocx': (ctx, { inspectionId }) =>
    docxDownload(inspectionReportDocument(inspectionReportData(ctx.session.db, inspectionId, todayIso()))),
  'reports.annual': (ctx, { year }) => annualReportData(ctx.session.db, year, todayIso()),
  'reports.annualPdf': (ctx, { year }) => pdfDownload(annualReportDocument(annualReportData(ctx.session.db, year, todayIso()))),
  'reports.annualDocx': (ctx, { year }) => docxDownload(annualReportDocument(annualReportData(ctx.session.db, year, todayIso()))),
};
