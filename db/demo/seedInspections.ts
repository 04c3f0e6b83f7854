// Demo inspections for Exempelby kommun as of 2026-11-23: most past placements of the 2025–2027
// plan carried out and assessed (mostly uppfyllt; shortfalls with required actions in every
// state, a few overdue), some past placements never inspected, two IVO inspections and a
// thematic inspection of nattfasta across the särskilt boenden. Deterministic: a seeded PRNG.
import { eq, inArray } from 'drizzle-orm';
import { addMonths, monthsOfTertial, tertialEndDate } from '../shared/period.ts';
import {
  assessments,
  inspectionInspectors,
  inspections,
  inspectionThemes,
  qualityRequirements,
  qualityRequirementVersions,
  type ActionStatus,
  type AssessmentResult,
} from '../schema/inspections.ts';
import { units } from '../schema/organisation.ts';
import { seededRandom } from './random.ts';
import { addFollowUp, createAction } from '../writes/actions.ts';
import { actionStatusOrder } from '../domain/overdue.ts';
import type { AppDatabase } from '../open.ts';
import type { DemoPlanEntry, DemoPlanning } from './seedPlanning.ts';

const BY = 'exempeldata';
/** The demo shows a cycle in progress on this day. */
export const DEMO_AS_OF = '2026-11-23';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pad = (n: number) => String(n).padStart(2, '0');

/** What an inspector writes when a requirement falls short, per requirement code. */
const SHORTFALL_OBSERVATIONS: Record<string, readonly string[]> = {
  K01: [
    'Fyra av tio granskade genomförandeplaner var äldre än sex månader och saknade uppgift om hur den enskilde varit delaktig.',
    'Genomförandeplanerna beskriver insatserna men inte den enskildes egna önskemål.',
  ],
  K02: ['Bemanningen nattetid motsvarar inte uppdraget; en medarbetare ansvarar för två avdelningar.', 'Flera vikarier saknar introduktion enligt enhetens rutin.'],
  K03: ['Under en tvåveckorsperiod mötte en kund i genomsnitt sexton olika medarbetare.', 'Kontaktmannaskapet fungerar inte under semesterperioden.'],
  K04: ['Registrering i Senior alert görs inte vid inflyttning.', 'BPSD-registreringar saknas för flera boende med demenssjukdom.'],
  K05: ['Riskbedömningar för fall och undernäring saknas för en tredjedel av de granskade.', 'Riskbedömningarna följs inte upp efter förändrat hälsotillstånd.'],
  K06: ['Vårdplaner saknas för patienter med hög risk för trycksår.', 'Åtgärderna i vårdplanerna är inte utvärderade.'],
  K07: ['Nattfastan överstiger elva timmar för flera boende; nattmål erbjuds inte.', 'Måltiderna är koncentrerade till dagtid; mellanmål saknas på kvällen.'],
  K08: ['Avvikelser om fall rapporteras men analyseras inte.', 'Medarbetarna känner inte till hur vårdskador ska rapporteras.'],
  K09: ['Synpunkter och klagomål dokumenteras inte och återkoppling ges inte.', 'Rutinen för klagomål är inte känd bland medarbetarna.'],
  K10: ['Medarbetarna känner inte till sin rapporteringsskyldighet enligt lex Sarah.', 'Utredning av en lex Sarah-rapport har dröjt mer än två månader.'],
};
const FULFILLED_OBSERVATIONS = [
  'Kravet uppfylls. Rutinen är känd och följs.',
  'Granskade dokument visar att kravet uppfylls.',
  'Medarbetarna beskriver arbetssättet samstämmigt och dokumentationen stöder det.',
  '',
];
const SUMMARIES = [
  'Verksamheten håller överlag god kvalitet. Tillsynen visade brister inom ett par områden som ska åtgärdas.',
  'Enheten har ett väl fungerande systematiskt kvalitetsarbete. Dokumentationen behöver förbättras.',
  'Tillsynen genomfördes utan anmärkning inom de flesta områden.',
];
const PARTICIPANTS = ['Enhetschef och två undersköterskor', 'Enhetschef, sjuksköterska och kontaktperson', 'Enhetschef och tre medarbetare från olika arbetslag'];

interface Requirement {
  versionId: string;
  code: string;
  title: string;
}

interface UnitInfo {
  id: string;
  name: string;
  unitType: string;
  manager: string;
}

