// The action register as a ready view: open and overdue actions per source, from the register's
// own query (db/queries/actions.ts) with its overdue rule (db/domain/overdue.ts, counted by its SQL twin).
import { z } from 'zod';
import { ACTION_SOURCES } from '../domain/codes.ts';
import { openActionCountsBySource } from '../queries/actions.ts';
import { ACTION_SOURCE_LABELS } from '../reports/labels.ts';
import { RESULT_COLORS, stackedCountsChart } from '../shared/charts.ts';
import { changeSince, countLabel, signedCount } from './caption.ts';
import { scopeFilter } from './scope.ts';
import type { ViewDefinition } from './types.ts';

const bySourceParams = z.strictObject({});
const bySourceRow = z.strictObject({
  source: z.enum(ACTION_SOURCES),
  /** Not closed (any status before 'stängd'). */
  open: z.number().int().min(0),
  /** Of the open, overdue on the view's date. */
  overdue: z.number().int().min(0),
});
type BySourceRow = z.infer<typeof bySourceRow>;

const totals = (rows: readonly BySourceRow[]) => ({
  open: rows.reduce((sum, r) => sum + r.open, 0),
  overdue: rows.reduce((sum, r) => sum + r.overdue, 0),
});

const actionsWord = (n: number) => (n === 1 ? 'öppen åtgärd' : 'öppna åtgärder');

export const actionsBySourceView: ViewDefinition<typeof bySourceParams, typeof bySourceRow> = {
  name: 'actions.bySource',
  version: 1,
  label: 'Åtgärder – öppna och försenade per källa',
  params: bySourceParams,
  row: bySourceRow,

  run(db, _params, scope, asOf) {
    return openActionCountsBySource(db, scopeFilter(scope), asOf);
  },

  present(rows, { asOf, scopeLabel, previous }) {
    const title = `Åtgärder per källa ${asOf}, ${scopeLabel}`;
    const now = totals(rows);
    const table = {
      columns: [
        { header: 'Källa', width: 3 },
        { header: 'Öppna', width: 1.5, align: 'right' as const },
        { header: 'Varav försenade', width: 1.5, align: 'right' as const },
      ],
      rows: [
        ...rows.map((r) => [ACTION_SOURCE_LABELS[r.source], countLabel(r.open), countLabel(r.overdue)]),
        ...(rows.length > 1 ? [['Totalt', countLabel(now.open), countLabel(now.overdue)]] : []),
      ],
      emptyText: 'Inga öppna åtgärder.',
    };
    const before = previous ? totals(previous.rows) : null;
    const change = before === null ? null : `${signedCount(now.open - before.open)} öppna och ${signedCount(now.overdue - before.overdue)} försenade`;
    if (rows.length === 0) {
      return { title, caption: `Inga öppna åtgärder för ${scopeLabel}${changeSince(change, previous?.asOf)}.`, table, description: table.emptyText };
    }
    const caption = `${scopeLabel}: ${countLabel(now.open)} ${actionsWord(now.open)}, varav ${countLabel(now.overdue)} försenade${changeSince(change, previous?.asOf)}.`;
    return {
      title,
      caption,
      chart: stackedCountsChart(
        rows.map((r) => ({ label: ACTION_SOURCE_LABELS[r.source], counts: { overdue: r.overdue, onTime: r.open - r.overdue } })),
        [
          { key: 'overdue', label: 'Försenade', color: RESULT_COLORS.ej_uppfyllt },
          { key: 'onTime', label: 'Öppna, inte försenade', color: '#2f6db5' },
        ],
        'actions',
      ),
      table,
      description: `Staplat stapeldiagram: öppna åtgärder per källa ${asOf}, försenade och inte försenade.`,
    };
  },
};
