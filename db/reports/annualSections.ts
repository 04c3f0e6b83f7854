// The tillsynsberättelse's sections beyond the inspections themselves (seed 004: "Berättelsen
// innehåller också en redovisning av synpunkter och Lex-Sarahrapporter"): lex Sarah and lex Maria
// cases, synpunkter against the previous year, and inspections by regi. Counts only: no summaries,
// no person data. Data and blocks live here; annualReport.ts puts them in the report.
import { FEEDBACK_TYPES, LEX_CATEGORIES, LEX_SEVERITIES, LEX_STATUSES, LEX_TYPES, REGI, type FeedbackType, type Regi } from '../domain/codes.ts';
import { FEEDBACK_COLORS, stackedCountsChart } from '../shared/charts.ts';
import { swedishCompare } from '../shared/collation.ts';
import { changeText } from '../shared/yearChange.ts';
import { listLexCases } from '../queries/lexCases.ts';
import { listFeedback } from '../queries/feedback.ts';
import { FEEDBACK_TYPE_LABELS, REGI_LABELS } from '../api/labels.ts';
import { LEX_CATEGORY_LABELS, LEX_SEVERITY_LABELS, LEX_STATUS_LABELS, LEX_TYPE_LABELS } from './labels.ts';
import type { ReportBlock } from '../io/reportDocument.ts';
import type { AppDatabase } from '../open.ts';
import type { AnnualFeedback, AnnualLexCases, AnnualRegiRow, InspectionListRow } from '../api/tillsynInspection.contract.ts';

const countWhere = <T>(items: readonly T[], pick: (item: T) => boolean) => items.filter(pick).length;

export function annualLexCases(db: AppDatabase, year: number): AnnualLexCases {
  const cases = listLexCases(db, { year });
  const perGroup = <K extends string>(key: (c: (typeof cases)[number]) => K) => {
    const map = new Map<K, { lexSarah: number; lexMaria: number; ivoReported: number }>();
    for (const c of cases) {
      const row = map.get(key(c)) ?? { lexSarah: 0, lexMaria: 0, ivoReported: 0 };
      row[c.lexType === 'lex_sarah' ? 'lexSarah' : 'lexMaria']++;
      if (c.ivoReported) row.ivoReported++;
      map.set(key(c), row);
    }
    return map;
  };
  const areas = perGroup((c) => c.operatingAreaName);
  const unitsByKey = perGroup((c) => `${c.operatingAreaName}\u0000${c.unitName}`);
  return {
    total: cases.length,
    ivoReported: countWhere(cases, (c) => c.ivoReported),
    byType: LEX_TYPES.map((lexType) => ({
      lexType,
      count: countWhere(cases, (c) => c.lexType === lexType),
      ivoReported: countWhere(cases, (c) => c.lexType === lexType && c.ivoReported),
    })),
    byCategory: LEX_CATEGORIES.map((category) => ({
      category,
      lexSarah: countWhere(cases, (c) => c.category === category && c.lexType === 'lex_sarah'),
      lexMaria: countWhere(cases, (c) => c.category === category && c.lexType === 'lex_maria'),
    })).filter((r) => r.lexSarah + r.lexMaria > 0),
    bySeverity: LEX_SEVERITIES.map((severity) => ({ severity, count: countWhere(cases, (c) => c.severity === severity) })),
    byStatus: LEX_STATUSES.map((status) => ({ status, count: countWhere(cases, (c) => c.status === status) })),
    byArea: [...areas].map(([operatingAreaName, r]) => ({ operatingAreaName, ...r })).sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName)),
    byUnit: [...unitsByKey]
      .map(([key, r]) => {
        const [operatingAreaName = '', unitName = ''] = key.split('\u0000');
        return { unitName, operatingAreaName, ...r };
      })
      .sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName) || swedishCompare(a.unitName, b.unitName)),
  };
}

const emptyFeedback = (): Record<FeedbackType, number> => ({ klagomal: 0, synpunkt: 0, berom: 0, forslag: 0 });

