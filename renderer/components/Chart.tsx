// ECharts with the app's theme: tree-shaken, SVG (sharp on a projector and in PDF), resized with
// its container, and described in text for screen readers.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, AriaComponent, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** Colours with enough contrast on white and distinguishable in greyscale on a projector. */
/** ECharts measures text itself, so it needs a concrete font stack rather than 'inherit'. */
export const CHART_FONT = "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";

export const CHART_COLORS = ['#1d4f91', '#e07b00', '#2e8540', '#8e3b9e', '#c0392b', '#5b6770', '#0a8ea0'];

export interface ChartProps {
  option: EChartsCoreOption;
  description: string;
  height?: number;
}

export function Chart({ option, description, height = 360 }: ChartProps) {
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
        ...option,
      },
      true,
    );
  }, [option, description]);

  return <figure className="chart" aria-label={description} ref={container} style={{ height }} />;
}
