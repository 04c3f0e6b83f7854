// Demo lex Sarah and lex Maria cases and synpunkter for Exempelby kommun, as of 2026-11-23:
// a handful of cases over 2024–2026 across areas, some anmälda to IVO and some with actions in
// the register; synpunkter per unit and tertial for 2025 and 2026. No person data, as in real use.
// Deterministic: a seeded PRNG.
import { FEEDBACK_TYPES, type LexCategory, type LexSeverity, type LexStatus, type LexType } from '../domain/codes.ts';
import { createLexCase } from '../writes/lexCases.ts';
import { createAction } from '../writes/actions.ts';
import { replaceFeedbackCounts, type FeedbackCount } from '../writes/feedback.ts';
import { seededRandom } from './random.ts';
import { DEMO_AS_OF } from './seedInspections.ts';
import type { AppDatabase } from '../open.ts';

const BY = 'exempeldata';

interface DemoCase {
  unit: string;
  lexType: LexType;
  reportedOn: string;
  caseNumber: string;
  category: LexCategory;
  severity: LexSeverity;
  status: LexStatus;
  ivoReportedOn?: string;
  summary: string;
  action?: { description: string; deadline: string; status?: 'oppen' | 'atgardad' | 'stangd'; closingNote?: string };
}

const CASES: DemoCase[] = [
  {
    unit: 'Björkhagens demensboende', lexType: 'lex_sarah', reportedOn: '2024-05-14', caseNumber: 'VO 2024/112',
    category: 'bristande_tillsyn', severity: 'risk_for_missforhallande', status: 'avslutad',
    summary: 'En boende lämnade avdelningen obemärkt kvällstid. Larmet på ytterdörren var avstängt.',
  },
  {
    unit: 'Hemtjänst Söder', lexType: 'lex_sarah', reportedOn: '2025-02-03', caseNumber: 'VO 2025/027',
    category: 'brister_omvardnad', severity: 'missforhallande', status: 'avslutad', ivoReportedOn: '2025-02-21',
    summary: 'Planerade besök uteblev under en helg; en kund fick inte mat eller läkemedel enligt beslut.',
    action: {
      description: 'Inför kontroll av utförda besök i planeringssystemet varje helg.', deadline: '2025-05-31', status: 'stangd',
      closingNote: 'Kontrollen infördes i mars 2025 och har följts upp varje månad utan missade besök.',
    },
  },
  {
    unit: 'Ekbackens vård- och omsorgsboende', lexType: 'lex_maria', reportedOn: '2025-09-18', caseNumber: 'VO 2025/301',
    category: 'lakemedel', severity: 'vardskada', status: 'utredd', ivoReportedOn: '2025-10-02',
    summary: 'Felaktig dos av blodförtunnande läkemedel gavs under tre dagar efter ändrad ordination.',
  },
  {
    unit: 'Gruppbostad Ugglan', lexType: 'lex_sarah', reportedOn: '2026-01-22', caseNumber: 'VO 2026/018',
    category: 'psykiskt_overgrepp', severity: 'risk_for_missforhallande', status: 'utredd',
    summary: 'Medarbetare använde ett nedsättande språk i samtal med en boende.',
    action: { description: 'Utbildning i bemötande och värdegrund för hela arbetsgruppen.', deadline: '2026-04-30', status: 'atgardad' },
  },
  {
    unit: 'Strandängens äldreboende', lexType: 'lex_maria', reportedOn: '2026-03-09', caseNumber: 'VO 2026/071',
    category: 'fall', severity: 'risk_for_vardskada', status: 'avslutad',
    summary: 'Fallriskbedömning saknades efter inflyttning; en boende föll men skadade sig inte.',
  },
  {
    unit: 'Hemtjänst Centrum', lexType: 'lex_sarah', reportedOn: '2026-05-11', caseNumber: 'VO 2026/144',
    category: 'bemotande', severity: 'risk_for_missforhallande', status: 'avslutad',
    summary: 'Klagomål från anhörig om stressat och respektlöst bemötande vid morgonbesök.',
  },
  {
    unit: 'HVB Ankaret', lexType: 'lex_sarah', reportedOn: '2026-08-26', caseNumber: 'IFO 2026/233',
    category: 'bristande_tillsyn', severity: 'missforhallande', status: 'under_utredning', ivoReportedOn: '2026-09-10',
    summary: 'Nattpersonal saknades under två timmar på grund av en sjukskrivning som inte ersattes.',
    action: { description: 'Säkerställ rutin för ersättare vid sjukfrånvaro nattetid.', deadline: '2026-12-15' },
  },
  {
    unit: 'Hemsjukvård Söder', lexType: 'lex_maria', reportedOn: '2026-10-05', caseNumber: 'VO 2026/288',
    category: 'vard_och_behandling', severity: 'risk_for_vardskada', status: 'under_utredning',
    summary: 'Trycksår upptäcktes sent; omläggningar dokumenterades inte enligt ordination.',
    action: { description: 'Granska dokumentationen av sårvård och inför veckovis uppföljning.', deadline: '2027-01-31' },
  },
  {
    unit: 'Solgårdens vård- och omsorgsboende', lexType: 'lex_sarah', reportedOn: '2026-11-12', caseNumber: 'VO 2026/317',
    category: 'brister_omvardnad', severity: 'risk_for_missforhallande', status: 'anmald',
    summary: 'Hjälp med munhygien ges inte enligt genomförandeplanerna på en avdelning.',
  },
];

