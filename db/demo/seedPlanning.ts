// Demo data for tillsyn planning: the kvalitetskrav catalogue, three fictitious inspectors and
// the 2025–2027 cycle with a plan for every active unit (as proposed on 2025-01-01).
//
// Contract with the inspection demo data (db/demo/seedInspections.ts): seedPlanning() returns
// DemoPlanning — the plan entries it created (id, unitId, year, tertial, month, inspectorIds),
// the inspectors and the current requirement version ids (catalogue order). seedDemo.ts passes it
// on, so inspections can be recorded for some of the past placements (some done, some overdue)
// and assessed against real requirement versions. seedPlanning writes no inspections itself.
import { listRequirements } from '../queries/requirements.ts';
import { getCycle } from '../queries/cycles.ts';
import { buildProposal } from '../queries/plan.ts';
import { insertDefaultCatalogue } from '../writes/requirements.ts';
import { insertPlacement } from '../writes/plan.ts';
import { cycleName } from '../shared/period.ts';
import { foldName } from '../shared/names.ts';
import { inspectionCycles, inspectors } from '../schema/inspections.ts';
import type { AppDatabase } from '../open.ts';

export interface DemoPlanEntry {
  id: string;
  unitId: string;
  year: number;
  tertial: 1 | 2 | 3;
  month: number | null;
  inspectorIds: string[];
}

export interface DemoPlanning {
  cycleId: string;
  cycleStartYear: number;
  inspectorIds: string[];
  /** Current version id of each kvalitetskrav, in catalogue order. */
  requirementVersionIds: string[];
  /** In plan order (year, tertial, month, unit name). */
  planEntries: DemoPlanEntry[];
}

const BY = 'exempeldata';
const DEMO_INSPECTORS = [
  { name: 'Agnes Tillström', email: 'agnes.tillstrom@exempelby.se' },
  { name: 'Bilal Granqvist', email: 'bilal.granqvist@exempelby.se' },
  { name: 'Cecilia Rydén', email: 'cecilia.ryden@exempelby.se' },
];
const CYCLE_START_YEAR = 2025;
/** The plan was made at the start of the cycle, so as of today part of it lies in the past. */
const PLANNED_ON = '2025-01-01';

/** Runs inside seedDemoMunicipality's transaction, after the units exist. */
export function seedPlanning(db: AppDatabase): DemoPlanning {
  insertDefaultCatalogue(db, BY, '2024-01-01');
  const requirementVersionIds = listRequirements(db, false).map((r) => r.versionId);
  const inspectorIds = DEMO_INSPECTORS.map(
    (ins) => db.orm.insert(inspectors).values({ ...ins, nameFolded: foldName(ins.name), updatedBy: BY }).returning({ id: inspectors.id }).get().id,
  );
  const cycleId = db.orm
    .insert(inspectionCycles)
    .values({ startYear: CYCLE_START_YEAR, name: cycleName(CYCLE_START_YEAR), updatedBy: BY })
    .returning({ id: inspectionCycles.id })
    .get().id;

  const proposal = buildProposal(db, getCycle(db, cycleId), PLANNED_ON);
  const entries = proposal.placements.map((p, i) => {
    // Roughly every fourth inspection unannounced, as a tillsynsenhet would mix them.
    const id = insertPlacement(db, cycleId, { ...p, fixed: false }, { announced: i % 4 !== 3, updatedBy: BY });
    return { id, unitId: p.unitId, year: p.year, tertial: p.tertial, month: p.month, inspectorIds: p.inspectorIds };
  });
  return { cycleId, cycleStartYear: CYCLE_START_YEAR, inspectorIds, requirementVersionIds, planEntries: entries };
}
