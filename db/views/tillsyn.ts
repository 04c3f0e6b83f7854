// Tillsyn as ready views: how far the three-year cycle has come (db/queries/coverage.ts, the
// planning page's coverage) and the year's assessments per kvalitetskrav by result (the
// tillsynsberättelse's query and chart, db/queries/requirementResults.ts, db/shared/charts.ts).
import { z } from 'zod';
import { COVERAGE_STATUSES, type CoverageStatus } from '../domain/codes.ts';
import { COVERAGE_STATUS_LABELS } from '../domain/coverage.ts';
import { AppError } from '../errors.ts';
import { cycleCoverage } from '../queries/coverage.ts';
import { listCycles } from '../queries/cycles.ts';
import { resultsByRequirement } from '../queries/requirementResults.ts';
import { RESULT_LABELS } from '../reports/labels.ts';
import { COVERAGE_COLORS, assessedRequirements, requirementLabel, requirementResultsChart, stackedCountsChart } from '../shared/charts.ts';
import { swedishCompare } from '../shared/collation.ts';
import { cycleName, isYearInCycle } from '../shared/period.ts';
import { changeSince, countLabel, signedCount } from './caption.ts';
import { scopeFilter } from './scope.ts';
import type { AppDatabase } from '../open.ts';
import type { ViewDefinition } from './types.ts';

const year = z.number({ error: 'Året måste vara ett heltal.' }).int({ error: 'Året måste vara ett heltal.' }).min(2000).max(2100);
const count = z.number().int().min(0);

