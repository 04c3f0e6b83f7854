// A ready view in a PDF/Word pack (kvalitetsråd, analysverkstad protocol): the same presentation
// the screen draws (renderer/kit/ViewPanel.tsx), as report blocks – heading, the caption, a
// "Ögonblicksbild från …" line when frozen, the chart and the table.
import type { ViewPresentation } from '../views/types.ts';
import type { ReportBlock } from './reportDocument.ts';

export function viewBlocks(presentation: ViewPresentation, frozen?: { asOf: string }): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: presentation.title }];
  if (frozen) blocks.push({ kind: 'paragraph', text: `Ögonblicksbild från ${frozen.asOf}`, muted: true });
  blocks.push({ kind: 'paragraph', text: presentation.caption });
  if (presentation.chart) blocks.push({ kind: 'chart', title: presentation.title, chart: presentation.chart, description: presentation.description });
  const table = presentation.table;
  if (table) blocks.push({ kind: 'table', columns: table.columns, rows: table.rows, ...(table.emptyText ? { emptyText: table.emptyText } : {}) });
  return blocks;
}
