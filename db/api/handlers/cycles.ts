// Handlers for three-year tillsyn cycles (tillsynscykler): list with counts, create, delete-or-refuse.
import { eq } from 'drizzle-orm';
import { inspectionCycles } from '../../schema/inspections.ts';
import { CYCLE_LENGTH_YEARS } from '../../shared/period.ts';
import { AppError } from '../../errors.ts';
import { stamp } from './stamp.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';
import type { CycleRow } from '../tillsynPlanning.contract.ts';

type CycleHandlers = Pick<Handlers, 'cycles.list' | 'cycles.create' | 'cycles.delete'>;

const LIST_SQL = `
  SELECT c.id, c.start_year AS startYear, c.name, c.archived_at AS archivedAt,
         (SELECT count(*) FROM plan_entries p WHERE p.cycle_id = c.id) AS planEntryCount,
         (SELECT count(*) FROM plan_entries p WHERE p.cycle_id = c.id
            AND EXISTS (SELECT 1 FROM inspections i WHERE i.plan_entry_id = p.id)) AS inspectionCount
  FROM inspection_cycles c`;

/** "2025–2027" (with an en dash, as Swedish typography has it). */
export function cycleName(startYear: number): string {
  return `${startYear}–${startYear + CYCLE_LENGTH_YEARS - 1}`;
}

export function listCycles(db: AppDatabase): CycleRow[] {
  return db.sqlite.prepare<[], CycleRow>(`${LIST_SQL} ORDER BY c.start_year DESC`).all();
}

export function getCycle(db: AppDatabase, id: string): CycleRow {
  const row = db.sqlite.prepare<[string], CycleRow>(`${LIST_SQL} WHERE c.id = ?`).get(id);
  if (!row) throw new AppError('not_found', 'Tillsynscykeln finns inte längre (den kan ha tagits bort).');
  return row;
}

export const cycleHandlers: CycleHandlers = {
  'cycles.list': (ctx) => listCycles(ctx.session.db),

  'cycles.create': (ctx, { startYear }) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
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
    })();
  },

  'cycles.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const cycle = getCycle(db, id);
      if (cycle.planEntryCount > 0) {
        throw new AppError(
          'referenced',
          `Tillsynscykeln ${cycle.name} har ${cycle.planEntryCount} planerade tillsyner och kan inte tas bort. Ta bort planeringen först.`,
        );
      }
      db.orm.delete(inspectionCycles).where(eq(inspectionCycles.id, id)).run();
      return { deleted: true as const };
    })();
  },
};
