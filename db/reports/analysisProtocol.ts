// The analysverkstad protocol (protokoll): the session's minutes – participants, agenda items with
// their notes and frozen analyses (the same charts as on screen, db/io/viewBlocks.ts), the decided actions with owner, deadline and today's status, and the previous
// session's actions as they stand – as one ReportDocument, drawn alike by pdf.ts and docx.ts.
import { ACTION_STATUS_LABELS } from '../domain/overdue.ts';
import { getAnalysisSession } from '../queries/analysis.ts';
import { readSnapshot } from '../queries/snapshots.ts';
import { viewBlocks } from '../io/viewBlocks.ts';
import type { SnapshotView } from '../api/views.contract.ts';
import type { RiskRow } from '../api/risks.contract.ts';
import { riskMatrixCells, RISK_BAND_LABELS } from '../domain/riskMatrix.ts';
import { riskMatrixChart } from '../shared/riskMatrixChart.ts';
import { RISK_MATRIX_LABELS } from '../views/risks.ts';
import { safeFileName, type ReportBlock, type ReportDocument, type TableBlock } from '../io/reportDocument.ts';
import type { ActionRow } from '../api/actions.contract.ts';
import type { AnalysisSessionDetail } from '../api/analysis.contract.ts';
import type { AppDatabase } from '../open.ts';

const SESSION_STATUS_LABELS = { planerad: 'Planerad', genomford: 'Genomförd' } as const;

/** "Hemtjänst" or "Hemtjänst: Hemtjänst Norr, Hemtjänst Söder". */
export function sessionScopeText(session: Pick<AnalysisSessionDetail, 'operatingAreaName' | 'units'>): string {
  return session.units.length ? `${session.operatingAreaName}: ${session.units.map((u) => u.name).join(', ')}` : session.operatingAreaName;
}

function actionTable(actions: readonly ActionRow[], emptyText: string): TableBlock {
  return {
    kind: 'table',
    columns: [
      { header: 'Åtgärd', width: 4 },
      { header: 'Enhet', width: 1.8 },
      { header: 'Ansvarig', width: 1.7 },
      { header: 'Sista dag', width: 1.3 },
      { header: 'Status', width: 1.5 },
    ],
    rows: actions.map((a) => [a.description, a.unitName ?? 'Hela området', a.responsible, a.deadline, `${ACTION_STATUS_LABELS[a.status]}${a.overdue ? ' (försenad)' : ''}`]),
    emphasisRows: actions.flatMap((a, index) => (a.overdue ? [index] : [])),
    emptyText,
  };
}

/** The session's frozen analyses by snapshot id, read for the protocol. */
export type FrozenAnalyses = ReadonlyMap<string, SnapshotView>;

/** The risks reviewed: their table (value before and after actions) and the matrix as on the Risker page. */
function riskBlocks(risks: readonly RiskRow[]): ReportBlock[] {
  const assessed = (a: RiskRow['assessments'][number] | undefined) => (a ? `${a.value} (${RISK_BAND_LABELS[a.band]})` : '–');
  const position = (a: RiskRow['assessments'][number] | undefined) => (a ? { probability: a.probability, severity: a.severity } : null);
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: 'Risker' },
    {
      kind: 'table',
      columns: [
        { header: 'Nr', width: 0.6, align: 'right' },
        { header: 'Risk', width: 4.4 },
        { header: 'Enhet', width: 1.8 },
        { header: 'Före åtgärder', width: 1.5 },
        { header: 'Efter åtgärder', width: 1.5 },
      ],
      rows: risks.map((r) => [String(r.number), r.description, r.unitName ?? 'Hela området', assessed(r.assessments[0]), r.assessments.length > 1 ? assessed(r.assessments.at(-1)) : '–']),
      emptyText: 'Inga risker gicks igenom.',
    },
  ];
  if (risks.length) {
    const chart = riskMatrixChart(
      {
        cells: riskMatrixCells(),
        risks: risks.map((r) => ({ number: r.number, description: r.description, before: position(r.assessments[0]), after: r.assessments.length > 1 ? position(r.assessments.at(-1)) : null })),
      },
      RISK_MATRIX_LABELS,
    );
    blocks.push({ kind: 'chart', title: 'Riskmatris', chart, description: `Riskmatris med ${risks.length} risker: sannolikhet för upprepning × allvarlighetsgrad, före och efter åtgärder.` });
  }
  return blocks;
}