/** Whole per cent, Swedish style ("79 %"). */
const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((part / whole) * 100)} %`;

// ---------------------------------------------------------------------------------------------
// Coverage: each unit's status in the cycle
// ---------------------------------------------------------------------------------------------

const coverageParams = z.strictObject({
  /** The cycle's first year; without it, the cycle the view's date falls in. */
  cycleStartYear: year.optional(),
});
const coverageRow = z.strictObject({
  cycleStartYear: year,
  unitId: z.string(),
  unitName: z.string(),
  operatingAreaName: z.string(),
  status: z.enum(COVERAGE_STATUSES),
});
type CoverageRow = z.infer<typeof coverageRow>;

/** Units that the cycle should cover: not closed without inspection, not outside the cycle. */
const DUE: ReadonlySet<CoverageStatus> = new Set(['genomford', 'planerad', 'forsenad', 'ej_planerad']);

function cycleOf(db: AppDatabase, startYear: number | undefined, asOf: string) {
  const asOfYear = Number(asOf.slice(0, 4));
  const cycle = listCycles(db).find((c) => (startYear === undefined ? isYearInCycle(asOfYear, c.startYear) : c.startYear === startYear));
  if (!cycle) {
    throw new AppError('not_found', startYear === undefined ? `Det finns ingen tillsynscykel för ${asOfYear}.` : `Det finns ingen tillsynscykel som börjar ${startYear}.`);
  }
  return cycle;
}

function coverageCounts(rows: readonly CoverageRow[]) {
  const of = (status: CoverageStatus) => rows.filter((r) => r.status === status).length;
  return { due: rows.filter((r) => DUE.has(r.status)).length, done: of('genomford'), planned: of('planerad'), notCovered: of('forsenad') + of('ej_planerad') };
}

export const tillsynCoverageView: ViewDefinition<typeof coverageParams, typeof coverageRow> = {
  name: 'tillsyn.coverage',
  version: 1,
  label: 'Tillsyn – täckning av tillsynscykeln',
  params: coverageParams,
  row: coverageRow,

  run(db, params, scope, asOf) {
    const cycle = cycleOf(db, params.cycleStartYear, asOf);
    const coverage = cycleCoverage(db, cycle, asOf);
    const filter = scopeFilter(scope);
    // By area name, then unit name. The units come in Swedish name order (then id) and the areas
    // sorted by name, so a stable sort on each area's place (areas whose names compare equal share
    // it) gives that order without comparing 2,000 names again (issue 19).
    const areaName = new Map<string, string>();
    const areaPlace = new Map<string, number>();
    coverage.byOperatingArea.forEach((a, k) => {
      const previous = coverage.byOperatingArea[k - 1];
      areaName.set(a.operatingAreaId, a.operatingAreaName);
      areaPlace.set(a.operatingAreaId, previous && swedishCompare(previous.operatingAreaName, a.operatingAreaName) === 0 ? (areaPlace.get(previous.operatingAreaId) ?? k) : k);
    });
    return coverage.units
      .filter((u) => (!filter.operatingAreaId || u.operatingAreaId === filter.operatingAreaId) && (!filter.unitId || u.unitId === filter.unitId))
      .sort((a, b) => (areaPlace.get(a.operatingAreaId) ?? 0) - (areaPlace.get(b.operatingAreaId) ?? 0))
      .map((u) => ({ cycleStartYear: cycle.startYear, unitId: u.unitId, unitName: u.name, operatingAreaName: areaName.get(u.operatingAreaId) ?? '', status: u.status }));
  },

  present(rows, { params, scopeLabel, previous }) {
    const startYear = rows[0]?.cycleStartYear ?? params.cycleStartYear;
    const cycle = startYear === undefined ? '' : ` ${cycleName(startYear)}`;
    const title = `Tillsynscykeln${cycle} – täckning, ${scopeLabel}`;
    const statuses = COVERAGE_STATUSES.filter((s) => s !== 'ej_aktuell' || rows.some((r) => r.status === s));
    const areas = [...new Set(rows.map((r) => r.operatingAreaName))];
    const areaCounts = areas.map((name) => {
      const inArea = rows.filter((r) => r.operatingAreaName === name);
      return {
        label: name,
        counts: Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, inArea.filter((r) => r.status === s).length])) as Record<CoverageStatus, number>,
        ...coverageCounts(inArea),
      };
    });
    const table = {
      columns: [
        { header: 'Verksamhetsområde', width: 3 },
        ...statuses.map((s) => ({ header: COVERAGE_STATUS_LABELS[s], width: 1.5, align: 'right' as const })),
        { header: 'Andel med tillsyn', width: 1.5, align: 'right' as const },
      ],
      rows: areaCounts.map((a) => [a.label, ...statuses.map((s) => countLabel(a.counts[s])), percent(a.done, a.due)]),
      emptyText: `Inga enheter i tillsynscykeln${cycle}.`,
    };
    if (rows.length === 0) return { title, caption: `Inga enheter i tillsynscykeln${cycle} för ${scopeLabel}.`, table, description: table.emptyText };

    const now = coverageCounts(rows);
    const before = previous ? previous.rows : null;
    // Only the same cycle is comparable: a new cycle starts again from none.
    const comparable = before !== null && before.length > 0 && before[0]?.cycleStartYear === startYear;
    const caption =
      `${scopeLabel}: ${countLabel(now.done)} av ${countLabel(now.due)} enheter har haft tillsyn i cykeln${cycle} (${percent(now.done, now.due)})` +
      `, ${countLabel(now.planned)} ${now.planned === 1 ? 'planerad' : 'planerade'}, ${countLabel(now.notCovered)} försenade eller ej planerade` +
      changeSince(comparable ? signedCount(now.done - coverageCounts(before).done) : null, previous?.asOf) +
      '.';
    return {
      title,
      caption,
      chart: stackedCountsChart(
        areaCounts,
        statuses.map((s) => ({ key: s, label: COVERAGE_STATUS_LABELS[s], color: COVERAGE_COLORS[s] })),
        'coverage',
      ),
      table,
      description: `Staplat stapeldiagram: enheterna per verksamhetsområde efter status i tillsynscykeln${cycle} (genomförd, planerad, försenad, ej planerad).`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Findings by requirement: assessments per kvalitetskrav by result, one year
// ---------------------------------------------------------------------------------------------

const findingsParams = z.strictObject({
  /** The inspections' year; without it, the year of the view's date. */
  year: year.optional(),
});
const findingsRow = z.strictObject({
  requirementId: z.string(),
  code: z.string(),
  title: z.string(),
  uppfyllt: count,
  delvis_uppfyllt: count,
  ej_uppfyllt: count,
  ej_bedomt: count,
});

const yearOf = (params: { year?: number | undefined }, asOf: string) => params.year ?? Number(asOf.slice(0, 4));

export const tillsynFindingsByRequirementView: ViewDefinition<typeof findingsParams, typeof findingsRow> = {
  name: 'tillsyn.findingsByRequirement',
  version: 1,
  label: 'Tillsyn – resultat per kvalitetskrav',
  params: findingsParams,
  row: findingsRow,

  run(db, params, scope, asOf) {
    // As in the tillsynsberättelse: the year's inspections that are no longer only planned.
    return resultsByRequirement(db, { year: yearOf(params, asOf), ...scopeFilter(scope) }).byRequirement;
  },

  present(rows, { params, asOf, scopeLabel, previous }) {
    const y = yearOf(params, asOf);
    const title = `Tillsyn ${y} – resultat per kvalitetskrav, ${scopeLabel}`;
    const assessed = assessedRequirements(rows);
    const table = {
      columns: [
        { header: 'Kvalitetskrav', width: 4 },
        ...(['uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_bedomt'] as const).map((r) => ({ header: RESULT_LABELS[r], width: 1.5, align: 'right' as const })),
      ],
      rows: rows.map((r) => [requirementLabel(r), countLabel(r.uppfyllt), countLabel(r.delvis_uppfyllt), countLabel(r.ej_uppfyllt), countLabel(r.ej_bedomt)]),
      emptyText: `Inga bedömningar i tillsyn ${y}.`,
    };
    if (assessed.length === 0) return { title, caption: `Inga bedömda kvalitetskrav i tillsyn ${y} för ${scopeLabel}.`, table, description: table.emptyText };

    const total = assessed.reduce((sum, r) => sum + r.uppfyllt + r.delvis_uppfyllt + r.ej_uppfyllt, 0);
    const notMet = assessed.reduce((sum, r) => sum + r.ej_uppfyllt, 0);
    // The first in the requirements' order among those with most "ej uppfyllt".
    const worst = assessed.reduce((best, r) => (r.ej_uppfyllt > best.ej_uppfyllt ? r : best));
    const before = previous ? previous.rows.reduce((sum, r) => sum + r.ej_uppfyllt, 0) : null;
    const caption =
      `${scopeLabel} ${y}: ${countLabel(total)} ${total === 1 ? 'bedömning' : 'bedömningar'} av ${countLabel(assessed.length)} kvalitetskrav, ${countLabel(notMet)} ej uppfyllt` +
      (worst.ej_uppfyllt > 0 ? `, flest i ${requirementLabel(worst)} (${countLabel(worst.ej_uppfyllt)})` : '') +
      changeSince(before === null ? null : `${signedCount(notMet - before)} ej uppfyllt`, previous?.asOf) +
      '.';
    return {
      title,
      caption,
      chart: requirementResultsChart(assessed, RESULT_LABELS),
      table,
      description: `Staplat stapeldiagram: bedömningarna ${y} per kvalitetskrav, uppdelade på uppfyllt, delvis uppfyllt och ej uppfyllt.`,
    };
  },
};