export function annualFeedback(db: AppDatabase, year: number): AnnualFeedback {
  const current = listFeedback(db, year);
  const previous = listFeedback(db, year - 1);
  const byArea = new Map<string, AnnualFeedback['byArea'][number]>();
  const areaRow = (name: string) => {
    const row = byArea.get(name) ?? { operatingAreaName: name, counts: emptyFeedback(), total: 0, previousTotal: 0 };
    byArea.set(name, row);
    return row;
  };
  for (const r of current) {
    const row = areaRow(r.operatingAreaName);
    for (const type of FEEDBACK_TYPES) row.counts[type] += r.counts[type];
    row.total += r.total;
  }
  for (const r of previous) areaRow(r.operatingAreaName).previousTotal += r.total;
  const sum = (rows: typeof current, type: FeedbackType) => rows.reduce((n, r) => n + r.counts[type], 0);
  return {
    total: current.reduce((n, r) => n + r.total, 0),
    previousTotal: previous.reduce((n, r) => n + r.total, 0),
    byType: FEEDBACK_TYPES.map((feedbackType) => ({ feedbackType, count: sum(current, feedbackType), previousCount: sum(previous, feedbackType) })),
    byArea: [...byArea.values()].sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName)),
  };
}

/** The year's inspections, their shortfalls and their åtgärdskrav by the unit's regi. */
export function annualByRegi(
  db: AppDatabase,
  inspections: readonly Pick<InspectionListRow, 'id' | 'unitId' | 'shortfallCount'>[],
  actions: readonly { inspectionId: string; status: string }[],
): AnnualRegiRow[] {
  const regiOf = new Map(db.sqlite.prepare<[], { id: string; regi: Regi }>('SELECT id, regi FROM units').all().map((u) => [u.id, u.regi]));
  const inspectionRegi = new Map(inspections.map((i) => [i.id, regiOf.get(i.unitId)]));
  return REGI.map((regi) => {
    const own = inspections.filter((i) => inspectionRegi.get(i.id) === regi);
    const ownActions = actions.filter((a) => inspectionRegi.get(a.inspectionId) === regi);
    return {
      regi,
      inspections: own.length,
      shortfalls: own.reduce((n, i) => n + i.shortfallCount, 0),
      actions: ownActions.length,
      openActions: countWhere(ownActions, (a) => a.status !== 'stangd'),
    };
  });
}

const right = 'right' as const;

export function regiBlocks(rows: readonly AnnualRegiRow[]): ReportBlock[] {
  return [
    { kind: 'heading', text: 'Per regi' },
    {
      kind: 'paragraph',
      text: 'Tillsyner, brister (delvis eller ej uppfyllda kvalitetskrav) och åtgärdskrav fördelade på enheter i egen regi, hos privata utförare och hos ideella föreningar.',
      muted: true,
    },
    {
      kind: 'table',
      columns: [
        { header: 'Regi', width: 2.5 },
        { header: 'Tillsyner', width: 1, align: right },
        { header: 'Brister', width: 1, align: right },
        { header: 'Åtgärdskrav', width: 1.2, align: right },
        { header: 'Varav öppna', width: 1.2, align: right },
      ],
      rows: rows.map((r) => [REGI_LABELS[r.regi], String(r.inspections), String(r.shortfalls), String(r.actions), String(r.openActions)]),
    },
  ];
}

