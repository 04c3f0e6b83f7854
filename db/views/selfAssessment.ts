// Självskattning as ready views: the heatmap of means per unit × area for one year, and the mean
// per area over the years. Rows come from db/queries/selfAssessment.ts (the Resultat page's
// queries), charts from db/shared/selfAssessmentCharts.ts (the page's builders).
import { z } from 'zod';
import { SELF_ASSESSMENT_AREAS, SELF_ASSESSMENT_AREA_TEXTS } from '../domain/codes.ts';
import { meanOfPresent } from '../domain/selfAssessmentStats.ts';
import { getResults, getTrends } from '../queries/selfAssessment.ts';
import { scoreLabel, selfAssessmentHeatmap, selfAssessmentTrends, type HeatmapInput } from '../shared/selfAssessmentCharts.ts';
import { swedishCompare } from '../shared/collation.ts';
import { changeSince, countLabel, signedScore, MAX_CHART_ROWS } from './caption.ts';
import { scopeFilter } from './scope.ts';
import type { ViewDefinition } from './types.ts';

const year = z.number({ error: 'Året måste vara ett heltal.' }).int({ error: 'Året måste vara ett heltal.' }).min(2000).max(2100);
const area = z.enum(SELF_ASSESSMENT_AREAS);
const mean = z.number().min(1).max(10).nullable();

// ---------------------------------------------------------------------------------------------
// Heatmap: mean per unit and area, one year
// ---------------------------------------------------------------------------------------------

const heatmapParams = z.strictObject({ year });
const heatmapRow = z.strictObject({
  unitId: z.string(),
  unitName: z.string(),
  operatingAreaName: z.string(),
  area,
  mean,
  /** Scores (answers 1–10) behind the mean. */
  count: z.number().int().min(0),
});
type HeatmapRow = z.infer<typeof heatmapRow>;

/** Mean per area of the unit means (each unit counts once), in the areas' fixed order. */
function areaMeans(rows: readonly HeatmapRow[]): { area: (typeof SELF_ASSESSMENT_AREAS)[number]; mean: number | null }[] {
  return SELF_ASSESSMENT_AREAS.map((a) => ({ area: a, mean: meanOfPresent(rows.filter((r) => r.area === a).map((r) => r.mean)) }));
}

function unitsOf(rows: readonly HeatmapRow[]): { unitId: string; unitName: string; operatingAreaName: string }[] {
  const seen = new Map<string, { unitId: string; unitName: string; operatingAreaName: string }>();
  for (const r of rows) if (!seen.has(r.unitId)) seen.set(r.unitId, { unitId: r.unitId, unitName: r.unitName, operatingAreaName: r.operatingAreaName });
  return [...seen.values()];
}

/**
 * The heatmap's rows one level up: per verksamhetsområde (Swedish order) and area, the mean of its
 * units' means (each unit counts once, as in areaMeans).
 */
function operatingAreaMeans(rows: readonly HeatmapRow[]): HeatmapInput {
  const grouped = new Map<string, HeatmapRow[]>();
  for (const r of rows) {
    const key = `${r.operatingAreaName}|${r.area}`;
    const own = grouped.get(key);
    if (own) own.push(r);
    else grouped.set(key, [r]);
  }
  const names = [...new Set(rows.map((r) => r.operatingAreaName))].sort(swedishCompare);
  const cells = names.flatMap((name) =>
    SELF_ASSESSMENT_AREAS.map((a) => {
      const own = grouped.get(`${name}|${a}`) ?? [];
      return { unitId: name, area: a, mean: meanOfPresent(own.map((r) => r.mean)), count: own.reduce((n, r) => n + r.count, 0) };
    }),
  );
  return {
    areas: SELF_ASSESSMENT_AREAS.map((a) => ({ area: a, name: SELF_ASSESSMENT_AREA_TEXTS[a].name })),
    units: names.map((name) => ({ unitId: name, unitName: name })),
    cells,
  };
}

