// Larger text for a chart on a projector slide: every font size in the option (and the margins
// and label widths laid out for them) scaled by one factor, and the text containers that use
// ECharts' 12 px default given a size, so axis labels, legends and data labels read from the back
// of a meeting room. Pure: the builder's option is copied, never changed.
type Json = unknown;

const SCALED_KEYS = new Set(['fontSize', 'lineHeight', 'width', 'left', 'right', 'top', 'bottom', 'itemWidth', 'itemHeight', 'symbolSize', 'nameGap']);
/** Objects that draw text; a missing fontSize means ECharts' default of 12 px. */
const TEXT_KEYS = new Set(['axisLabel', 'label', 'textStyle', 'nameTextStyle', 'axisName']);
const BASE_FONT_SIZE = 12;

function scale(value: Json, factor: number, key: string | null): Json {
  if (Array.isArray(value)) return value.map((v) => scale(v, factor, key));
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'number' || key === null || !SCALED_KEYS.has(key)) return value;
    // Smaller text keeps the builder's margins and label widths: long names still fit beside the chart.
    return Math.round(value * (key === 'fontSize' || key === 'lineHeight' ? factor : Math.max(1, factor)));
  }
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    // Series data and category lists are values, not layout; but a marker sized for its label
    // (the risk matrix's numbered boxes) grows with the label's text.
    out[k] = k === 'data' && key !== 'legend' ? markersScaled(v, factor) : scale(v, factor, k);
  }
  if (key !== null && TEXT_KEYS.has(key) && out.fontSize === undefined) out.fontSize = Math.round(BASE_FONT_SIZE * factor);
  return out;
}

function markersScaled(data: Json, factor: number): Json {
  if (!Array.isArray(data)) return data;
  return data.map((item: Json) =>
    item && typeof item === 'object' && !Array.isArray(item) && 'symbolSize' in item
      ? { ...item, symbolSize: scale((item as Record<string, Json>).symbolSize, factor, 'symbolSize') }
      : item,
  );
}

/** The largest category count on a category axis (rows of a heatmap, bars of a bar chart). */
function categoryCount(option: Record<string, Json>): number {
  let most = 0;
  for (const key of ['xAxis', 'yAxis']) {
    const axes = option[key];
    for (const axis of Array.isArray(axes) ? axes : [axes]) {
      const data = axis && typeof axis === 'object' ? (axis as Record<string, Json>).data : undefined;
      if (Array.isArray(data)) most = Math.max(most, data.length);
    }
  }
  return most;
}

/**
 * Scales the text by `factor`, less when a category axis has more rows than the slide's height
 * holds at that size (each row needs about 1.3 lines of text), so labels never overlap; never
 * below 0.7 of the screen's size.
 */
export function projectorOption<T extends object>(option: T, factor: number, height = Infinity): T {
  const rows = categoryCount(option as Record<string, Json>);
  const fitting = rows > 0 ? (height * 0.8) / rows / (BASE_FONT_SIZE * 1.3) : factor;
  return scaledOption(option, Math.max(0.7, Math.min(factor, fitting)));
}

function scaledOption<T extends object>(option: T, factor: number): T {
  const scaled = scale(option, factor, null) as Record<string, Json>;
  for (const key of ['xAxis', 'yAxis', 'radar']) {
    const axes = scaled[key];
    if (axes === undefined) continue;
    const list = Array.isArray(axes) ? axes : [axes];
    const withLabels = list.map((axis: Json) =>
      axis && typeof axis === 'object' ? { ...(axis as Record<string, Json>), ...ensureText(axis as Record<string, Json>, key === 'radar' ? 'axisName' : 'axisLabel', factor) } : axis,
    );
    scaled[key] = Array.isArray(axes) ? withLabels : withLabels[0];
  }
  // The legend and the visual map's pieces (the risk matrix's bands) read like axis labels.
  for (const key of ['legend', 'visualMap']) {
    const part = scaled[key];
    if (part && typeof part === 'object' && !Array.isArray(part)) {
      scaled[key] = { ...(part as Record<string, Json>), ...ensureText(part as Record<string, Json>, 'textStyle', factor) };
    }
  }
  return scaled as T;
}

function ensureText(parent: Record<string, Json>, key: string, factor: number): Record<string, Json> {
  const current = parent[key];
  if (current && typeof current === 'object') return {};
  return { [key]: { fontSize: Math.round(BASE_FONT_SIZE * factor) } };
}
