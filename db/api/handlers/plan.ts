// Handlers for the tillsynsplan: plan entries of a cycle (list, create, update, delete-or-refuse),
// the plan proposal preview (never writes), accepting it (all or nothing: a write method, so
// the dispatch runs each write handler in one transaction) and the proposal's tillsyn months.
import { eq } from 'drizzle-orm';
import { planEntries } from '../../schema/inspections.ts';
import { isTertial, monthsOfTertial, todayIso } from '../../shared/period.ts';
import { placementIssues, type PlacementIssue } from '../../domain/placement.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import { getCycle } from '../../queries/cycles.ts';
import { ALLOWED_MONTHS_SETTING, buildProposal, getPlanEntry, listPlan, ordinaryEntriesForProposal, placementFacts } from '../../queries/plan.ts';
import { writeSetting } from '../../writes/settings.ts';
import { deletePlanEntries, insertPlacement, setPlanEntryInspectors } from '../../writes/plan.ts';
import { stamp } from '../../writes/stamp.ts';
import type { Handlers } from '../handle.ts';

type PlanHandlers = Pick<
  Handlers,
  'plan.list' | 'plan.create' | 'plan.update' | 'plan.delete' | 'plan.propose' | 'plan.acceptProposal' | 'plan.setAllowedMonths'
>;

const fieldIssue = ({ field, message }: PlacementIssue): FieldIssue => ({ field, message });

function refuse(issues: PlacementIssue[]): never {
  const first = issues[0]?.message ?? 'Planeringen kunde inte sparas.';
  const code = issues.some((i) => i.clash) ? 'conflict' : 'invalid_input';
  throw new AppError(code, first, 'plan entry refused', issues.map(fieldIssue));
}

export const planHandlers: PlanHandlers = {
  'plan.list': (ctx, { cycleId }) => {
    const db = ctx.session.db;
    getCycle(db, cycleId);
    return listPlan(db, cycleId);
  },

  'plan.create': (ctx, input) => {
    const db = ctx.session.db;
    const issues = placementIssues(placementFacts(db, getCycle(db, input.cycleId)), input);
    if (issues.length > 0) refuse(issues);
    const { updatedBy } = stamp(ctx);
    const { inspectorIds, ...values } = input;
    const row = db.orm.insert(planEntries).values({ ...values, updatedBy }).returning({ id: planEntries.id }).get();
    setPlanEntryInspectors(db, row.id, inspectorIds, updatedBy);
    return getPlanEntry(db, row.id);
  },

  'plan.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    const current = getPlanEntry(db, id);
    const year = patch.year ?? current.year;
    const tertial = patch.tertial ?? current.tertial;
    // A month that no longer fits the new tertial is cleared rather than refused, so moving a
    // card between tertials needs no second step; an explicit month is checked.
    let month = patch.month === undefined ? current.month : patch.month;
    if (patch.month === undefined && month !== null && isTertial(tertial) && !monthsOfTertial(tertial).includes(month)) month = null;
    const moved = year !== current.year || tertial !== current.tertial || month !== current.month;
    const inspectorIds = patch.inspectorIds ?? current.inspectorIds;
    const inspectionType = patch.inspectionType ?? current.inspectionType;

    const issues = placementIssues(
      placementFacts(db, getCycle(db, current.cycleId)),
      { unitId: current.unitId, year, tertial, month, inspectionType, inspectorIds },
      { entryId: id, keepInspectorIds: new Set(current.inspectorIds), unitUnchanged: !moved },
    );
    if (issues.length > 0) refuse(issues);

    db.orm
      .update(planEntries)
      .set({
        year,
        tertial,
        month,
        inspectionType,
        announced: patch.announced ?? current.announced,
        notes: patch.notes ?? current.notes,
        fixed: patch.fixed ?? (moved ? true : current.fixed),
        ...stamp(ctx),
      })
      .where(eq(planEntries.id, id))
      .run();
    if (patch.inspectorIds) setPlanEntryInspectors(db, id, patch.inspectorIds, stamp(ctx).updatedBy);
    return getPlanEntry(db, id);
  },

  'plan.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    const entry = getPlanEntry(db, id);
    if (entry.inspectionId !== null) {
      throw new AppError(
        'referenced',
        `En tillsyn av ${entry.unitName} är registrerad för den här planeringen, så den kan inte tas bort. Flytta planeringen eller ändra tillsynen i stället.`,
      );
    }
    deletePlanEntries(db, [id]);
    return { deleted: true as const };
  },

  'plan.propose': (ctx, { cycleId, today, ...options }) => {
    const db = ctx.session.db;
    return buildProposal(db, getCycle(db, cycleId), today ?? todayIso(), options);
  },

  'plan.setAllowedMonths': (ctx, { allowedMonths }) => {
    const sorted = [...allowedMonths].sort((a, b) => a - b);
    writeSetting(ctx.session.db.orm, ALLOWED_MONTHS_SETTING, JSON.stringify(sorted), stamp(ctx).updatedBy);
    return { allowedMonths: sorted };
  },

  'plan.acceptProposal': (ctx, { cycleId, placements }) => {
    const db = ctx.session.db;
    const facts = placementFacts(db, getCycle(db, cycleId));
    const { kept, replaced } = ordinaryEntriesForProposal(db, cycleId);
    const keptUnits = new Set(kept.map((e) => e.unitId));
    const replacedIds = new Set(replaced.map((e) => e.id));

    const toInsert = placements.filter((p) => !keptUnits.has(p.unitId));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    placements.forEach((p, i) => {
      if (keptUnits.has(p.unitId)) return;
      const name = facts.units.get(p.unitId)?.name ?? 'Okänd enhet';
      const found = placementIssues(facts, { ...p, inspectionType: 'ordinarie' }, { replacedEntryIds: replacedIds }).map(fieldIssue);
      if (seen.has(p.unitId)) found.push({ field: 'unitId', message: 'Enheten finns två gånger i förslaget.' });
      seen.add(p.unitId);
      issues.push(...found.map((f) => ({ field: `placements.${i}.${f.field}`, message: `${name}: ${f.message}` })));
    });
    if (issues.length > 0) {
      throw new AppError(
        'invalid_input',
        `Förslaget sparades inte: ${issues.length === 1 ? 'en placering har fel' : `${issues.length} fel i placeringarna`}. Inget har ändrats. ${issues[0]?.message ?? ''}`,
        'proposal refused',
        issues,
      );
    }

    const { updatedBy } = stamp(ctx);
    deletePlanEntries(
      db,
      replaced.map((e) => e.id),
    );
    for (const p of toInsert) insertPlacement(db, cycleId, p, { announced: p.announced, updatedBy });
    return { inserted: toInsert.length, replaced: replaced.length, kept: kept.length };
  },
};
