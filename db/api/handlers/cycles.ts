// Handlers for three-year tillsyn cycles (tillsynscykler): list with counts, create, delete-or-refuse.
import { eq } from 'drizzle-orm';
import { inspectionCycles } from '../../schema/inspections.ts';
import { CYCLE_LENGTH_YEARS, cycleName } from '../../shared/period.ts';
import { AppError } from '../../errors.ts';
import { getCycle, listCycles } from '../../queries/cycles.ts';
import { stamp } from '../../writes/stamp.ts';
import type { Handlers } from '../handle.ts';

type CycleHandlers = Pick<Handlers, 'cycles.list' | 'cycles.create' | 'cycles.delete'>;

export const cycleHandlers: CycleHandlers = {
  'cycles.list': (ctx) => listCycles(ctx.session.db),

  'cycles.create': (ctx, { startYear }) => {
    const db = ctx.session.db;
    // Cycles follow each other: every unit is inspected once per three-year period, so two
    // cycles may not share a year.
    const overlapping = listCycles(db).find((c) => Math.abs(c.startYear - startYear) < CYCLE_LENGTH_YEARS);
    if (overlapping) {
      const message =
        overlapping.startYear === startYear
          ? `Tillsynscykeln ${overlapping.name} finns redan.`
          : `En ny cykel ${cycleName(startYear)} skulle överlappa tillsynscykeln ${overlapping.name}. Cyklerna följer på varandra, t.ex. ${cycleName(overlapping.startYear + CYCLE_LENGTH_YEARS)}.`;
      throw new AppError('conflict', message, '', [{ field: 'startYear', message }]);
    }
    const row = db.orm
      .insert(inspectionCycles)
      .values({ startYear, name: cycleName(startYear), updatedBy: stamp(ctx).updatedBy })
      .returning({ id: inspectionCycles.id })
      .get();
    return getCycle(db, row.id);
  },

  'cycles.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    const cycle = getCycle(db, id);
    if (cycle.planEntryCount > 0) {
      throw new AppError(
        'referenced',
        `Tillsynscykeln ${cycle.name} har ${cycle.planEntryCount} planerade tillsyner och kan inte tas bort. Ta bort planeringen först.`,
      );
    }
    db.orm.delete(inspectionCycles).where(eq(inspectionCycles.id, id)).run();
    return { deleted: true as const };
  },
};
