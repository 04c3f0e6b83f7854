// Handler for exporting rows the page shows (a chart's numbers, a results table) to .xlsx.
import { exportXlsx } from '../../io/renderers.ts';
import type { Handlers } from '../handle.ts';

type ExportHandlers = Pick<Handlers, 'exports.tableXlsx'>;

export const exportHandlers: ExportHandlers = {
  'exports.tableXlsx': (_ctx, { fileName, sheetName, columns, rows }) =>
    exportXlsx({
      fileName: `${fileName}.xlsx`,
      sheetName,
      rows,
      columns: columns.map((c, i) => ({ header: c.header, width: c.width, value: (row: (string | number | null)[]) => row[i] ?? null })),
    }),
};
