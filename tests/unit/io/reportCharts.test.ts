// One chart description for screen and reports: the option builder against hand-computed series,
// and the same option drawn into a PDF (as vector text, Swedish letters intact) and a Word file
// (SVG with a PNG fallback).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/server.ts';
import { chartSvg, REPORT_CHART_WIDTH, svgToPng } from '../../../db/io/chartImage.ts';
import { renderDocx } from '../../../db/io/docx.ts';
import { renderPdf } from '../../../db/io/pdf.ts';
import type { ReportDocument } from '../../../db/io/reportDocument.ts';
import { requirementResultsChart, RESULT_COLORS, stackedCountsChart, type RequirementResults } from '../../../db/shared/charts.ts';

const LABELS = { uppfyllt: 'Uppfyllt', delvis_uppfyllt: 'Delvis uppfyllt', ej_uppfyllt: 'Ej uppfyllt' };

const ROWS: RequirementResults[] = [
  { code: 'K01', title: 'Självbestämmande', uppfyllt: 2, delvis_uppfyllt: 1, ej_uppfyllt: 0 },
  { code: 'K02', title: 'Bemanning', uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 0 },
  { code: 'K03', title: 'Trygghet och säkerhet', uppfyllt: 0, delvis_uppfyllt: 1, ej_uppfyllt: 3 },
  { code: 'K04', title: 'Åtgärder vid avvikelse', uppfyllt: 1, delvis_uppfyllt: 0, ej_uppfyllt: 0 },
  { code: 'K05', title: 'Kontinuitet', uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 2 },
];

type Bar = { name: string; stack: string; color: string; data: (number | { value: number; label: { show: boolean } })[] };

function seriesOf(rows: readonly RequirementResults[]) {
  const { option } = requirementResultsChart(rows, LABELS);
  return option.series as Bar[];
}

const valueOf = (d: Bar['data'][number]) => (typeof d === 'number' ? d : d.value);

function report(rows: readonly RequirementResults[]): ReportDocument {
  return {
    title: 'Diagramprov',
    fileName: 'Diagramprov',
    footer: 'Diagramprov',
    blocks: [
      { kind: 'title', text: 'Diagramprov' },
      { kind: 'chart', title: 'Bedömningar per kvalitetskrav', chart: requirementResultsChart(rows, LABELS), description: 'Staplar per kvalitetskrav.' },
    ],
  };
}

function write(name: string, bytes: Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = Buffer.from(png);
  expect(view.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
}

describe('the requirement results chart description', () => {
  it('stacks uppfyllt, delvis and ej per assessed requirement, first at the top, leaving out requirements without results', () => {
    const { option, height } = requirementResultsChart(ROWS, LABELS);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['K01 Självbestämmande', 'K03 Trygghet och säkerhet', 'K04 Åtgärder vid avvikelse', 'K05 Kontinuitet'] });
    const series = seriesOf(ROWS);
    expect(series.map((s) => [s.name, s.stack, s.color])).toEqual([
      ['Uppfyllt', 'results', RESULT_COLORS.uppfyllt],
      ['Delvis uppfyllt', 'results', RESULT_COLORS.delvis_uppfyllt],
      ['Ej uppfyllt', 'results', RESULT_COLORS.ej_uppfyllt],
    ]);
    expect(series.map((s) => s.data.map(valueOf))).toEqual([
      [2, 0, 1, 0],
      [1, 1, 0, 0],
      [0, 3, 0, 2],
    ]);
    // 70 px for legend and axis plus 28 px per bar, at least 160.
    expect(height).toBe(70 + 4 * 28);
    expect(requirementResultsChart(ROWS.slice(0, 1), LABELS).height).toBe(160);
  });

  it('hides the label of an empty segment and shows every other value', () => {
    const [uppfyllt] = seriesOf(ROWS);
    expect(uppfyllt!.data).toEqual([2, { value: 0, label: { show: false } }, 1, { value: 0, label: { show: false } }]);
  });
});

