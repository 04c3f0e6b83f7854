// Handlers for the tillsyn reports: the data (what the views show) and the same data drawn as
// PDF and Word. Data is read synchronously first; only the file rendering is awaited.
import { todayIso } from '../../shared/period.ts';
import { annualReportData, annualReportDocument } from '../../reports/annualReport.ts';
import { inspectionReportData, inspectionReportDocument } from '../../reports/inspectionReport.ts';
import { docxDownload, pdfDownload } from '../../io/renderers.ts';
import type { Handlers } from '../handle.ts';

type ReportHandlers = Pick<
  Handlers,
  'reports.inspection' | 'reports.inspectionPdf' | 'reports.inspectionDocx' | 'reports.annual' | 'reports.annualPdf' | 'reports.annualDocx'
>;

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
