// Demo analysverkstäder for Exempelby kommun's hemtjänst (seed 003 §14): one in November 2025 and
// one a year later. The first analysed the self-assessment and the few deviations hemtjänst writes
// (falls and missed medication, seed 003 §8), with the self-assessment frozen as it was that day,
// and decided actions that now stand in every status of
// the register, some of them overdue; the second follows them up and decides new ones.
// Written through db/writes, like the rest of the demo.
import { eq } from 'drizzle-orm';
import { operatingAreas } from '../schema/organisation.ts';
import { addAgendaItem, addParticipant, createAnalysisSession, linkRisk } from '../writes/analysis.ts';
import { createAction } from '../writes/actions.ts';
import { takeSnapshot } from '../writes/snapshots.ts';
import type { ActionStatus } from '../domain/codes.ts';
import type { AppDatabase } from '../open.ts';

const BY = 'exempeldata';

export const DEMO_ANALYSIS_AREA = 'Hemtjänst';

interface DemoDecision {
  description: string;
  unit?: string;
  responsible: string;
  deadline: string;
  status: ActionStatus;
  followUpDate?: string;
  closingNote?: string;
  closedAt?: string;
}

interface DemoView {
  name: string;
  params: Record<string, unknown>;
}

interface DemoSession {
  heldOn: string;
  title: string;
  notes: string;
  participants: readonly (readonly [name: string, role: string])[];
  /** Items; one with a view shows that view frozen as of the session day. */
  agenda: readonly (readonly [heading: string, notes: string, view?: DemoView])[];
  decisions: readonly DemoDecision[];
}

const PARTICIPANTS = [
  ['Margareta Sjöholm', 'Verksamhetschef'],
  ['Anna Lindqvist', 'Enhetschef'],
  ['Björn Ekström', 'Enhetschef'],
  ['Camilla Öberg', 'Enhetschef'],
  ['Lena Frost', 'Verksamhetsutvecklare'],
  ['Jonas Berg', 'Verksamhetsutvecklare IT'],
] as const;

export const DEMO_ANALYSIS_SESSIONS: readonly DemoSession[] = [
  {
    heldOn: '2025-11-12',
    title: 'Analysverkstad hemtjänst hösten 2025',
    notes: 'Nästa analysverkstad hålls om ett år; åtgärderna följs upp i kvalitetsrådet under våren.',
    participants: [...PARTICIPANTS, ['Eva Nordin', 'MAS']],
    agenda: [
      [
        'Självskattning 2025',
        'Helhetssyn och samordning är svagast i alla grupper. SIP och samordning med hemsjukvården tas upp särskilt.',
        { name: 'selfAssessment.heatmap', params: { year: 2025 } },
      ],
      [
        'Avvikelser',
        'Få avvikelser skrivs i hemtjänsten; de som kommer in gäller fall och uteblivna läkemedel. Personalen behöver stöd att skriva.',
        { name: 'deviations.byUnit', params: { year: 2025 } },
      ],
      ['Riskanalys', 'Fall i hemmet och missade läkemedelsdoser bedöms som de största riskerna.', { name: 'risks.matrix', params: {} }],
      ['Behörigheter i Lifecare', 'Behörigheter ses över när personal slutar.'],
    ],
    decisions: [
      {
        description: 'Revidera rutinen för fallprevention och gå igenom den på varje arbetsplatsträff.',
        responsible: 'Anna Lindqvist', deadline: '2026-03-31', status: 'stangd', followUpDate: '2026-04-15',
        closingNote: 'Rutinen reviderades i februari och gicks igenom på alla arbetsplatsträffar i mars.', closedAt: '2026-04-15T10:00:00.000Z',
      },
      { description: 'Utbilda all personal i avvikelserapportering.', responsible: 'Margareta Sjöholm', deadline: '2026-04-30', status: 'verifierad', followUpDate: '2026-05-20' },
      { description: 'Inför signeringslista för läkemedel i alla hemtjänstgrupper.', unit: 'Hemtjänst Söder', responsible: 'Camilla Öberg', deadline: '2026-06-30', status: 'atgardad', followUpDate: '2027-01-20' },
      { description: 'Ta fram en plan för SIP tillsammans med hemsjukvården.', responsible: 'Björn Ekström', deadline: '2026-05-31', status: 'atgardsplan_inkommen' },
      { description: 'Ta fram avvikelsestatistik per enhet ur verksamhetssystemet varje tertial.', responsible: 'Jonas Berg', deadline: '2026-09-30', status: 'oppen' },
    ],
  },
  {
    heldOn: '2026-11-11',
    title: 'Analysverkstad hemtjänst hösten 2026',
    notes: '',
    participants: [...PARTICIPANTS, ['Sofia Lind', 'SAS']],
    agenda: [
      ['Uppföljning av förra årets åtgärder', 'Fallrutinen är införd. SIP-planen och avvikelsestatistiken är försenade.'],
      [
        'Självskattning 2026',
        'Helhetssyn och samordning har förbättrats något sedan 2025 men är fortfarande lägst.',
        { name: 'selfAssessment.heatmap', params: { year: 2026 } },
      ],
      ['Självskattning över åren', '', { name: 'selfAssessment.trends', params: {} }],
      [
        'Avvikelser',
        'Fler avvikelser skrivs sedan utbildningen; fallen har minskat.',
        { name: 'deviations.byTypeOverTime', params: { fromYear: 2025, toYear: 2026 } },
      ],
      ['Risker', 'Fallrisken har sjunkit efter åtgärderna; risken för missade läkemedelsdoser kvarstår.', { name: 'risks.matrix', params: {} }],
    ],
    decisions: [
      { description: 'Följ upp signeringslistorna för läkemedel vid varje teamträff.', unit: 'Hemtjänst Söder', responsible: 'Camilla Öberg', deadline: '2027-02-28', status: 'oppen' },
      { description: 'Inför en kontaktperson för SIP i varje hemtjänstgrupp.', responsible: 'Margareta Sjöholm', deadline: '2027-03-31', status: 'oppen' },
    ],
  },
];

