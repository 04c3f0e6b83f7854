// ECharts with the app's theme: tree-shaken, SVG (sharp on a projector and in PDF), resized with
// its container, and described in text for screen readers. With `save`, buttons under the chart
// save it as an image (SVG as drawn, PNG drawn from that SVG) and its numbers as an .xlsx file.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { withSwedishNumbers } from '../../db/shared/charts.ts';
import { call } from '../api.ts';
import { saveBlob, saveDownload } from './files.ts';
import { useFail, useStatus } from './Status.tsx';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  RadarChart,
  ScatterChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  // grid.containLabel (the självskattning heatmap keeps its long unit names inside the chart).
  LegacyGridContainLabel,
  SVGRenderer,
]);

/** ECharts measures text itself, so it needs a concrete font stack rather than 'inherit'. */
export const CHART_FONT = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";

/**
 * The axes with the chart's font on their labels. The SVG draws axis labels in textStyle's font,
 * but grid.containLabel measures them in their own, which without a family is the canvas default
 * ('sans-serif', narrower here and on Windows): the longest unit name then ran off the chart's left
 * edge ("divid- och familjeomsorg" on a projector).
 */
function withAxisLabelFont(option: EChartsCoreOption): EChartsCoreOption {
  const axes = (axis: unknown) =>
    (Array.isArray(axis) ? axis : [axis]).map((a: { axisLabel?: object }) => ({ ...a, axisLabel: { fontFamily: CHART_FONT, ...a.axisLabel } }));
  return {
    ...option,
    ...(option.xAxis ? { xAxis: axes(option.xAxis) } : {}),
    ...(option.yAxis ? { yAxis: axes(option.yAxis) } : {}),
  };
}

/** Colours with enough contrast on white and distinguishable in greyscale on a projector. */
export const CHART_COLORS = ['#1d4f91', '#e07b00', '#2e8540', '#8e3b9e', '#c0392b', '#5b6770', '#0a8ea0'];

/** The numbers behind a chart, as one sheet. */
export interface ChartTable {
  sheetName: string;
  columns: { header: string; width?: number }[];
  rows: (string | number | null)[][];
}

export interface ChartSave {
  /** File name without extension, e.g. "sjalvskattning-2026-heatmap". */
  fileName: string;
  table: ChartTable;
}

export interface ChartProps {
  option: EChartsCoreOption;
  description: string;
  height?: number;
  save?: ChartSave;
}

/** A PNG drawn from the chart's SVG at twice its size, on white (a transparent PNG is unreadable on dark slides). */
async function pngFromSvg(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function Chart({ option, description, height = 360, save }: ChartProps) {
  const { t } = useTranslation();
  const status = useStatus();
  const fail = useFail();
  const container = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = echarts.init(container.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        color: CHART_COLORS,
        textStyle: { fontFamily: CHART_FONT, fontSize: 13 },
        aria: { enabled: true, label: { description } },
        animationDuration: 300,
        ...withAxisLabelFont(withSwedishNumbers(option as EChartsOption)),
      },
      true,
    );
  }, [option, description]);

  const saveImage = async (kind: 'png' | 'svg') => {
    const instance = chart.current;
    if (!instance || !save) return;
    try {
      const svg = instance.renderToSVGString();
      const fileName = `${save.fileName}.${kind}`;
      saveBlob(kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await pngFromSvg(svg, instance.getWidth(), instance.getHeight()), fileName);
      status(t('chart.saved', { fileName }));
    } catch (error) {
      fail(error);
    }
  };

  const figure = <figure className="chart" aria-label={description} ref={container} style={{ height }} />;
  if (!save) return figure;
  return (
    <div className="chart-block">
      {figure}
      <div className="chart-actions" role="group" aria-label={t('chart.saveGroup', { description })}>
        <button type="button" onClick={() => void saveImage('png')}>
          {t('chart.png')}
        </button>
        <button type="button" onClick={() => void saveImage('svg')}>
          {t('chart.svg')}
        </button>
        <ExportRowsButton fileName={save.fileName} table={save.table} />
      </div>
    </div>
  );
}

/** Saves rows shown on the page (a chart's numbers, a table) as an .xlsx file. */
export function ExportRowsButton({ fileName, table }: ChartSave) {
  const { t } = useTranslation();
  const status = useStatus();
  const fail = useFail();
  const saveNumbers = async () => {
    try {
      const file = await call('exports.tableXlsx', { fileName, ...table });
      saveDownload(file);
      status(t('chart.saved', { fileName: file.fileName }));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <button type="button" onClick={() => void saveNumbers()}>
      {t('chart.xlsx')}
    </button>
  );
}