function requirementsByCode(db: AppDatabase, versionIds: readonly string[]): Map<string, Requirement> {
  const rows = db.orm
    .select({ versionId: qualityRequirementVersions.id, code: qualityRequirements.code, title: qualityRequirementVersions.title })
    .from(qualityRequirementVersions)
    .innerJoin(qualityRequirements, eq(qualityRequirements.id, qualityRequirementVersions.requirementId))
    .where(inArray(qualityRequirementVersions.id, [...versionIds]))
    .all();
  return new Map(rows.map((r) => [r.code, r]));
}

function randomResult(random: Random): AssessmentResult {
  const r = random();
  return r < 0.8 ? 'uppfyllt' : r < 0.93 ? 'delvis_uppfyllt' : 'ej_uppfyllt';
}

/** How far the provider has come with an action, given how long ago its deadline was. */
function actionProgress(random: Random, deadline: string): { status: ActionStatus; followUpDate: string | null } {
  const r = random();
  if (deadline > DEMO_AS_OF) return { status: r < 0.6 ? 'oppen' : 'atgardsplan_inkommen', followUpDate: null };
  const followUp = addMonths(deadline, 1);
  if (addMonths(deadline, 4) < DEMO_AS_OF) {
    // Long past: almost all done; a rare one still open is seriously overdue.
    return r < 0.8 ? { status: 'stangd', followUpDate: followUp } : r < 0.9 ? { status: 'verifierad', followUpDate: followUp } : { status: 'atgardsplan_inkommen', followUpDate: null };
  }
  return r < 0.3 ? { status: 'oppen', followUpDate: null } : r < 0.6 ? { status: 'atgardad', followUpDate: followUp } : { status: 'stangd', followUpDate: followUp };
}

const CLOSING_NOTES = [
  'Åtgärderna är genomförda och verifierade vid uppföljande besök.',
  'Utförarens åtgärdsplan är genomförd; stickprov i dokumentationen visar att bristen är avhjälpt.',
  'Rutinen är reviderad, känd bland medarbetarna och följs enligt egenkontrollen.',
];

/**
 * The follow-up notes an inspector would have written so far, without drawing from the PRNG (the
 * demo's numbers stay as they were): the provider's plan a month after the inspection, the
 * reported remedy at the deadline, the verification on the follow-up date.
 */
function followUpNotes(
  startDate: string,
  deadline: string,
  progress: { status: ActionStatus; followUpDate: string | null },
): { notedOn: string; note: string; notedBy: string }[] {
  const notes: { notedOn: string; note: string; notedBy: string }[] = [];
  const rank = actionStatusOrder(progress.status);
  const planDate = addMonths(startDate, 1);
  if (rank >= 1 && planDate <= DEMO_AS_OF) notes.push({ notedOn: planDate, note: 'Åtgärdsplan inkommen från utföraren.', notedBy: 'Tillsynsenheten' });
  if (rank >= 2 && deadline <= DEMO_AS_OF) notes.push({ notedOn: deadline, note: 'Utföraren meddelar att åtgärderna är genomförda.', notedBy: 'Tillsynsenheten' });
  if (rank >= 3 && progress.followUpDate && progress.followUpDate <= DEMO_AS_OF) {
    notes.push({ notedOn: progress.followUpDate, note: 'Verifierat vid uppföljning: bristen är avhjälpt.', notedBy: 'Tillsynsenheten' });
  }
  return notes;
}

interface InspectionSpec {
  unit: UnitInfo;
  planEntryId: string | null;
  themeId: string | null;
  inspectionType: 'ordinarie' | 'tematisk';
  origin: 'egen' | 'ivo';
  announced: boolean;
  startDate: string;
  inspectorIds: readonly string[];
  requirements: readonly Requirement[];
  /** Fixed results and observations per code (thematic inspection); others are drawn. */
  fixed?: Record<string, { result: AssessmentResult; observation: string }>;
  summary?: string;
  /** An IVO case's decision date, diarienummer and answer (origin 'ivo'). */
  ivoCase?: { ivoDecisionDate: string; ivoCaseNumber: string; ivoAnswerSentAt: string | null };
}