/** Seeds the demo sessions; returns their ids, oldest first. */
export function seedAnalysisSessions(db: AppDatabase): string[] {
  const area = db.orm.select({ id: operatingAreas.id }).from(operatingAreas).where(eq(operatingAreas.name, DEMO_ANALYSIS_AREA)).get();
  if (!area) throw new Error(`Demo area ${DEMO_ANALYSIS_AREA} is missing.`);
  const unitIdByName = new Map(
    db.sqlite
      .prepare<[string], { id: string; name: string }>('SELECT id, name FROM units WHERE operating_area_id = ?')
      .all(area.id)
      .map((u) => [u.name, u.id]),
  );
  return DEMO_ANALYSIS_SESSIONS.map((demo) => {
    const sessionId = createAnalysisSession(
      db,
      { heldOn: demo.heldOn, title: demo.title, operatingAreaId: area.id, unitIds: [], status: 'genomford', notes: demo.notes },
      BY,
    );
    for (const [name, role] of demo.participants) addParticipant(db, sessionId, { name, role }, BY);
    const scope = { kind: 'area', areaId: area.id } as const;
    for (const [heading, notes, view] of demo.agenda) {
      const snapshotId = view ? takeSnapshot(db, { ...view, scope, asOf: demo.heldOn }, BY).id : null;
      addAgendaItem(db, sessionId, { heading, notes, snapshotId }, BY);
    }
    // The session reviews the area's risks identified by its day (seedRisks: assessed a year apart).
    for (const risk of db.sqlite.prepare<[string, string], { id: string }>('SELECT id FROM risks WHERE operating_area_id = ? AND identified_on <= ?').all(area.id, demo.heldOn)) {
      linkRisk(db, sessionId, risk.id, BY);
    }
    for (const d of demo.decisions) {
      createAction(
        db,
        {
          source: 'analysverkstad',
          analysisSessionId: sessionId,
          description: d.description,
          reason: `Beslut i analysverkstad ${demo.heldOn}.`,
          unitId: d.unit ? (unitIdByName.get(d.unit) ?? null) : null,
          responsible: d.responsible,
          deadline: d.deadline,
          status: d.status,
          followUpDate: d.followUpDate ?? null,
          closingNote: d.closingNote ?? '',
          closedAt: d.closedAt ?? null,
          inspectionId: null,
          assessmentId: null,
        },
        BY,
      );
    }
    return sessionId;
  });
}
