// Handlers for ready views: the list, a view run live, taking a snapshot and reading one back.
// The work is in db/views/registry.ts, db/queries/snapshots.ts and db/writes/snapshots.ts.
import { AppError } from '../../errors.ts';
import { todayIso } from '../../shared/period.ts';
import { stamp } from '../../writes/stamp.ts';
import { takeSnapshot } from '../../writes/snapshots.ts';
import { readSnapshot, runLiveView } from '../../queries/snapshots.ts';
import { VIEWS, viewParamFields } from '../../views/registry.ts';
import type { Handlers } from '../handle.ts';

type ViewHandlers = Pick<Handlers, 'views.list' | 'views.run' | 'views.takeSnapshot' | 'views.snapshot'>;

export const viewHandlers: ViewHandlers = {
  'views.list': () => VIEWS.map((v) => ({ name: v.name, label: v.label, version: v.version, params: viewParamFields(v) })),

  'views.run': (ctx, input) => runLiveView(ctx.session.db, input, todayIso()),

  'views.takeSnapshot': (ctx, { asOf, ...request }) => {
    const today = todayIso();
    if (asOf !== undefined && asOf > today) {
      throw new AppError('invalid_input', 'En ögonblicksbild kan inte gälla ett datum efter i dag.', '', [{ field: 'asOf', message: 'Datumet är efter i dag.' }]);
    }
    const taken = takeSnapshot(ctx.session.db, { ...request, asOf: asOf ?? today }, stamp(ctx).updatedBy);
    return { id: taken.id, asOf: asOf ?? today, takenAt: taken.takenAt, rowCount: taken.rowCount };
  },

  'views.snapshot': (ctx, { id, previousSnapshotId }) => readSnapshot(ctx.session.db, id, previousSnapshotId),
};
