// The tillsynsrapport (seed 004: "Varje tillsyn dokumenteras i en rapport som lämnas till utförare
// och beställare"): its data, read once, and the document drawn from it for PDF and Word alike.
import { ACTION_STATUS_LABELS } from '../domain/overdue.ts';
import { REGI_LABELS, UNIT_TYPE_LABELS } from '../api/labels.ts';
import { getInspection } from '../queries/inspections.ts';
import { safeFileName, type ReportBlock, type ReportDocument } from '../io/reportDocument.ts';
import { INSPECTION_TYPE_LABELS, ORIGIN_LABELS, RESULT_LABELS, announcedLabel } from './labels.ts';
import type { AppDatabase } from '../open.ts';
import type { InspectionDetail, InspectionReportData, ResultCounts } from '../api/tillsynInspection.contract.ts';

export function countResults(results: readonly { result: keyof ResultCounts }[]): ResultCounts {
  const counts: ResultCounts = { uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedomt: 0 };
  for (const { result } of results) counts[result]++;
  return counts;
}

export function inspectionReportData(db: AppDatabase, inspectionId: string, today: string): InspectionReportData {
  const inspection = getInspection(db, inspectionId, today);
  return {
    inspection,
    title: `Tillsynsrapport – ${inspection.unitName}, ${inspection.startDate}`,
    resultCounts: countResults(inspection.assessments),
  };
}

function methodsText(i: InspectionDetail): string {
  const methods = [
    i.methodInterview ? 'intervju' : '',
    i.methodObservation ? 'observation' : '',
    i.methodDocumentReview ? 'dokumentgranskning' : '',
    i.methodRecordReview ? 'journalgranskning' : '',
  ].filter(Boolean);
  if (methods.length === 0) return 'Inte angivet';
  const text = methods.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function datesText(i: InspectionDetail): string {
  return i.endDate && i.endDate !== i.startDate ? `${i.startDate} – ${i.endDate}` : i.startDate;
}

/** "Av 10 bedömda kvalitetskrav var 7 uppfyllda, 2 delvis uppfyllda och 1 ej uppfyllt." */
export function resultSentence(counts: ResultCounts): string {
  const assessed = counts.uppfyllt + counts.delvis_uppfyllt + counts.ej_uppfyllt;
  if (assessed === 0) return 'Inga kvalitetskrav har bedömts ännu.';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const text =
    `Av ${plural(assessed, 'bedömt kvalitetskrav', 'bedömda kvalitetskrav')} var ` +
    `${plural(counts.uppfyllt, 'uppfyllt', 'uppfyllda')}, ${plural(counts.delvis_uppfyllt, 'delvis uppfyllt', 'delvis uppfyllda')} ` +
    `och ${counts.ej_uppfyllt} ej uppfyllt${counts.ej_uppfyllt === 1 ? '' : 'a'}.`;
  return counts.ej_bedomt > 0 ? `${text} ${plural(counts.ej_bedomt, 'krav', 'krav')} har inte bedömts.` : text;
}

export function inspectionReportDocument(data: InspectionReportData): ReportDocument {
  const i = data.inspection;
  const blocks: ReportBlock[] = [
    { kind: 'title', text: 'Tillsynsrapport', subtitle: `${i.unitName} · ${datesText(i)}` },
    {
      kind: 'paragraph',
      text: `Rapporten lämnas till utföraren (${i.provider}) och till beställaren. Tillsynen har genomförts utifrån de kvalitetskrav som beställaren fastställt.`,
      muted: true,
    },
    { kind: 'heading', text: 'Uppgifter om tillsynen' },
    {
      kind: 'facts',
      rows: [
        ['Enhet', i.unitName],
        ['Verksamhetsområde', i.operatingAreaName],
        ['Verksamhetstyp', UNIT_TYPE_LABELS[i.unitType]],
        ['Utförare', `${i.provider} (${REGI_LABELS[i.regi].toLocaleLowerCase('sv')})`],
        ['Enhetschef', i.unitManager],
        ['Datum', datesText(i)],
        ['Typ av tillsyn', INSPECTION_TYPE_LABELS[i.inspectionType] + (i.themeTitle ? ` – ${i.themeTitle}` : '')],
        ['Anmäld eller oanmäld', announcedLabel(i.announced)],
        ['Initiativ', ORIGIN_LABELS[i.origin]],
        ['Metoder', methodsText(i)],
        ['Deltagare', i.participants],
        ['Tillsynshandläggare', i.inspectors.map((p) => p.name).join(', ')],
      ],
    },
    { kind: 'heading', text: 'Sammanfattning' },
    { kind: 'paragraph', text: i.summary.trim() || 'Ingen sammanfattning har skrivits.' },
    { kind: 'paragraph', text: resultSentence(data.resultCounts) },
    { kind: 'heading', text: 'Bedömning per kvalitetskrav' },
    {
      kind: 'table',
      columns: [
        { header: 'Kvalitetskrav', width: 3 },
        { header: 'Bedömning', width: 1.4 },
        { header: 'Iakttagelser', width: 4.6 },
      ],
      rows: i.assessments.map((a) => [`${a.code} ${a.title}${a.version > 1 ? ` (version ${a.version})` : ''}`, RESULT_LABELS[a.result], a.observation]),
      emphasisRows: i.assessments.flatMap((a, index) => (a.result === 'ej_uppfyllt' ? [index] : [])),
      emptyText: 'Inga kvalitetskrav ingick i tillsynen.',
    },
    { kind: 'heading', text: 'Åtgärdskrav' },
    {
      kind: 'paragraph',
      text:
        i.actions.length > 0
          ? 'Utföraren ska åtgärda bristerna nedan senast angivet datum och redovisa en åtgärdsplan. Tillsynsenheten följer arbetet tills förbättringarna är genomförda.'
          : 'Tillsynen ledde inte till några åtgärdskrav.',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Krav', width: 0.8 },
        { header: 'Åtgärd', width: 4.2 },
        { header: 'Sista dag', width: 1.3 },
        { header: 'Ansvarig', width: 1.7 },
        { header: 'Status', width: 1.5 },
      ],
      rows: i.actions.map((a) => [a.requirementCode ?? '–', a.description, a.deadline, a.responsible, ACTION_STATUS_LABELS[a.status]]),
      emphasisRows: i.actions.flatMap((a, index) => (a.overdue ? [index] : [])),
    },
  ];
  const sent = [
    i.reportSentProviderAt ? `till utföraren ${i.reportSentProviderAt}` : '',
    i.reportSentCommissionerAt ? `till beställaren ${i.reportSentCommissionerAt}` : '',
  ].filter(Boolean);
  if (sent.length) blocks.push({ kind: 'paragraph', text: `Rapporten skickades ${sent.join(' och ')}.`, muted: true });
  if (i.status === 'avslutad') {
    blocks.push({
      kind: 'paragraph',
      text: `Tillsynen avslutades ${i.closedAt?.slice(0, 10) ?? ''}.${i.closeNote ? ` Skäl: ${i.closeNote}` : ''}`,
      muted: true,
    });
  }
  return {
    title: data.title,
    fileName: safeFileName(`Tillsynsrapport ${i.unitName} ${i.startDate}`),
    footer: `Tillsynsrapport · ${i.unitName} · ${i.startDate}`,
    blocks,
  };
}
