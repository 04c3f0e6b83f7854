// Writes a ReportDocument as a Word file with the `docx` package: real headings, tables with a
// repeating header row, and charts as the screen's ECharts drawing: SVG with a PNG fallback.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DownloadFile } from '../api/fields.ts';
import { chartSvg, REPORT_CHART_WIDTH, svgToPng } from './chartImage.ts';
import type { ChartBlock, FactsBlock, ReportBlock, ReportDocument, TableBlock } from './reportDocument.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Calibri';
const HEADER_FILL = 'E8EEF6';
const EMPHASIS_FILL = 'FDE8E8';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'C9D1D9' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

type Child = Paragraph | Table;

function cell(text: string, options: { bold?: boolean; fill?: string; widthPct: number; align?: 'left' | 'right' }): TableCell {
  return new TableCell({
    width: { size: options.widthPct, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    // One paragraph per line, so line breaks in observations survive.
    children: (text || ' ').split('\n').map(
      (line) =>
        new Paragraph({
          alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, bold: options.bold ?? false, size: 18 })],
        }),
    ),
  });
}

function factsTable(block: FactsBlock): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: block.rows.map(
      ([label, value]) => new TableRow({ children: [cell(label, { bold: true, widthPct: 30 }), cell(value || '–', { widthPct: 70 })] }),
    ),
  });
}

function dataTable(block: TableBlock): Child {
  if (block.rows.length === 0) return new Paragraph({ children: [new TextRun({ text: block.emptyText ?? '–', italics: true })] });
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const pct = block.columns.map((c) => Math.round((c.width / total) * 100));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) => cell(c.header, { bold: true, fill: HEADER_FILL, widthPct: pct[i] ?? 10, align: c.align ?? 'left' })),
      }),
      ...block.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) =>
              cell(text, {
                widthPct: pct[i] ?? 10,
                align: block.columns[i]?.align ?? 'left',
                ...(block.emphasisRows?.includes(r) ? { fill: EMPHASIS_FILL } : {}),
              }),
            ),
          }),
      ),
    ],
  });
}

/** A chart drawn once before the document is built (rasterising the fallback is asynchronous). */
interface DrawnChart {
  svg: string;
  png: Uint8Array;
}

async function drawCharts(blocks: readonly ReportBlock[]): Promise<Map<ChartBlock, DrawnChart>> {
  const drawn = new Map<ChartBlock, DrawnChart>();
  for (const block of blocks) {
    if (block.kind !== 'chart') continue;
    const svg = chartSvg(block.chart);
    drawn.set(block, { svg, png: await svgToPng(svg) });
  }
  return drawn;
}

/** The same SVG as the PDF's, which Word 2016 and later draw; older readers show the PNG. */
function chartParagraphs(block: ChartBlock, drawn: DrawnChart): Paragraph[] {
  return [
    new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: block.title, bold: true })] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new ImageRun({
          type: 'svg',
          // A string would be read as base64.
          data: Buffer.from(drawn.svg, 'utf8'),
          fallback: { type: 'png', data: drawn.png },
          transformation: { width: REPORT_CHART_WIDTH, height: block.chart.height },
          altText: { name: block.title, title: block.title, description: block.description },
        }),
      ],
    }),
  ];
}

function toChildren(block: ReportBlock, charts: Map<ChartBlock, DrawnChart>): Child[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] }),
        ...(block.subtitle ? [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: block.subtitle, size: 28, color: '1F2933' })] })] : []),
      ];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return block.text.split('\n').map(
        (line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: line, ...(block.muted ? { color: '5B6770', size: 18 } : {}) })] }),
      );
    case 'facts':
      return [factsTable(block), new Paragraph('')];
    case 'table':
      return [dataTable(block), new Paragraph('')];
    case 'chart': {
      const drawn = charts.get(block);
      return drawn ? chartParagraphs(block, drawn) : [];
    }
  }
}

export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const charts = await drawCharts(report.blocks);
  const document = new Document({
    title: report.title,
    creator: 'Kvalitetsnavet',
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${report.footer} · Sida `, size: 16, color: '5B6770' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '5B6770' }),
                  new TextRun({ text: ' av ', size: 16, color: '5B6770' }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '5B6770' }),
                ],
              }),
            ],
          }),
        },
        children: report.blocks.flatMap((block) => toChildren(block, charts)),
      },
    ],
  });
  return Packer.toBuffer(document);
}

export async function docxDownload(report: ReportDocument): Promise<DownloadFile> {
  const bytes = await renderDocx(report);
  return { fileName: `${report.fileName}.docx`, mimeType: DOCX_MIME, contentBase64: bytes.toString('base64') };
}
