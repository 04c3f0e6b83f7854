// Reading three-year tillsyn cycles (tillsynscykler) with their plan and inspection counts.
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { CycleRow } from '../api/tillsynPlanning.contract.ts';

const LIST_SQL = `
  SELECT c.id, c.start_year AS startYear, c.name, c.archived_at AS archivedAt,
         (SELECT count(*) FROM plan_entries p WHERE p.cycle_id = c.id) AS planEntryCount,
         (SELECT count(*) FROM plan_entries p WHERE p.cycle_id = c.id
            AND EXISTS (SELECT 1 FROM inspections i WHERE i.plan_entry_id = p.id)) AS inspectionCount
  FROM inspection_cycles c`;

export function listCycles(db: AppDatabase): CycleRow[] {
  return db.sqlite.prepare<[], CycleRow>(`${LIST_SQL} ORDER BY c.start_year DESC`).all();
}

export function getCycle(db: AppDatabase, id: string): CycleRow {
  const row = db.sqlite.prepare<[string], CycleRow>(`${LIST_SQL} WHERE c.id = ?`).get(id);
  if (!row) throw new AppError('not_found', 'Tillsynscykeln finns inte längre (den kan ha tagits bort).');
  return row;
}