export const selfAssessmentHeatmapView: ViewDefinition<typeof heatmapParams, typeof heatmapRow> = {
  name: 'selfAssessment.heatmap',
  version: 1,
  label: 'Självskattning – medelvärde per enhet och område',
  params: heatmapParams,
  row: heatmapRow,

  run(db, params, scope) {
    const filter = scopeFilter(scope);
    const results = getResults(db, params.year, filter.operatingAreaId ? { operatingAreaId: filter.operatingAreaId } : {});
    const scored = new Set(results.cells.filter((c) => c.count > 0 && (!filter.unitId || c.unitId === filter.unitId)).map((c) => c.unitId));
    const cellOf = new Map(results.cells.map((c) => [`${c.unitId}|${c.area}`, c]));
    return results.units
      .filter((u) => scored.has(u.unitId))
      .flatMap((u) =>
        SELF_ASSESSMENT_AREAS.map((a) => {
          const cell = cellOf.get(`${u.unitId}|${a}`);
          return { unitId: u.unitId, unitName: u.unitName, operatingAreaName: u.operatingAreaName, area: a, mean: cell?.mean ?? null, count: cell?.count ?? 0 };
        }),
      );
  },

  present(rows, { params, scopeLabel, previous }) {
    const units = unitsOf(rows);
    const title = `Självskattning ${params.year} – medelvärde per enhet och område, ${scopeLabel}`;
    const areas = SELF_ASSESSMENT_AREAS.map((a) => ({ area: a, name: SELF_ASSESSMENT_AREA_TEXTS[a].name }));
    // Grouped once: a förvaltning's heatmap has units × 5 rows, a lookup per cell would be quadratic.
    const meanOf = new Map(rows.map((r) => [`${r.unitId}|${r.area}`, r.mean]));
    const table = {
      columns: [{ header: 'Enhet', width: 3 }, ...areas.map((a) => ({ header: a.name, width: 2, align: 'right' as const }))],
      rows: units.map((u) => [u.unitName, ...areas.map((a) => scoreLabel(meanOf.get(`${u.unitId}|${a.area}`)))]),
      emptyText: `Inga svar på självskattningen ${params.year}.`,
    };
    if (units.length === 0) {
      return { title, caption: `Inga svar på självskattningen ${params.year} för ${scopeLabel}.`, table, description: table.emptyText };
    }
    const overall = meanOfPresent(rows.map((r) => r.mean)) as number;
    const lowest = areaMeans(rows)
      .filter((a) => a.mean !== null)
      .sort((a, b) => (a.mean as number) - (b.mean as number))[0];
    const previousMean = previous ? meanOfPresent(previous.rows.map((r) => r.mean)) : null;
    const caption =
      `${scopeLabel} ${params.year}: medelvärde ${scoreLabel(overall)} för ${countLabel(units.length)} ${units.length === 1 ? 'enhet' : 'enheter'}` +
      (lowest ? `, lägst i ${SELF_ASSESSMENT_AREA_TEXTS[lowest.area].name} (${scoreLabel(lowest.mean)})` : '') +
      changeSince(previousMean === null ? null : signedScore(overall - previousMean), previous?.asOf) +
      '.';
    const byOperatingArea = units.length > MAX_CHART_ROWS;
    return {
      title,
      caption,
      chart: selfAssessmentHeatmap(byOperatingArea ? operatingAreaMeans(rows) : { areas, units, cells: [...rows] }, { legend: 'Medelvärde' }),
      table,
      description: byOperatingArea
        ? `Värmekarta: medelvärdet för enheterna i varje verksamhetsområde (${units.length} enheter, var och en i tabellen) i de fem områdena ${params.year}, mörkare ruta betyder högre värde.`
        : `Värmekarta: medelvärdet för ${units.length} ${units.length === 1 ? 'enhet' : 'enheter'} i de fem områdena ${params.year}, mörkare ruta betyder högre värde.`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Trends: mean per area and year
// ---------------------------------------------------------------------------------------------

const trendParams = z
  .strictObject({ fromYear: year.optional(), toYear: year.optional() })
  .refine((p) => p.fromYear === undefined || p.toYear === undefined || p.fromYear <= p.toYear, { error: 'Första året får inte vara efter det sista.' });
const trendRow = z.strictObject({ year, area, mean, count: z.number().int().min(0) });
type TrendRow = z.infer<typeof trendRow>;

/** The latest year with any score and the mean of its area means, or null. */
function latestYearMean(rows: readonly TrendRow[]): { year: number; mean: number } | null {
  const years = [...new Set(rows.filter((r) => r.mean !== null).map((r) => r.year))].sort((a, b) => b - a);
  const latest = years[0];
  if (latest === undefined) return null;
  return { year: latest, mean: meanOfPresent(rows.filter((r) => r.year === latest).map((r) => r.mean)) as number };
}

export const selfAssessmentTrendsView: ViewDefinition<typeof trendParams, typeof trendRow> = {
  name: 'selfAssessment.trends',
  version: 1,
  label: 'Självskattning – medelvärde per område över åren',
  params: trendParams,
  row: trendRow,

  run(db, params, scope, asOf) {
    const filter = scopeFilter(scope);
    // Years after the view's date were not there yet: a trend frozen for a session a year back ends that year.
    const asOfYear = Number(asOf.slice(0, 4));
    const trends = getTrends(db, {
      fromYear: params.fromYear,
      toYear: Math.min(params.toYear ?? asOfYear, asOfYear),
      unitId: filter.unitId,
      filters: filter.operatingAreaId ? { operatingAreaId: filter.operatingAreaId } : {},
    });
    return trends.years.flatMap((y) =>
      trends.areas.map((a) => {
        const point = a.points.find((p) => p.year === y);
        return { year: y, area: a.area, mean: point?.mean ?? null, count: point?.count ?? 0 };
      }),
    );
  },

  present(rows, { scopeLabel, previous }) {
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const span = years.length === 0 ? '' : years.length === 1 ? ` ${years[0]}` : ` ${years[0]}–${years[years.length - 1]}`;
    const title = `Självskattning${span} – medelvärde per område, ${scopeLabel}`;
    const areas = SELF_ASSESSMENT_AREAS.map((a) => ({
      name: SELF_ASSESSMENT_AREA_TEXTS[a].name,
      points: rows.filter((r) => r.area === a).map((r) => ({ year: r.year, mean: r.mean })),
    }));
    const table = {
      columns: [{ header: 'Område', width: 3 }, ...years.map((y) => ({ header: String(y), width: 1, align: 'right' as const }))],
      rows: areas.map((a) => [a.name, ...years.map((y) => scoreLabel(a.points.find((p) => p.year === y)?.mean))]),
      emptyText: 'Inga år med självskattning.',
    };
    const latest = latestYearMean(rows);
    if (!latest) return { title, caption: `Inga svar på självskattningen för ${scopeLabel}.`, table, description: table.emptyText };
    const earlier = latestYearMean(rows.filter((r) => r.year < latest.year));
    const before = previous ? latestYearMean(previous.rows) : null;
    const caption =
      `${scopeLabel} ${latest.year}: medelvärde ${scoreLabel(latest.mean)}` +
      (earlier ? ` (${earlier.year}: ${scoreLabel(earlier.mean)})` : '') +
      changeSince(before ? signedScore(latest.mean - before.mean) : null, previous?.asOf) +
      '.';
    return {
      title,
      caption,
      chart: selfAssessmentTrends({ years, areas }),
      table,
      description: `Linjediagram: medelvärdet per område och år${span}, en linje per område.`,
    };
  },
};
