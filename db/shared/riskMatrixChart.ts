// The risk matrix of seed 003 §6 as one chart description, for the Risker page, the view
// risks.matrix (analysverkstad, kvalitetsråd) and the PDF/Word protocols: severity columns
// Katastrofal → Mindre, probability rows Mycket stor → Mycket liten, the value printed in every
// cell, the band as fill (light green, mid yellow, dark red: told apart by lightness too, so it
// reads in greyscale and for colour-blind readers, with a legend naming the ranges), and the
// risks as numbered markers. A re-assessed risk that moved shows its "before" number in a dashed
// box and an arrow to where it is now. A cell with more risks than fit in one marker (a whole
// förvaltning's register) shows their count instead, its tooltip names the first few, and more
// distinct moves than a reader can follow are left without arrows.
//
// The cells (value and band) come from db/domain/riskMatrix.ts through the caller, so the rule
// lives in one place; this file only draws.
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from './charts.ts';

export type MatrixBand = 'gron' | 'gul' | 'rod';

export interface MatrixCell {
  probability: number;
  severity: number;
  value: number;
  band: MatrixBand;
}

export interface MatrixPosition {
  probability: number;
  severity: number;
}

export interface MatrixRisk {
  number: number;
  /** Shown in the tooltip: "3. Fall vid förflyttning …". */
  description: string;
  /** The first assessment; null when the risk is not assessed (not drawn). */
  before: MatrixPosition | null;
  /** The latest re-assessment, or null when there is none. */
  after: MatrixPosition | null;
}

export interface RiskMatrixLabels {
  /** 'Mycket liten', 'Liten', 'Stor', 'Mycket stor' (level 1–4). */
  probability: readonly string[];
  /** 'Mindre', 'Måttlig', 'Betydande', 'Katastrofal' (level 1–4). */
  severity: readonly string[];
  probabilityAxis: string;
  severityAxis: string;
  bands: Record<MatrixBand, string>;
  current: string;
  before: string;
  /** "14 risker": a cell's marker when its numbers would not fit. */
  riskCount: (count: number) => string;
  /** "… och 9 till": the end of a long tooltip. */
  moreRisks: (count: number) => string;
}

/** Fill, text colour and range of each band; lightness falls from green to red. */
export const RISK_BAND_STYLE: Record<MatrixBand, { fill: string; text: string }> = {
  gron: { fill: '#d3ecc9', text: '#1a1a1a' },
  gul: { fill: '#e9b93a', text: '#1a1a1a' },
  rod: { fill: '#a8201a', text: '#ffffff' },
};

const LEVELS = [4, 3, 2, 1] as const;
const column = (severity: number) => 4 - severity;
const row = (probability: number) => 4 - probability;
const cellKey = (p: MatrixPosition) => `${p.probability}:${p.severity}`;