describe('the chart in reports', () => {
  it('renders server-side to an SVG with the category and series names', () => {
    const svg = chartSvg(requirementResultsChart(ROWS, LABELS));
    expect(svg).toMatch(new RegExp(`^<svg width="${REPORT_CHART_WIDTH}" height="182"`));
    for (const text of ['K01 Självbestämmande', 'K03 Trygghet och säkerhet', 'Delvis uppfyllt', 'Ej uppfyllt']) expect(svg).toContain(`>${text}</text>`);
    expect(svg).toContain('font-family:Helvetica, Arial, sans-serif');
  });

  it('draws the chart into the PDF as vectors whose text, å ä ö included, pdftotext reads', async () => {
    const file = write('diagram.pdf', await renderPdf(report(ROWS)));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // Axis labels, then the value axis 0–4, the bar labels, and the legend.
    expect(text).toContain('K01 Självbestämmande K03 Trygghet och säkerhet K04 Åtgärder vid avvikelse K05 Kontinuitet 0 1 2 3 4');
    expect(text).toContain('Uppfyllt Delvis uppfyllt Ej uppfyllt');
    // Vector drawing: no image in the file (a rasterised chart would be one).
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toContain('Helvetica');
  });

  it('puts the same SVG into the Word file with a PNG fallback at twice its size', async () => {
    const file = write('diagram.docx', await renderDocx(report(ROWS)));
    const media = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
      .split('\n')
      .filter((name) => name.startsWith('word/media/'));
    const svgName = media.find((m) => m.endsWith('.svg'));
    const pngName = media.find((m) => m.endsWith('.png'));
    expect(media).toHaveLength(2);
    const svg = execFileSync('unzip', ['-p', file, svgName!], { encoding: 'utf8' });
    // The same drawing as the PDF's; only the per-instance id in the hover class names differs.
    const instanceFree = (s: string) => s.replace(/zr\d+-cls-\d+/g, 'zr-cls');
    expect(instanceFree(svg)).toBe(instanceFree(chartSvg(requirementResultsChart(ROWS, LABELS))));
    const png = execFileSync('unzip', ['-p', file, pngName!]);
    expect(pngSize(png)).toEqual([2 * REPORT_CHART_WIDTH, 2 * 182]);
    const documentXml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(documentXml).toContain('svgBlip');
    expect(documentXml).toContain('descr="Staplar per kvalitetskrav."');
  });

  it('rasterises text with the bundled font, so the fallback is not a chart without words', async () => {
    const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"></svg>';
    const withText = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" style="font-size:14px;font-family:Helvetica, Arial, sans-serif">Åtgärd</text></svg>';
    const [blankPng, textPng] = [await svgToPng(blank, 1), await svgToPng(withText, 1)];
    expect(pngSize(textPng)).toEqual([120, 30]);
    expect(Buffer.from(textPng).equals(Buffer.from(blankPng))).toBe(false);
  });
});

describe('stackedCountsChart (synpunkter per verksamhetsområde)', () => {
  it('stacks the four kinds per group in the given order, first group at the top, zero segments unlabelled', () => {
    const series = [
      { key: 'klagomal', label: 'Klagomål', color: '#c0392b' },
      { key: 'berom', label: 'Beröm', color: '#2e8540' },
    ] as const;
    const { option, height } = stackedCountsChart(
      [
        { label: 'Hemtjänst', counts: { klagomal: 4, berom: 0 } },
        { label: 'Särskilt boende', counts: { klagomal: 1, berom: 3 } },
      ],
      series,
    );
    expect(height).toBe(160);
    expect((option.yAxis as { data: string[]; inverse: boolean })).toMatchObject({ data: ['Hemtjänst', 'Särskilt boende'], inverse: true });
    const bars = option.series as Bar[];
    expect(bars.map((s) => [s.name, s.stack, s.color])).toEqual([
      ['Klagomål', 'counts', '#c0392b'],
      ['Beröm', 'counts', '#2e8540'],
    ]);
    expect(bars.map((s) => s.data)).toEqual([[4, 1], [{ value: 0, label: { show: false } }, 3]]);
  });
});
