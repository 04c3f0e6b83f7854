// Demo risk analysis for Exempelby kommun's hemtjänst, as of 2026-11-23: risks found at the
// analysverkstad in October 2025, most re-assessed at the one in October 2026 after their actions
// (some moved down, one stayed, one rose), with actions in the register in every status. Risks
// stand on their own; the analysverkstad demo links its sessions to them.
import type { ActionStatus, RiskCause } from '../domain/codes.ts';
import { assessRisk, createRisk } from '../writes/risks.ts';
import { createAction } from '../writes/actions.ts';
import type { AppDatabase } from '../open.ts';

const BY = 'exempeldata';
/** The two analysverkstäder for hemtjänst, a year apart. */
export const DEMO_RISK_DAYS = { first: '2025-10-16', second: '2026-10-15' } as const;

interface DemoRisk {
  unit: string | null;
  description: string;
  cause: RiskCause;
  before: [number, number];
  after?: [number, number];
  afterNote?: string;
  actions: { description: string; responsible: string; deadline: string; status: ActionStatus; closingNote?: string }[];
}

const RISKS: DemoRisk[] = [
  {
    unit: 'Nattpatrullen',
    description: 'Trygghetslarm besvaras sent nattetid när patrullen är på annat larm.',
    cause: 'processer_rutiner',
    before: [4, 3],
    after: [2, 3],
    afterNote: 'Larmen prioriteras i planeringen; svarstiden har gått ned.',
    actions: [
      { description: 'Inför en rutin för prioritering av larm mellan nattpatrullens bilar.', responsible: 'Magnus Holm', deadline: '2026-01-31', status: 'stangd', closingNote: 'Rutinen infördes i januari 2026 och följs upp månadsvis.' },
      { description: 'Följ upp svarstider på larm varje månad i ledningsgruppen.', responsible: 'Magnus Holm', deadline: '2026-06-30', status: 'verifierad' },
    ],
  },
  {
    unit: null,
    description: 'Läkemedel ges vid fel tid när besök flyttas utan att ordinationen beaktas.',
    cause: 'kommunikation_information',
    before: [3, 4],
    after: [2, 4],
    afterNote: 'Färre avvikelser, men konsekvensen är densamma.',
    actions: [
      { description: 'Markera tidsbundna läkemedelsbesök i planeringssystemet.', responsible: 'Anna Lindqvist', deadline: '2026-02-28', status: 'atgardad' },
      { description: 'Utbilda planerare i läkemedelsbesökens tidskrav.', responsible: 'Anna Lindqvist', deadline: '2026-12-15', status: 'oppen' },
    ],
  },
  {
    unit: 'Hemtjänst Söder',
    description: 'Planerade besök uteblir vid helgbemanning med många vikarier.',
    cause: 'utbildning_kompetens',
    before: [3, 3],
    after: [1, 3],
    afterNote: 'Introduktionen för vikarier är på plats; inga missade besök sedan april.',
    actions: [
      { description: 'Introduktion med checklista för alla vikarier före första helgpasset.', responsible: 'Camilla Öberg', deadline: '2026-03-31', status: 'stangd', closingNote: 'Checklistan används; uppföljd vid tre stickprov utan anmärkning.' },
    ],
  },
  {
    unit: 'Hemtjänst Landsbygd',
    description: 'Digitala nycklar fungerar inte där mobiltäckningen är svag.',
    cause: 'teknik_utrustning',
    before: [2, 3],
    after: [2, 3],
    afterNote: 'Leverantören har inte åtgärdat felet ännu.',
    actions: [
      { description: 'Reservrutin med fysiska nycklar i låst skåp för berörda kunder.', responsible: 'Oskar Hedlund', deadline: '2026-01-15', status: 'atgardsplan_inkommen' },
    ],
  },
  {
    unit: 'Hemtjänst Centrum',
    description: 'Genomförandeplaner uppdateras inte efter förändrade behov.',
    cause: 'processer_rutiner',
    before: [2, 2],
    after: [3, 2],
    afterNote: 'Fler kunder med snabbt ändrade behov; rutinen räcker inte.',
    actions: [
      { description: 'Inför uppföljning av genomförandeplaner vid varje biståndsbeslut.', responsible: 'Björn Ekström', deadline: '2026-11-30', status: 'oppen' },
    ],
  },
  {
    unit: null,
    description: 'Brukare med demenssjukdom lämnas ensamma vid akut sjukfrånvaro i personalgruppen.',
    cause: 'annat',
    before: [2, 4],
    actions: [],
  },
  {
    unit: 'Trygga Händer Hemtjänst',
    description: 'Överlämning mellan dag- och kvällspersonal sker muntligt och brister.',
    cause: 'kommunikation_information',
    before: [3, 2],
    actions: [],
  },
];

/** Seeds the hemtjänst risks inside the demo's transaction. */
export function seedRisks(db: AppDatabase, areaId: string, unitIdsByName: ReadonlyMap<string, string>): void {
  for (const risk of RISKS) {
    const unitId = risk.unit ? (unitIdsByName.get(risk.unit) ?? null) : null;
    const id = createRisk(
      db,
      { operatingAreaId: areaId, unitId, description: risk.description, cause: risk.cause, identifiedOn: DEMO_RISK_DAYS.first },
      { assessedOn: DEMO_RISK_DAYS.first, probability: risk.before[0], severity: risk.before[1], note: '' },
      BY,
    );
    for (const action of risk.actions) {
      createAction(
        db,
        { source: 'analysverkstad', riskId: id, unitId, reason: '', followUpDate: null, inspectionId: null, assessmentId: null, ...action },
        BY,
      );
    }
    if (risk.after) {
      assessRisk(db, id, { assessedOn: DEMO_RISK_DAYS.second, probability: risk.after[0], severity: risk.after[1], note: risk.afterNote ?? '' }, BY);
    }
  }
}
