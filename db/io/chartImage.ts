// A chart description (db/shared/charts.ts) drawn for reports: ECharts' server-side SVG renderer
// (no DOM, no canvas) gives the SVG; pdf.ts draws that SVG as vectors, and docx.ts embeds it with
// a PNG fallback rasterised here by resvg (WebAssembly: no native binary, nothing downloaded).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { withSwedishNumbers, type ChartSpec } from '../shared/charts.ts';

// What the screen registers (renderer/components/Chart.tsx) except tooltip and aria, which need a pointer or a DOM.
// Heatmap, radar and the visual map too (and containLabel, which the heatmap's grid uses): ready views (db/views/) put the självskattning charts into the packs;
// scatter and mark lines draw the risk matrix (db/shared/riskMatrixChart.ts).
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  RadarChart,
  ScatterChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  VisualMapComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

/**
 * Drawn at this width in CSS pixels and scaled onto the page: 640 px is the text width of an A4
 * page with the reports' margins (at 96 dpi in Word, 483 pt in the PDF), so 12 px text prints at 9 pt.
 */
export const REPORT_CHART_WIDTH = 640;

/**
 * Helvetica in the PDF (a standard font, WinAnsi covers å ä ö), Arial in Word's SVG drawing,
 * DejaVu Sans Condensed (about Helvetica's widths) in the PNG fallback. ECharts lays text out with
 * its built-in Helvetica-like width table, so labels fit in all three.
 */
export const REPORT_CHART_FONT = 'Helvetica, Arial, sans-serif';

/** The chart as an SVG document, in the report theme. */
export function chartSvg(spec: ChartSpec, width = REPORT_CHART_WIDTH): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: spec.height });
  try {
    // Paper has no pointer: the screen's tooltip is left out rather than registered.
    const { tooltip: _tooltip, ...option } = withSwedishNumbers(spec.option);
    chart.setOption({ textStyle: { fontFamily: REPORT_CHART_FONT, fontSize: 12 }, ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const require = createRequire(import.meta.url);
let ready: Promise<Uint8Array> | null = null;

/** Loads the WebAssembly module and the fallback font once per process, from node_modules (also inside app.asar). */
function rasteriser(): Promise<Uint8Array> {
  ready ??= (async () => {
    await initWasm(fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return new Uint8Array(fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf')));
  })();
  return ready;
}

/** The SVG as a PNG at `zoom` times its size, on white (Word shows transparency as black in some versions). */
export async function svgToPng(svg: string, zoom = 2): Promise<Uint8Array> {
  const font = await rasteriser();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: { fontBuffers: [font], defaultFontFamily: 'DejaVu Sans Condensed', sansSerifFamily: 'DejaVu Sans Condensed' },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
