// A report as a list of neutral blocks (title, heading, paragraph, facts, table, chart). Each
// report is written once as blocks; pdf.ts and docx.ts draw the same blocks, so the two files agree.
import type { ChartSpec } from '../shared/charts.ts';

export interface TitleBlock {
  kind: 'title';
  text: string;
  subtitle?: string;
}

export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** Smaller grey text, for notes and explanations. */
  muted?: boolean;
}

/** Label–value pairs, e.g. Enhet: Solgården. */
export interface FactsBlock {
  kind: 'facts';
  rows: readonly (readonly [label: string, value: string])[];
}

export interface TableColumn {
  header: string;
  /** Relative width; the widths of a table are scaled to the page. */
  width: number;
  align?: 'left' | 'right';
}

export interface TableBlock {
  kind: 'table';
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  /** Rows to emphasise (e.g. overdue actions), by index. */
  emphasisRows?: readonly number[];
  /** Shown instead of an empty table. */
  emptyText?: string;
}

/**
 * A chart from a shared chart description (db/shared/charts.ts): the same ECharts option the
 * screen draws, rendered server-side to SVG (db/io/chartImage.ts).
 */
export interface ChartBlock {
  kind: 'chart';
  title: string;
  chart: ChartSpec;
  /** Alternative text in the Word file, for screen readers. */
  description: string;
}

export type ReportBlock = TitleBlock | HeadingBlock | ParagraphBlock | FactsBlock | TableBlock | ChartBlock;

export interface ReportDocument {
  /** Document title in the file's metadata. */
  title: string;
  /** Base of the file name, without extension. */
  fileName: string;
  /** Printed at the foot of every page with the page number. */
  footer: string;
  blocks: readonly ReportBlock[];
}

/** A file name without characters Windows or macOS refuse; Swedish letters are kept. */
export function safeFileName(name: string): string {
  return [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}