export function analysisProtocolDocument(session: AnalysisSessionDetail, analyses: FrozenAnalyses = new Map()): ReportDocument {
  const blocks: ReportBlock[] = [
    { kind: 'title', text: 'Protokoll – Analysverkstad', subtitle: `${session.title} · ${session.heldOn}` },
    {
      kind: 'facts',
      rows: [
        ['Datum', session.heldOn],
        ['Verksamhetsområde', session.operatingAreaName],
        ['Enheter', session.units.length ? session.units.map((u) => u.name).join(', ') : 'Hela verksamhetsområdet'],
        ['Status', SESSION_STATUS_LABELS[session.status]],
      ],
    },
    { kind: 'heading', text: 'Deltagare' },
    {
      kind: 'table',
      columns: [
        { header: 'Namn', width: 3 },
        { header: 'Roll', width: 3 },
      ],
      rows: session.participants.map((p) => [p.name, p.role]),
      emptyText: 'Inga deltagare är antecknade.',
    },
    { kind: 'heading', text: 'Dagordning' },
  ];
  if (session.agendaItems.length === 0) blocks.push({ kind: 'paragraph', text: 'Dagordningen har inga punkter.', muted: true });
  session.agendaItems.forEach((item, index) => {
    blocks.push({ kind: 'heading', text: `${index + 1}. ${item.heading}` });
    const analysis = item.snapshotId ? analyses.get(item.snapshotId) : undefined;
    // The frozen analysis as on screen (same presentation, same chart), then what was said about it.
    if (analysis) blocks.push(...viewBlocks(analysis.presentation, { asOf: analysis.asOf }));
    if (item.notes.trim()) blocks.push({ kind: 'paragraph', text: item.notes });
    else if (!analysis) blocks.push({ kind: 'paragraph', text: 'Inga anteckningar.', muted: true });
  });
  blocks.push(...riskBlocks(session.risks));
  blocks.push({ kind: 'heading', text: 'Beslutade åtgärder' });
  blocks.push({
    kind: 'paragraph',
    text: 'Åtgärderna följs upp i åtgärdsregistret (Uppföljning); status är som i dag.',
    muted: true,
  });
  blocks.push(actionTable(session.actions, 'Inga åtgärder beslutades.'));
  if (session.previous) {
    blocks.push({ kind: 'heading', text: `Åtgärder från föregående analysverkstad (${session.previous.heldOn})` });
    blocks.push(actionTable(session.previous.actions, 'Föregående analysverkstad beslutade inga åtgärder.'));
  }
  if (session.notes.trim()) {
    blocks.push({ kind: 'heading', text: 'Övriga anteckningar' });
    blocks.push({ kind: 'paragraph', text: session.notes });
  }
  return {
    title: `Protokoll analysverkstad ${session.title} ${session.heldOn}`,
    fileName: safeFileName(`Protokoll analysverkstad ${session.operatingAreaName} ${session.heldOn}`),
    footer: `Protokoll analysverkstad · ${sessionScopeText(session)} · ${session.heldOn}`,
    blocks,
  };
}

export function analysisProtocol(db: AppDatabase, sessionId: string, today: string): ReportDocument {
  const session = getAnalysisSession(db, sessionId, today);
  const analyses = new Map(
    session.agendaItems.flatMap((item) => (item.snapshotId ? [[item.snapshotId, readSnapshot(db, item.snapshotId, item.previousSnapshotId ?? undefined)] as const] : [])),
  );
  return analysisProtocolDocument(session, analyses);
}
