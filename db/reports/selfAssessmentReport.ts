// Självskattningens sammanställning for one year (issue item 7): response rate, results per area
// and per unit (the heatmap the Resultat page draws, from the same option builder), the common
// development areas (lowest statements) and strengths (highest), and the change per area since the
// previous year. Read from db/queries/selfAssessment.ts; drawn by pdf.ts and docx.ts.
import { findTemplate, getProgress, getResults, getStatementRanking, requireTemplate } from '../queries/selfAssessment.ts';
import { scoreLabel, selfAssessmentHeatmap } from '../shared/selfAssessmentCharts.ts';
import { safeFileName, type ReportDocument } from '../io/reportDocument.ts';
import type { StatementResult } from '../api/selfAssessment.contract.ts';
import type { AppDatabase } from '../open.ts';

const RANKED = 5;

/** A change in mean with its sign, rounded to one decimal first (so −0,04 is ±0,0, never −0,0). */
function changeLabel(change: number | null): string {
  if (change === null) return '–';
  const rounded = Math.round(change * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${scoreLabel(Math.abs(rounded))}`;
}

function statementRows(rows: readonly StatementResult[], areaName: (area: string) => string): string[][] {
  return rows.map((s) => [s.text, areaName(s.area), scoreLabel(s.mean), String(s.count)]);
}

export function selfAssessmentReportDocument(db: AppDatabase, year: number): ReportDocument {
  requireTemplate(db, year);
  const progress = getProgress(db, year);
  const results = getResults(db, year);
  const ranking = getStatementRanking(db, year, {}, RANKED);
  const previous = findTemplate(db, year - 1) ? getResults(db, year - 1) : null;
  const responding = progress.units.filter((u) => u.answered > 0).length;
  const areaName = (area: string) => results.areas.find((a) => a.area === area)?.name ?? area;
  const scoredUnits = results.units.filter((u) => results.cells.some((c) => c.unitId === u.unitId && c.mean !== null));
  const title = `Självskattning ${year} – sammanställning`;
  const rate = progress.units.length === 0 ? 0 : Math.round((responding / progress.units.length) * 100);
  const columns = [
    { header: 'Påstående', width: 6 },
    { header: 'Område', width: 3 },
    { header: 'Medel', width: 1.2, align: 'right' as const },
    { header: 'Svar', width: 1, align: 'right' as const },
  ];
  return {
    title,
    fileName: safeFileName(`Självskattning ${year} sammanställning`),
    footer: title,
    blocks: [
      { kind: 'title', text: title, subtitle: 'Enheternas självskattning per område' },
      {
        kind: 'paragraph',
        text: 'Medelvärden räknas bara på givna poäng (1–10). ”Ej tillämplig” och obesvarade påståenden räknas aldrig som noll.',
        muted: true,
      },
      { kind: 'heading', text: 'Svarsfrekvens' },
      {
        kind: 'facts',
        rows: [
          ['Enheter som svarat', `${responding} av ${progress.units.length} (${rate} %)`],
          ['Enheter som besvarat alla påståenden', String(progress.completeCount)],
          ['Påståenden i mallen', String(progress.statementCount)],
          ['Enheter som inte svarat', progress.notAnswered.map((u) => u.unitName).join(', ') || 'Inga'],
        ],
      },
      { kind: 'heading', text: 'Resultat per område' },
      {
        kind: 'table',
        columns: [
          { header: 'Område', width: 4 },
          { header: 'Medel', width: 1, align: 'right' },
          { header: 'Median', width: 1, align: 'right' },
          { header: 'Antal svar', width: 1, align: 'right' },
          { header: 'Ej tillämplig', width: 1.2, align: 'right' },
          { header: `Förändring sedan ${year - 1}`, width: 1.6, align: 'right' },
        ],
        rows: results.areaTotals.map((total) => {
          const before = previous?.areaTotals.find((p) => p.area === total.area)?.mean ?? null;
          const change = total.mean !== null && before !== null ? total.mean - before : null;
          return [
            areaName(total.area),
            scoreLabel(total.mean),
            scoreLabel(total.median),
            String(total.count),
            String(total.notApplicable),
            changeLabel(change),
          ];
        }),
      },
      ...(previous ? [] : [{ kind: 'paragraph' as const, text: `Det finns ingen självskattning för ${year - 1} att jämföra med.`, muted: true }]),
      { kind: 'heading', text: 'Resultat per enhet och område' },
      scoredUnits.length === 0
        ? { kind: 'paragraph', text: 'Ingen enhet har gett poäng ännu.' }
        : {
            kind: 'chart',
            title: `Medelvärde per enhet och område ${year}`,
            chart: selfAssessmentHeatmap({ areas: results.areas, units: scoredUnits, cells: results.cells }, { legend: 'Medelvärde' }),
            description: `Värmekarta: medelvärdet för ${scoredUnits.length} enheter i de fem områdena.`,
          },
      { kind: 'heading', text: 'Gemensamma utvecklingsområden' },
      { kind: 'paragraph', text: 'Påståendena med lägst medelvärde över alla enheter.', muted: true },
      { kind: 'table', columns, rows: statementRows(ranking.lowest, areaName), emptyText: 'Inga poäng ännu.' },
      { kind: 'heading', text: 'Styrkor att upprätthålla' },
      { kind: 'paragraph', text: 'Påståendena med högst medelvärde över alla enheter.', muted: true },
      { kind: 'table', columns, rows: statementRows(ranking.highest, areaName), emptyText: 'Inga poäng ännu.' },
    ],
  };
}
