// Ready views of risk analysis (seed 003 §6): the risks in scope as of a date, each with its first
// assessment ("före") and latest re-assessment ("efter"), drawn on the 4×4 matrix by the same
// builder as the Risker page (db/shared/riskMatrixChart.ts). Rows carry names as text, so a
// frozen snapshot reads as it was.
import { z } from 'zod';
import { listRisks } from '../queries/risks.ts';
import {
  RISK_BAND_LABELS,
  RISK_PROBABILITY_LABELS,
  RISK_SEVERITY_LABELS,
  riskBand,
  riskMatrixCells,
  riskValue,
  type RiskLevel,
} from '../domain/riskMatrix.ts';
import { RISK_CAUSES, RISK_STATUSES } from '../domain/codes.ts';
import { riskMatrixChart } from '../shared/riskMatrixChart.ts';
import type { ViewDefinition, ViewTable } from './types.ts';

const level = z.number().int().min(1).max(4);
const assessment = z.object({ assessedOn: z.string(), probability: level, severity: level });

const riskMatrixRow = z.object({
  riskId: z.string(),
  number: z.number().int(),
  description: z.string(),
  operatingAreaName: z.string(),
  unitName: z.string().nullable(),
  cause: z.enum(RISK_CAUSES),
  status: z.enum(RISK_STATUSES),
  before: assessment.nullable(),
  after: assessment.nullable(),
  actionCount: z.number().int(),
  openActionCount: z.number().int(),
});
export type RiskMatrixRow = z.infer<typeof riskMatrixRow>;

/** The words of the view, shared with the protocols that draw it. */
export const RISK_CAUSE_LABELS: Record<(typeof RISK_CAUSES)[number], string> = {
  processer_rutiner: 'Processer och rutiner',
  kommunikation_information: 'Kommunikation och information',
  teknik_utrustning: 'Teknik och utrustning',
  utbildning_kompetens: 'Utbildning och kompetens',
  annat: 'Annat',
};

export const RISK_MATRIX_LABELS = {
  probability: RISK_PROBABILITY_LABELS,
  severity: RISK_SEVERITY_LABELS,
  probabilityAxis: 'Sannolikhet för upprepning',
  severityAxis: 'Allvarlighetsgrad',
  bands: { gron: 'Grönt', gul: 'Gult', rod: 'Rött' },
  current: 'Senaste bedömning',
  before: '(Före åtgärder)',
  riskCount: (count: number) => `${count} risker`,
  moreRisks: (count: number) => `… och ${count} till`,
} as const;

type Assessed = z.infer<typeof assessment>;
const latest = (r: RiskMatrixRow): Assessed | null => r.after ?? r.before;
const valueOf = (a: Assessed) => riskValue(a.probability as RiskLevel, a.severity as RiskLevel);
const bandOf = (a: Assessed) => riskBand(a.probability as RiskLevel, a.severity as RiskLevel);
const isRed = (r: RiskMatrixRow) => {
  const a = latest(r);
  return a !== null && bandOf(a) === 'rod';
};
const cellText = (a: Assessed | null) => (a ? `${valueOf(a)} (${RISK_BAND_LABELS[bandOf(a)]}) ${a.assessedOn}` : '–');

export function riskMatrixCaption(rows: readonly RiskMatrixRow[], previous?: readonly RiskMatrixRow[]): string {
  const red = rows.filter(isRed).length;
  const moved = rows.filter((r) => r.before && r.after && valueOf(r.after) !== valueOf(r.before)).length;
  const parts = [`${rows.length} ${rows.length === 1 ? 'risk' : 'risker'}`, `${red} i rött område${previous ? ` (var ${previous.filter(isRed).length})` : ''}`];
  if (moved) parts.push(`${moved} ${moved === 1 ? 'omvärderad' : 'omvärderade'} efter åtgärder`);
  return parts.join(', ');
}

function riskTable(rows: readonly RiskMatrixRow[]): ViewTable {
  return {
    columns: [
      { header: 'Nr', width: 4, align: 'right' },
      { header: 'Risk', width: 30 },
      { header: 'Enhet', width: 14 },
      { header: 'Orsak', width: 14 },
      { header: 'Före', width: 13 },
      { header: 'Efter', width: 13 },
      { header: 'Åtgärder (öppna)', width: 10, align: 'right' },
    ],
    rows: rows.map((r) => [
      String(r.number),
      r.description,
      r.unitName ?? `Hela ${r.operatingAreaName}`,
      RISK_CAUSE_LABELS[r.cause],
      cellText(r.before),
      r.after ? cellText(r.after) : '–',
      `${r.actionCount} (${r.openActionCount})`,
    ]),
    emptyText: 'Inga risker registrerade.',
  };
}

export const riskMatrixView: ViewDefinition<z.ZodObject<Record<string, never>>, typeof riskMatrixRow> = {
  name: 'risks.matrix',
  version: 1,
  label: 'Riskanalys – riskmatris före och efter åtgärder',
  params: z.strictObject({}),
  row: riskMatrixRow,
  run(db, _params, scope, asOf) {
    const risks = listRisks(db, {
      asOf,
      operatingAreaId: scope.kind === 'area' ? scope.areaId : undefined,
      unitId: scope.kind === 'unit' ? scope.unitId : undefined,
    });
    // Numbers are per verksamhetsområde; across the förvaltning they are counted anew.
    return risks.map((r, i) => ({
      riskId: r.id,
      number: scope.kind === 'forvaltning' ? i + 1 : r.number,
      description: r.description,
      operatingAreaName: r.operatingAreaName,
      unitName: r.unitName,
      cause: r.cause,
      status: r.status,
      before: r.assessments[0] ?? null,
      after: r.assessments.length > 1 ? (r.assessments.at(-1) ?? null) : null,
      actionCount: r.actionCount,
      openActionCount: r.openActionCount,
    })).map((r) => ({
      ...r,
      before: r.before && { assessedOn: r.before.assessedOn, probability: r.before.probability, severity: r.before.severity },
      after: r.after && { assessedOn: r.after.assessedOn, probability: r.after.probability, severity: r.after.severity },
    }));
  },
  present(rows, context) {
    const chart = riskMatrixChart(
      { cells: riskMatrixCells(), risks: rows.map((r) => ({ number: r.number, description: r.description, before: r.before, after: r.after })) },
      RISK_MATRIX_LABELS,
    );
    const placed = rows
      .map((r) => {
        const now = latest(r);
        if (!now) return null;
        const was = r.after && r.before ? ` (före åtgärder ${valueOf(r.before)})` : '';
        return `risk ${r.number} har värde ${valueOf(now)}, ${RISK_BAND_LABELS[bandOf(now)]} område${was}`;
      })
      .filter(Boolean);
    return {
      title: `Riskanalys ${context.scopeLabel} – riskmatris`,
      caption: riskMatrixCaption(rows, context.previous?.rows),
      chart,
      table: riskTable(rows),
      description: `Riskmatris (sannolikhet för upprepning × allvarlighetsgrad) per ${context.asOf}: ${placed.length ? placed.join('; ') : 'inga risker'}.`,
    };
  },
};

export const riskViews = [riskMatrixView] as const;
