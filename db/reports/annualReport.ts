// The tillsynsberättelse (seed 004: "redovisar de granskningar som genomförts under året, både de
// som tillsynsenheten genomfört och de som IVO har tagit initiativ till"): figures for one year,
// read once, shown in the view and drawn into the PDF and Word file from the same data.
import { ACTION_STATUSES, INSPECTION_TYPES, type ActionStatus } from '../domain/codes.ts';
import { ACTION_STATUS_LABELS, actionOverdueReason } from '../domain/overdue.ts';
import { assessedRequirements, requirementLabel, requirementResultsChart } from '../shared/charts.ts';
import { swedishCompare } from '../shared/collation.ts';
import { listInspections } from '../queries/inspections.ts';
import { resultsByRequirement } from '../queries/requirementResults.ts';
import { safeFileName, type ReportDocument } from '../io/reportDocument.ts';
import { INSPECTION_STATUS_LABELS, INSPECTION_TYPE_LABELS, RESULT_LABELS, announcedLabel } from './labels.ts';
import { resultSentence } from './inspectionReport.ts';
import { annualByRegi, annualFeedback, annualLexCases, feedbackBlocks, lexCaseBlocks, regiBlocks } from './annualSections.ts';
import type { AppDatabase } from '../open.ts';
import type { AnnualReportData } from '../api/tillsynInspection.contract.ts';

/** Inspections carried out in the year: started that year and no longer only planned. */
export function annualReportData(db: AppDatabase, year: number, today: string): AnnualReportData {
  const inspections = listInspections(db, { year }, today).filter((i) => i.status !== 'planerad');
  const ids = new Set(inspections.map((i) => i.id));

  const byArea = new Map<string, AnnualReportData['byArea'][number]>();
  for (const i of inspections) {
    const row = byArea.get(i.operatingAreaName) ?? { operatingAreaName: i.operatingAreaName, own: 0, ivo: 0, announced: 0, unannounced: 0 };
    row[i.origin === 'ivo' ? 'ivo' : 'own']++;
    row[i.announced ? 'announced' : 'unannounced']++;
    byArea.set(i.operatingAreaName, row);
  }

  const { byRequirement, resultTotals } = resultsByRequirement(db, { year });

  const actionRows = db.sqlite
    .prepare<[string], { inspectionId: string; status: ActionStatus; deadline: string; followUpDate: string | null }>(
      `SELECT r.inspection_id AS inspectionId, r.status, r.deadline, r.follow_up_date AS followUpDate
       FROM actions r JOIN inspections i ON i.id = r.inspection_id WHERE substr(i.start_date, 1, 4) = ?`,
    )
    .all(String(year))
    .filter((a) => ids.has(a.inspectionId));

  const count = <T>(items: readonly T[], pick: (item: T) => boolean) => items.filter(pick).length;
  return {
    year,
    totals: {
      inspections: inspections.length,
      own: count(inspections, (i) => i.origin === 'egen'),
      ivo: count(inspections, (i) => i.origin === 'ivo'),
      announced: count(inspections, (i) => i.announced),
      unannounced: count(inspections, (i) => !i.announced),
    },
    // IVO's inspections are IVO's, whatever type they were recorded with.
    byType: [
      ...INSPECTION_TYPES.map((inspectionType) => ({
        inspectionType,
        count: count(inspections, (i) => i.origin !== 'ivo' && i.inspectionType === inspectionType),
      })),
      { inspectionType: 'ivo' as const, count: count(inspections, (i) => i.origin === 'ivo') },
    ],
    byRegi: annualByRegi(db, inspections, actionRows),
    lexCases: annualLexCases(db, year),
    feedback: annualFeedback(db, year),
    byArea: [...byArea.values()].sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName)),
    byRequirement,
    resultTotals,
    actions: {
      total: actionRows.length,
      overdue: count(actionRows, (a) => actionOverdueReason(a, today) !== null),
      byStatus: ACTION_STATUSES.map((status) => ({ status, count: count(actionRows, (a) => a.status === status) })),
    },
    ivoInspections: inspections
      .filter((i) => i.origin === 'ivo')
      .map((i) => ({ id: i.id, unitName: i.unitName, operatingAreaName: i.operatingAreaName, startDate: i.startDate, summary: summaryOf(db, i.id) }))
      .sort((a, b) => a.startDate.localeCompare(b.startDate)),
    inspections: inspections
      .map((i) => ({
        id: i.id,
        unitName: i.unitName,
        operatingAreaName: i.operatingAreaName,
        startDate: i.startDate,
        inspectionType: i.inspectionType,
        origin: i.origin,
        announced: i.announced,
        status: i.status,
        shortfallCount: i.shortfallCount,
      }))
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || swedishCompare(a.unitName, b.unitName)),
  };
}

function summaryOf(db: AppDatabase, inspectionId: string): string {
  return db.sqlite.prepare<[string], { summary: string }>('SELECT summary FROM inspections WHERE id = ?').get(inspectionId)?.summary ?? '';
}