function insertInspection(db: AppDatabase, random: Random, spec: InspectionSpec): void {
  const planned = spec.startDate > DEMO_AS_OF;
  const id = db.orm
    .insert(inspections)
    .values({
      unitId: spec.unit.id,
      planEntryId: spec.planEntryId,
      themeId: spec.themeId,
      inspectionType: spec.inspectionType,
      origin: spec.origin,
      announced: spec.announced,
      startDate: spec.startDate,
      endDate: null,
      participants: planned ? '' : pick(random, PARTICIPANTS),
      methodInterview: !planned,
      methodObservation: !planned && random() < 0.7,
      methodDocumentReview: !planned,
      methodRecordReview: !planned && random() < 0.5,
      summary: planned ? '' : (spec.summary ?? pick(random, SUMMARIES)),
      status: planned ? 'planerad' : 'pagaende',
      ...spec.ivoCase,
      updatedBy: BY,
    })
    .returning({ id: inspections.id })
    .get().id;
  for (const inspectorId of spec.inspectorIds) db.orm.insert(inspectionInspectors).values({ inspectionId: id, inspectorId, updatedBy: BY }).run();

  const statuses: ActionStatus[] = [];
  for (const requirement of spec.requirements) {
    const fixed = spec.fixed?.[requirement.code];
    const result = planned ? 'ej_bedomt' : (fixed?.result ?? randomResult(random));
    const shortfall = result === 'delvis_uppfyllt' || result === 'ej_uppfyllt';
    const observation = planned ? '' : (fixed?.observation ?? (shortfall ? pick(random, SHORTFALL_OBSERVATIONS[requirement.code] ?? FULFILLED_OBSERVATIONS) : pick(random, FULFILLED_OBSERVATIONS)));
    const assessmentId = db.orm
      .insert(assessments)
      .values({ inspectionId: id, requirementVersionId: requirement.versionId, result, observation, updatedBy: BY })
      .returning({ id: assessments.id })
      .get().id;
    if (!shortfall) continue;
    const deadline = addMonths(spec.startDate, 3);
    const progress = actionProgress(random, deadline);
    statuses.push(progress.status);
    const actionId = createAction(
      db,
      {
        source: 'tillsyn',
        inspectionId: id,
        assessmentId,
        description: `${requirement.code} ${requirement.title}: ${observation}`,
        reason: '',
        deadline,
        responsible: spec.unit.manager,
        status: progress.status,
        followUpDate: progress.followUpDate,
        closingNote: progress.status === 'stangd' ? (CLOSING_NOTES[statuses.length % CLOSING_NOTES.length] ?? '') : '',
        closedAt: progress.status === 'stangd' ? `${progress.followUpDate ?? deadline}T12:00:00.000Z` : null,
      },
      BY,
    );
    for (const note of followUpNotes(spec.startDate, deadline, progress)) addFollowUp(db, actionId, note, BY);
  }
  if (planned) return;
  const reportSent = addMonths(spec.startDate, 1) <= DEMO_AS_OF ? addMonths(spec.startDate, 1) : null;
  const done = statuses.every((s) => s === 'stangd') && addMonths(spec.startDate, 2) < DEMO_AS_OF;
  db.orm
    .update(inspections)
    .set({
      reportSentProviderAt: reportSent,
      reportSentCommissionerAt: reportSent,
      ...(done ? { status: 'avslutad' as const, closedAt: `${addMonths(spec.startDate, statuses.length ? 5 : 2)}T12:00:00.000Z` } : {}),
    })
    .where(eq(inspections.id, id))
    .run();
}

/** A day in the placement's month (or a month of its tertial, never July) that is not after today. */
function inspectionDate(random: Random, entry: DemoPlanEntry): string | null {
  const months = monthsOfTertial(entry.tertial).filter((m) => m !== 7);
  const month = entry.month ?? pick(random, months);
  const date = `${entry.year}-${pad(month)}-${pad(2 + Math.floor(random() * 24))}`;
  return date < DEMO_AS_OF ? date : null;
}