function bandRange(cells: readonly MatrixCell[], band: MatrixBand): string {
  const values = cells.filter((c) => c.band === band).map((c) => c.value);
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

interface MarkerGroup {
  position: MatrixPosition;
  numbers: number[];
  descriptions: string[];
}

function groupByCell(items: readonly { position: MatrixPosition; risk: MatrixRisk }[]): MarkerGroup[] {
  const groups = new Map<string, MarkerGroup>();
  for (const { position, risk } of items) {
    const key = cellKey(position);
    const group = groups.get(key) ?? { position, numbers: [], descriptions: [] };
    group.numbers.push(risk.number);
    group.descriptions.push(`${risk.number}. ${risk.description}`);
    groups.set(key, group);
  }
  for (const g of groups.values()) g.numbers.sort((a, b) => a - b);
  return [...groups.values()];
}

/** Numbers one marker lists (within a cell also on a projector slide at 1366 px); more are counted. */
const MAX_NUMBERS_IN_MARKER = 4;
/** Distinct moves drawn as arrows; with more, none are drawn. */
const MAX_ARROWS = 8;
/** Risks a marker's tooltip describes before it says how many more there are. */
const MAX_TOOLTIP_LINES = 10;

/** Width of a marker box holding the numbers, e.g. "1 4 12". */
function markerSize(text: string): [number, number] {
  return [Math.max(22, 10 + text.length * 8), 20];
}

export function riskMatrixChart(input: { cells: readonly MatrixCell[]; risks: readonly MatrixRisk[] }, labels: RiskMatrixLabels): ChartSpec {
  const where = (p: MatrixPosition) => [column(p.severity), row(p.probability)];
  const current = groupByCell(
    input.risks.flatMap((risk) => {
      const position = risk.after ?? risk.before;
      return position ? [{ position, risk }] : [];
    }),
  );
  const moved = input.risks.filter((r): r is MatrixRisk & { before: MatrixPosition; after: MatrixPosition } =>
    Boolean(r.before && r.after && cellKey(r.before) !== cellKey(r.after)),
  );
  const before = groupByCell(moved.map((risk) => ({ position: risk.before, risk })));
  // One arrow per pair of cells, however many risks made the same move; past a few they cross
  // into a tangle, and the dashed "before" markers with the caption say it better.
  const arrow = (r: { before: MatrixPosition; after: MatrixPosition }): [{ coord: number[] }, { coord: number[] }] => [{ coord: where(r.before) }, { coord: where(r.after) }];
  const moves = [...new Map(moved.map((r) => [`${cellKey(r.before)}>${cellKey(r.after)}`, arrow(r)])).values()];
  const arrows = moves.length <= MAX_ARROWS ? moves : [];
  const markers = (groups: MarkerGroup[], dashed: boolean) =>
    groups.map((g) => {
      const text = g.numbers.length > MAX_NUMBERS_IN_MARKER ? labels.riskCount(g.numbers.length) : g.numbers.join(' ');
      const described = g.descriptions.slice(0, MAX_TOOLTIP_LINES);
      if (g.descriptions.length > described.length) described.push(labels.moreRisks(g.descriptions.length - described.length));
      return {
        value: where(g.position),
        name: described.join('\n'),
        symbolSize: markerSize(dashed ? `(${text})` : text),
        label: { formatter: dashed ? `(${text})` : text },
      };
    });

  const option: EChartsOption = {
    tooltip: { trigger: 'item', formatter: (p) => (Array.isArray(p) ? '' : (p.name ?? '').replace(/\n/g, '<br>')) },
    // Room left of the row labels for the rotated axis name, also when the projector scales the gap.
    grid: { left: 56, right: 12, top: 56, bottom: 70, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: LEVELS.map((s) => `${labels.severity[s - 1]} (${s})`),
      name: labels.severityAxis,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { fontWeight: 'bold' },
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0 },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: LEVELS.map((p) => `${labels.probability[p - 1]} (${p})`),
      name: labels.probabilityAxis,
      nameLocation: 'middle',
      nameGap: 128,
      nameTextStyle: { fontWeight: 'bold' },
      axisTick: { show: false },
      axisLine: { show: false },
      // Room for "Mycket liten (1)" on one line, also in the projector's larger type.
      axisLabel: { interval: 0, width: 120, overflow: 'break' },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      seriesIndex: 0,
      orient: 'horizontal',
      left: 'center',
      bottom: 34,
      itemWidth: 22,
      itemHeight: 14,
      selectedMode: false,
      pieces: (['gron', 'gul', 'rod'] as const).map((band) => {
        const values = input.cells.filter((c) => c.band === band).map((c) => c.value);
        return {
          min: Math.min(...values),
          max: Math.max(...values),
          label: `${labels.bands[band]} ${bandRange(input.cells, band)}`,
          color: RISK_BAND_STYLE[band].fill,
        };
      }),
    },
    legend: { bottom: 4, left: 'center', selectedMode: false, data: [labels.current, ...(before.length ? [labels.before] : [])] },
    series: [
      {
        type: 'heatmap',
        silent: true,
        data: input.cells.map((c) => ({
          value: [column(c.severity), row(c.probability), c.value],
          label: { color: RISK_BAND_STYLE[c.band].text, formatter: String(c.value) },
        })),
        label: { show: true, position: 'insideTopLeft', fontSize: 15, fontWeight: 'bold', padding: [6, 8] },
        itemStyle: { borderColor: '#ffffff', borderWidth: 3 },
      },
      {
        type: 'scatter',
        name: labels.current,
        symbol: 'roundRect',
        symbolOffset: [0, 12],
        itemStyle: { color: '#ffffff', opacity: 1, borderColor: '#1a1a1a', borderWidth: 2 },
        label: { show: true, position: 'inside', color: '#1a1a1a', fontWeight: 'bold', fontSize: 12 },
        data: markers(current, false),
        // Above the arrows, so a number is never crossed out.
        z: 4,
      },
      {
        type: 'scatter',
        name: labels.before,
        symbol: 'roundRect',
        symbolOffset: [0, -12],
        itemStyle: { color: '#ffffff', opacity: 1, borderColor: '#555555', borderWidth: 1.5, borderType: 'dashed' },
        label: { show: true, position: 'inside', color: '#333333', fontSize: 12 },
        data: markers(before, true),
        markLine: arrows.length
          ? {
              silent: true,
              symbol: ['none', 'arrow'],
              symbolSize: 10,
              label: { show: false },
              lineStyle: { color: '#1a1a1a', type: 'dashed', width: 1.5 },
              data: arrows,
            }
          : undefined,
        z: 3,
      },
    ],
  };
  return { option, height: 460 };
}