export function lexCaseBlocks(year: number, data: AnnualLexCases): ReportBlock[] {
  const [sarah, maria] = LEX_TYPES.map((t) => data.byType.find((r) => r.lexType === t) ?? { count: 0, ivoReported: 0 });
  return [
    { kind: 'heading', text: 'Lex Sarah och lex Maria' },
    {
      kind: 'paragraph',
      text:
        `Under ${year} registrerades ${sarah?.count ?? 0} ärenden enligt lex Sarah och ${maria?.count ?? 0} enligt lex Maria. ` +
        `${data.ivoReported} av dem anmäldes till IVO. Redovisningen innehåller inga uppgifter om enskilda personer.`,
    },
    {
      kind: 'facts',
      rows: [
        [LEX_TYPE_LABELS.lex_sarah, String(sarah?.count ?? 0)],
        [LEX_TYPE_LABELS.lex_maria, String(maria?.count ?? 0)],
        ['Anmälda till IVO', String(data.ivoReported)],
        ...data.bySeverity.filter((r) => r.count > 0).map((r) => [LEX_SEVERITY_LABELS[r.severity], String(r.count)] as const),
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'Kategori', width: 3 },
        { header: 'Lex Sarah', width: 1, align: right },
        { header: 'Lex Maria', width: 1, align: right },
      ],
      rows: data.byCategory.map((r) => [LEX_CATEGORY_LABELS[r.category], String(r.lexSarah), String(r.lexMaria)]),
      emptyText: `Inga ärenden enligt lex Sarah eller lex Maria registrerades ${year}.`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'Utredningsstatus', width: 3 },
        { header: 'Antal', width: 1, align: right },
      ],
      rows: data.byStatus.map((r) => [LEX_STATUS_LABELS[r.status], String(r.count)]),
    },
    {
      kind: 'table',
      columns: [
        { header: 'Verksamhetsområde och enhet', width: 4 },
        { header: 'Lex Sarah', width: 1, align: right },
        { header: 'Lex Maria', width: 1, align: right },
        { header: 'Till IVO', width: 1, align: right },
      ],
      rows: data.byArea.flatMap((area) => [
        [area.operatingAreaName, String(area.lexSarah), String(area.lexMaria), String(area.ivoReported)],
        ...data.byUnit
          .filter((u) => u.operatingAreaName === area.operatingAreaName)
          .map((u) => [`   ${u.unitName}`, String(u.lexSarah), String(u.lexMaria), String(u.ivoReported)]),
      ]),
      emphasisRows: areaRowIndexes(data),
    },
  ];
}

/** Rows of the per-area table that are areas (the unit rows follow each). */
function areaRowIndexes(data: AnnualLexCases): number[] {
  const indexes: number[] = [];
  let index = 0;
  for (const area of data.byArea) {
    indexes.push(index);
    index += 1 + data.byUnit.filter((u) => u.operatingAreaName === area.operatingAreaName).length;
  }
  return indexes;
}

export function feedbackSeries() {
  return FEEDBACK_TYPES.map((key) => ({ key, label: FEEDBACK_TYPE_LABELS[key], color: FEEDBACK_COLORS[key] }));
}

export function feedbackBlocks(year: number, data: AnnualFeedback): ReportBlock[] {
  return [
    { kind: 'heading', text: 'Synpunkter' },
    {
      kind: 'paragraph',
      text: `Under ${year} inkom ${data.total} synpunkter, klagomål, beröm och förslag (${year - 1}: ${data.previousTotal}, förändring ${changeText(data.total, data.previousTotal)}).`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'Typ', width: 3 },
        { header: String(year), width: 1, align: right },
        { header: String(year - 1), width: 1, align: right },
        { header: 'Förändring', width: 1.2, align: right },
      ],
      rows: data.byType.map((r) => [FEEDBACK_TYPE_LABELS[r.feedbackType], String(r.count), String(r.previousCount), changeText(r.count, r.previousCount)]),
    },
    ...(data.byArea.some((a) => a.total > 0)
      ? [
          {
            kind: 'chart' as const,
            title: 'Synpunkter per verksamhetsområde',
            chart: stackedCountsChart(
              data.byArea.filter((a) => a.total > 0).map((a) => ({ label: a.operatingAreaName, counts: a.counts })),
              feedbackSeries(),
            ),
            description: `Antal synpunkter ${year} per verksamhetsområde, staplade efter typ: klagomål, synpunkt, beröm, förslag.`,
          },
        ]
      : []),
    {
      kind: 'table',
      columns: [
        { header: 'Verksamhetsområde', width: 3 },
        ...FEEDBACK_TYPES.map((t) => ({ header: FEEDBACK_TYPE_LABELS[t], width: 1, align: right })),
        { header: 'Totalt', width: 1, align: right },
        { header: `Mot ${year - 1}`, width: 1, align: right },
      ],
      rows: data.byArea.map((a) => [
        a.operatingAreaName,
        ...FEEDBACK_TYPES.map((t) => String(a.counts[t])),
        String(a.total),
        changeText(a.total, a.previousTotal),
      ]),
      emptyText: `Inga synpunkter är registrerade för ${year}.`,
    },
  ];
}