/** Tertials with synpunkter in the demo: 2025 whole, 2026 up to the demo day (T3 partly). */
const FEEDBACK_PERIODS = [
  { year: 2025, tertial: 1 }, { year: 2025, tertial: 2 }, { year: 2025, tertial: 3 },
  { year: 2026, tertial: 1 }, { year: 2026, tertial: 2 }, { year: 2026, tertial: 3 },
] as const;
/** How often a unit gets each type in a tertial it reports: klagomål most, förslag least (about 130 a year in all). */
const FEEDBACK_CHANCE = { klagomal: 0.4, synpunkt: 0.3, berom: 0.3, forslag: 0.15 } as const;

export function seedLexCasesAndFeedback(db: AppDatabase, unitIdsByName: ReadonlyMap<string, string>): void {
  for (const c of CASES) {
    const unitId = unitIdsByName.get(c.unit);
    if (!unitId) throw new Error(`demo unit missing: ${c.unit}`);
    const id = createLexCase(
      db,
      {
        lexType: c.lexType, unitId, reportedOn: c.reportedOn, caseNumber: c.caseNumber, category: c.category,
        severity: c.severity, status: c.status, ivoReported: Boolean(c.ivoReportedOn), ivoReportedOn: c.ivoReportedOn ?? null, summary: c.summary,
      },
      BY,
    );
    if (c.action) {
      createAction(
        db,
        {
          source: c.lexType, lexCaseId: id, description: c.action.description, reason: '', deadline: c.action.deadline,
          responsible: 'Enhetschef', followUpDate: null, inspectionId: null, assessmentId: null, status: c.action.status ?? 'oppen',
          closingNote: c.action.closingNote ?? '', closedAt: c.action.status === 'stangd' ? `${c.action.deadline}T12:00:00.000Z` : null,
        },
        BY,
      );
    }
  }

  const random = seededRandom(2026_15);
  const rows: FeedbackCount[] = [];
  const asOfYear = Number(DEMO_AS_OF.slice(0, 4));
  for (const unitId of unitIdsByName.values()) {
    // About half the units report synpunkter in a tertial, one to three of a type.
    for (const period of FEEDBACK_PERIODS) {
      if (period.year > asOfYear || random() < 0.5) continue;
      for (const feedbackType of FEEDBACK_TYPES) {
        if (random() >= FEEDBACK_CHANCE[feedbackType]) continue;
        rows.push({ unitId, year: period.year, tertial: period.tertial, feedbackType, count: 1 + Math.floor(random() * 3) });
      }
    }
  }
  replaceFeedbackCounts(db, rows, BY);
}
