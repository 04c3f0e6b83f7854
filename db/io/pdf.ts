// Draws a ReportDocument as an A4 PDF with pdfkit and the standard Helvetica (WinAnsi covers
// å ä ö), so no font files are needed offline. Tables break across pages with their header repeated;
// charts are the screen's ECharts option drawn as vectors.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { DownloadFile } from '../api/fields.ts';
import { chartSvg, REPORT_CHART_WIDTH } from './chartImage.ts';
import type { ChartBlock, FactsBlock, ReportBlock, ReportDocument, TableBlock } from './reportDocument.ts';

export const PDF_MIME = 'application/pdf';

const MARGIN = 56;
const BODY_SIZE = 10;
const SMALL_SIZE = 8.5;
const INK = '#1f2933';
const MUTED = '#5b6770';
const RULE = '#c9d1d9';
const HEADER_FILL = '#e8eef6';
const EMPHASIS_FILL = '#fde8e8';
const ACCENT = '#1d4f91';

type Doc = PDFKit.PDFDocument;

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function drawTitle(doc: Doc, text: string, subtitle?: string): void {
  doc.font('Helvetica-Bold').fontSize(20).fillColor(ACCENT).text(text, { width: contentWidth(doc) });
  if (subtitle) doc.moveDown(0.2).font('Helvetica').fontSize(13).fillColor(INK).text(subtitle, { width: contentWidth(doc) });
  doc.moveDown(0.4);
  const x = doc.page.margins.left;
  doc.moveTo(x, doc.y).lineTo(x + contentWidth(doc), doc.y).lineWidth(1).strokeColor(ACCENT).stroke();
  doc.moveDown(0.8);
}

function drawHeading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor(ACCENT).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function drawParagraph(doc: Doc, text: string, muted = false): void {
  doc
    .font('Helvetica')
    .fontSize(muted ? SMALL_SIZE : BODY_SIZE)
    .fillColor(muted ? MUTED : INK)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown(0.5);
}

function drawFacts(doc: Doc, block: FactsBlock): void {
  const x = doc.page.margins.left;
  const labelWidth = 150;
  const valueWidth = contentWidth(doc) - labelWidth - 8;
  doc.fontSize(BODY_SIZE);
  for (const [label, value] of block.rows) {
    const height = Math.max(
      doc.font('Helvetica-Bold').heightOfString(label, { width: labelWidth }),
      doc.font('Helvetica').heightOfString(value || '–', { width: valueWidth }),
    );
    ensureSpace(doc, height + 4);
    const y = doc.y;
    doc.font('Helvetica-Bold').fillColor(INK).text(label, x, y, { width: labelWidth });
    doc.font('Helvetica').text(value || '–', x + labelWidth + 8, y, { width: valueWidth });
    doc.y = y + height + 4;
  }
  doc.x = x;
  doc.moveDown(0.5);
}

function drawTable(doc: Doc, block: TableBlock): void {
  const x0 = doc.page.margins.left;
  if (block.rows.length === 0) {
    drawParagraph(doc, block.emptyText ?? '–', true);
    return;
  }
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * contentWidth(doc));
  const pad = 4;
  const rowHeight = (cells: readonly string[], font: string) =>
    Math.max(...cells.map((cell, i) => doc.font(font).fontSize(SMALL_SIZE + 0.5).heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: readonly string[], font: string, fill: string | null) => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(x0, y, contentWidth(doc), height).fill(fill);
    let x = x0;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      doc
        .font(font)
        .fontSize(SMALL_SIZE + 0.5)
        .fillColor(INK)
        .text(cell, x + pad, y + pad, { width: width - 2 * pad, align: block.columns[i]?.align ?? 'left' });
      x += width;
    });
    doc.moveTo(x0, y + height).lineTo(x0 + contentWidth(doc), y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + height;
  };
  const header = block.columns.map((c) => c.header);
  ensureSpace(doc, rowHeight(header, 'Helvetica-Bold') + 30);
  drawRow(header, 'Helvetica-Bold', HEADER_FILL);
  block.rows.forEach((row, index) => {
    if (doc.y + rowHeight(row, 'Helvetica') > bottom(doc)) {
      doc.addPage();
      drawRow(header, 'Helvetica-Bold', HEADER_FILL);
    }
    drawRow(row, 'Helvetica', block.emphasisRows?.includes(index) ? EMPHASIS_FILL : null);
  });
  doc.x = x0;
  doc.moveDown(0.8);
}

/**
 * The chart's SVG (ECharts' server-side renderer) drawn as PDF vectors by svg-to-pdfkit: sharp at
 * any zoom, and its text is real text in Helvetica, so it can be searched and copied.
 */
function drawChart(doc: Doc, block: ChartBlock): void {
  const x0 = doc.page.margins.left;
  // Scaled to the text width, and down again if a very long chart would not fit on one page.
  const pageRoom = bottom(doc) - doc.page.margins.top - 24;
  const scale = Math.min(contentWidth(doc) / REPORT_CHART_WIDTH, pageRoom / block.chart.height);
  const width = REPORT_CHART_WIDTH * scale;
  const height = block.chart.height * scale;
  ensureSpace(doc, height + 24);
  doc.font('Helvetica-Bold').fontSize(BODY_SIZE).fillColor(INK).text(block.title, x0, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  const y = doc.y;
  SVGtoPDF(doc, chartSvg(block.chart), x0, y, {
    width,
    height,
    fontCallback: (_family, bold) => (bold ? 'Helvetica-Bold' : 'Helvetica'),
  });
  doc.x = x0;
  doc.y = y + height;
  doc.moveDown(0.8);
}

function drawBlock(doc: Doc, block: ReportBlock): void {
  switch (block.kind) {
    case 'title':
      return drawTitle(doc, block.text, block.subtitle);
    case 'heading':
      return drawHeading(doc, block.text);
    case 'paragraph':
      return drawParagraph(doc, block.text, block.muted);
    case 'facts':
      return drawFacts(doc, block);
    case 'table':
      return drawTable(doc, block);
    case 'chart':
      return drawChart(doc, block);
  }
}

function drawFooters(doc: Doc, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(`${footer} · Sida ${i + 1} av ${range.count}`, doc.page.margins.left, doc.page.height - MARGIN / 2 - 4, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}

export function renderPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: report.title, Creator: 'Kvalitetsnavet', Producer: 'Kvalitetsnavet' },
    lang: 'sv-SE',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of report.blocks) drawBlock(doc, block);
  drawFooters(doc, report.footer);
  doc.end();
  return done;
}

export async function pdfDownload(report: ReportDocument): Promise<DownloadFile> {
  const bytes = await renderPdf(report);
  return { fileName: `${report.fileName}.pdf`, mimeType: PDF_MIME, contentBase64: bytes.toString('base64') };
}
