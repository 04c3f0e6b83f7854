// Reading the risk register as the contract's rows: each risk with its number in the
// verksamhetsområde, its assessments (oldest first: "before", then re-assessments) and the count
// of actions answering it. Two set-based queries, whatever the number of risks; shared by the
// handlers, the view risks.matrix and the demo.
import { riskBandOfValue, riskValue, type RiskLevel } from '../domain/riskMatrix.ts';
import { AppError } from '../errors.ts';
import { todayIso } from '../shared/period.ts';
import type { AppDatabase } from '../open.ts';
import type { RiskAssessmentRow, RiskRow } from '../api/risks.contract.ts';

export interface RiskQuery {
  operatingAreaId?: string | undefined;
  unitId?: string | undefined;
  /** Risks identified, and assessments made, on or before this day (today when left out). */
  asOf?: string | undefined;
  id?: string | undefined;
}

type RawRisk = Omit<RiskRow, 'assessments'>;
type RawAssessment = Omit<RiskAssessmentRow, 'value' | 'band'> & { riskId: string };

// The number is counted over every risk of the area (by the day identified), so a risk keeps
// its number whatever the filter and as-of date.
const RISKS_SQL = `
  WITH numbered AS (
    SELECT r.*, row_number() OVER (PARTITION BY r.operating_area_id ORDER BY r.identified_on, r.created_at, r.id) AS number
    FROM risks r
  ),
  action_counts AS (
    SELECT risk_id, count(*) AS total, count(CASE WHEN status <> 'stangd' THEN 1 END) AS open
    FROM actions WHERE risk_id IS NOT NULL GROUP BY risk_id
  )
  SELECT r.id, r.number, r.operating_area_id AS operatingAreaId, a.name AS operatingAreaName,
         r.unit_id AS unitId, u.name AS unitName, r.description, r.cause, r.identified_on AS identifiedOn,
         r.status, coalesce(c.total, 0) AS actionCount, coalesce(c.open, 0) AS openActionCount, r.updated_at AS updatedAt
  FROM numbered r
  JOIN operating_areas a ON a.id = r.operating_area_id
  LEFT JOIN units u ON u.id = r.unit_id
  LEFT JOIN action_counts c ON c.risk_id = r.id
  WHERE r.identified_on <= @asOf
    AND (@areaId IS NULL OR r.operating_area_id = @areaId)
    AND (@unitId IS NULL OR r.unit_id = @unitId)
    AND (@id IS NULL OR r.id = @id)
  ORDER BY a.name, r.number`;

const ASSESSMENTS_SQL = `
  SELECT s.id, s.risk_id AS riskId, s.assessed_on AS assessedOn, s.probability, s.severity, s.note, s.assessed_by AS assessedBy
  FROM risk_assessments s
  JOIN risks r ON r.id = s.risk_id
  WHERE s.assessed_on <= @asOf AND r.identified_on <= @asOf
    AND (@areaId IS NULL OR r.operating_area_id = @areaId)
    AND (@unitId IS NULL OR r.unit_id = @unitId)
    AND (@id IS NULL OR r.id = @id)
  ORDER BY s.risk_id, s.assessed_on`;

export function listRisks(db: AppDatabase, query: RiskQuery = {}): RiskRow[] {
  const params = { asOf: query.asOf ?? todayIso(), areaId: query.operatingAreaId ?? null, unitId: query.unitId ?? null, id: query.id ?? null };
  const risks = db.sqlite.prepare<typeof params, RawRisk>(RISKS_SQL).all(params);
  const byRisk = new Map<string, RiskAssessmentRow[]>();
  for (const { riskId, ...raw } of db.sqlite.prepare<typeof params, RawAssessment>(ASSESSMENTS_SQL).all(params)) {
    // The table's CHECKs hold both to 1–4.
    const value = riskValue(raw.probability as RiskLevel, raw.severity as RiskLevel);
    const list = byRisk.get(riskId) ?? [];
    list.push({ ...raw, value, band: riskBandOfValue(value) });
    byRisk.set(riskId, list);
  }
  return risks.map((r) => ({ ...r, assessments: byRisk.get(r.id) ?? [] }));
}

/** One risk with all its assessments (also those dated after today). */
export function getRisk(db: AppDatabase, id: string): RiskRow {
  const [row] = listRisks(db, { id, asOf: '9999-12-31' });
  if (!row) throw new AppError('not_found', 'Risken finns inte längre (den kan ha tagits bort).');
  return row;
}