export function annualReportDocument(data: AnnualReportData): ReportDocument {
  const t = data.totals;
  const assessed = assessedRequirements(data.byRequirement);
  return {
    title: `Tillsynsberättelse ${data.year}`,
    fileName: safeFileName(`Tillsynsberättelse ${data.year}`),
    footer: `Tillsynsberättelse ${data.year}`,
    blocks: [
      { kind: 'title', text: `Tillsynsberättelse ${data.year}`, subtitle: 'Granskningar genomförda under året' },
      {
        kind: 'paragraph',
        text:
          'Tillsynsberättelsen redovisar de granskningar som genomförts under året, både de som tillsynsenheten genomfört och de som IVO har tagit initiativ till, ' +
          'samt årets ärenden enligt lex Sarah och lex Maria och inkomna synpunkter.',
        muted: true,
      },
      { kind: 'heading', text: 'Genomförda tillsyner' },
      {
        kind: 'facts',
        rows: [
          ['Tillsyner totalt', String(t.inspections)],
          ['Tillsynsenhetens egna', String(t.own)],
          ['På initiativ av IVO', String(t.ivo)],
          ['Anmälda', String(t.announced)],
          ['Oanmälda', String(t.unannounced)],
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: 'Typ av tillsyn', width: 3 },
          { header: 'Antal', width: 1, align: 'right' },
        ],
        rows: data.byType.map((r) => [r.inspectionType === 'ivo' ? 'IVO-tillsyn' : INSPECTION_TYPE_LABELS[r.inspectionType], String(r.count)]),
      },
      { kind: 'heading', text: 'Per verksamhetsområde' },
      {
        kind: 'table',
        columns: [
          { header: 'Verksamhetsområde', width: 3 },
          { header: 'Egna', width: 1, align: 'right' },
          { header: 'IVO', width: 1, align: 'right' },
          { header: 'Anmälda', width: 1, align: 'right' },
          { header: 'Oanmälda', width: 1, align: 'right' },
        ],
        rows: data.byArea.map((r) => [r.operatingAreaName, String(r.own), String(r.ivo), String(r.announced), String(r.unannounced)]),
        emptyText: 'Inga tillsyner genomfördes under året.',
      },
      ...regiBlocks(data.byRegi),
      { kind: 'heading', text: 'Resultat per kvalitetskrav' },
      { kind: 'paragraph', text: resultSentence(data.resultTotals) },
      ...(assessed.length
        ? [
            {
              kind: 'chart' as const,
              title: 'Bedömningar per kvalitetskrav',
              chart: requirementResultsChart(assessed, RESULT_LABELS),
              description: `Antal bedömningar per kvalitetskrav ${data.year}, staplade efter resultat: uppfyllt, delvis uppfyllt, ej uppfyllt.`,
            },
          ]
        : []),
      {
        kind: 'table',
        columns: [
          { header: 'Kvalitetskrav', width: 4 },
          { header: 'Uppfyllt', width: 1, align: 'right' },
          { header: 'Delvis', width: 1, align: 'right' },
          { header: 'Ej uppfyllt', width: 1, align: 'right' },
        ],
        rows: assessed.map((r) => [requirementLabel(r), String(r.uppfyllt), String(r.delvis_uppfyllt), String(r.ej_uppfyllt)]),
        emptyText: 'Inga kvalitetskrav bedömdes under året.',
      },
      { kind: 'heading', text: 'Åtgärdskrav och uppföljning' },
      {
        kind: 'paragraph',
        text: `Tillsynerna ledde till ${data.actions.total} åtgärdskrav. ${data.actions.overdue} av dem är försenade.`,
      },
      {
        kind: 'table',
        columns: [
          { header: 'Status', width: 3 },
          { header: 'Antal', width: 1, align: 'right' },
        ],
        rows: data.actions.byStatus.map((r) => [ACTION_STATUS_LABELS[r.status], String(r.count)]),
      },
      { kind: 'heading', text: 'Tillsyn på initiativ av IVO' },
      {
        kind: 'table',
        columns: [
          { header: 'Datum', width: 1.2 },
          { header: 'Enhet', width: 2.5 },
          { header: 'Iakttagelser', width: 4 },
        ],
        rows: data.ivoInspections.map((i) => [i.startDate, `${i.unitName} (${i.operatingAreaName})`, i.summary]),
        emptyText: 'IVO genomförde ingen tillsyn under året.',
      },
      ...lexCaseBlocks(data.year, data.lexCases),
      ...feedbackBlocks(data.year, data.feedback),
      { kind: 'heading', text: 'Samtliga tillsyner' },
      {
        kind: 'table',
        columns: [
          { header: 'Datum', width: 1.2 },
          { header: 'Enhet', width: 3 },
          { header: 'Typ', width: 1.6 },
          { header: 'Anmäld', width: 1 },
          { header: 'Brister', width: 0.9, align: 'right' },
          { header: 'Status', width: 1.1 },
        ],
        rows: data.inspections.map((i) => [
          i.startDate,
          i.unitName,
          i.origin === 'ivo' ? 'IVO' : INSPECTION_TYPE_LABELS[i.inspectionType],
          announcedLabel(i.announced),
          String(i.shortfallCount),
          INSPECTION_STATUS_LABELS[i.status],
        ]),
        emptyText: 'Inga tillsyner genomfördes under året.',
      },
    ],
  };
}