export function seedInspections(db: AppDatabase, planning: DemoPlanning): void {
  const random = seededRandom(20261123);
  const byCode = requirementsByCode(db, planning.requirementVersionIds);
  const core = [...byCode.values()].filter((r) => r.code.startsWith('K')).sort((a, b) => a.code.localeCompare(b.code));
  const unitRows: UnitInfo[] = db.orm.select({ id: units.id, name: units.name, unitType: units.unitType, manager: units.manager }).from(units).all();
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const unitByName = new Map(unitRows.map((u) => [u.name, u]));

  for (const entry of planning.planEntries) {
    const unit = unitById.get(entry.unitId);
    if (!unit) continue;
    const periodEnded = tertialEndDate(entry.year, entry.tertial) < DEMO_AS_OF;
    const date = inspectionDate(random, entry);
    if (periodEnded || date) {
      // About one in ten past placements was never carried out: the plan shows them overdue.
      if (random() < 0.1 || !date) continue;
      insertInspection(db, random, {
        unit,
        planEntryId: entry.id,
        themeId: null,
        inspectionType: 'ordinarie',
        origin: 'egen',
        announced: random() < 0.75,
        startDate: date,
        inspectorIds: entry.inspectorIds,
        requirements: core,
      });
    } else if (entry.year === 2026 && entry.month === 12) {
      // December's inspections are already booked: recorded, not yet assessed.
      insertInspection(db, random, {
        unit,
        planEntryId: entry.id,
        themeId: null,
        inspectionType: 'ordinarie',
        origin: 'egen',
        announced: true,
        startDate: `2026-12-${pad(3 + Math.floor(random() * 12))}`,
        inspectorIds: entry.inspectorIds,
        requirements: core,
      });
    }
  }

  // Inspections IVO initiated, recorded for the tillsynsberättelse as external.
  const ivo: [string, string, string, NonNullable<InspectionSpec['ivoCase']>][] = [
    [
      'HVB Ankaret',
      '2026-03-18',
      'IVO granskade placerade barns skolgång och hälsa. IVO begärde en redovisning av hur skolgången säkerställs.',
      { ivoDecisionDate: '2026-04-28', ivoCaseNumber: '3.5.1-08812/2026', ivoAnswerSentAt: '2026-06-10' },
    ],
    [
      'Björkhagens demensboende',
      '2025-10-07',
      'IVO granskade bemanning nattetid och användning av larm. Inga krav på åtgärder.',
      { ivoDecisionDate: '2025-11-20', ivoCaseNumber: '3.5.1-41207/2025', ivoAnswerSentAt: null },
    ],
  ];
  for (const [name, startDate, summary, ivoCase] of ivo) {
    const unit = unitByName.get(name);
    if (!unit) continue;
    insertInspection(db, random, { unit, planEntryId: null, themeId: null, inspectionType: 'ordinarie', origin: 'ivo', announced: true, startDate, inspectorIds: [], requirements: [], summary, ivoCase });
  }

  // Tematisk tillsyn: nattfasta (K07, måltidsordning över hela dygnet) in the särskilt boenden.
  const k07 = byCode.get('K07');
  if (!k07) return;
  const themeId = db.orm
    .insert(inspectionThemes)
    .values({
      title: 'Nattfasta',
      question: 'Är nattfastan kortare än elva timmar, och erbjuds nattmål till dem som behöver?',
      requirementId: db.orm.select({ id: qualityRequirementVersions.requirementId }).from(qualityRequirementVersions).where(eq(qualityRequirementVersions.id, k07.versionId)).get()?.id ?? null,
      year: 2026,
      updatedBy: BY,
    })
    .returning({ id: inspectionThemes.id })
    .get().id;
  const nattfasta: [string, AssessmentResult, string][] = [
    ['Solgårdens vård- och omsorgsboende', 'uppfyllt', 'Nattfastan är i genomsnitt tio timmar. Nattmål erbjuds och dokumenteras.'],
    ['Lindgårdens vård- och omsorgsboende', 'delvis_uppfyllt', 'Nattmål erbjuds men dokumenteras inte; nattfastan kan inte följas upp.'],
    ['Björkhagens demensboende', 'ej_uppfyllt', 'Nattfastan är tretton timmar för flera boende. Kvällsmål serveras redan kl. 17.'],
    ['Ekbackens vård- och omsorgsboende', 'uppfyllt', 'Måltiderna är jämnt fördelade över dygnet; sen kvällsfika och nattmål finns.'],
    ['Strandängens äldreboende', 'delvis_uppfyllt', 'Nattfastan mäts på en av tre avdelningar.'],
    ['Tallbackens äldreboende', 'uppfyllt', 'Rutin för nattmål finns och följs.'],
  ];
  nattfasta.forEach(([name, result, observation], i) => {
    const unit = unitByName.get(name);
    if (!unit) return;
    insertInspection(db, random, {
      unit,
      planEntryId: null,
      themeId,
      inspectionType: 'tematisk',
      origin: 'egen',
      announced: i % 2 === 0,
      startDate: `2026-03-${pad(3 + i * 4)}`,
      inspectorIds: planning.inspectorIds.slice(i % 2, (i % 2) + 1),
      requirements: [k07],
      fixed: { K07: { result, observation } },
      summary: 'Tematisk tillsyn av nattfasta och måltidsordning över dygnet.',
    });
  });
}
