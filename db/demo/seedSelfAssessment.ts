// Demo data for självskattning: templates for 2024–2026 (2025 copied from 2024 with one wording
// polished, 2026 copied from 2025 with one new statement) and plausible answers from the units
// in scope each year. Helhetssyn och samordning is clearly weaker across units (as in seed 003
// §17: participation in SIP), Trygghet och säkerhet a little stronger, and Hemtjänst Söder
// improves year by year. In 2026 a few units have not answered yet. Also one action from the
// weakest statement, a common development area for all units.
//
// fillAnswers() is the bulk path the benchmark uses too: every answer of a year through one
// prepared statement, in one transaction.
import { seededRandom } from './random.ts';
import { findTemplate, listTemplateStatements, unitsInScope } from '../queries/selfAssessment.ts';
import { addStatement, createTemplate, insertAnswersBulk, updateStatement, type AnswerRecord } from '../writes/selfAssessment.ts';
import { createAction } from '../writes/actions.ts';
import type { SelfAssessmentAnswerSource, SelfAssessmentArea, UnitType } from '../domain/codes.ts';
import type { TemplateStatementRow, UnitRef } from '../api/selfAssessment.contract.ts';
import type { AppDatabase } from '../open.ts';

const BY = 'exempeldata';
const stamp = () => ({ updatedAt: new Date().toISOString(), updatedBy: BY });

export const DEMO_SELF_ASSESSMENT_YEARS = [2024, 2025, 2026] as const;
/** The unit whose answers rise year by year. */
export const DEMO_IMPROVING_UNIT = 'Hemtjänst Söder';
/** The area scored clearly lower across units. */
export const DEMO_WEAK_AREA: SelfAssessmentArea = 'helhetssyn_samordning';

const STATEMENTS_2024: Record<SelfAssessmentArea, string[]> = {
  sjalvbestammande_integritet: [
    'Den enskilde är delaktig när genomförandeplanen tas fram och följs upp.',
    'Den enskildes önskemål om hur och när insatser ska utföras tillgodoses.',
    'Personalen respekterar den enskildes rätt till integritet och privatliv.',
    'Den enskilde ges möjlighet till egna val i vardagen.',
  ],
  helhetssyn_samordning: [
    'Enheten deltar i samordnad individuell plan (SIP) när den enskilde behöver det.',
    'Samverkan med hälso- och sjukvården fungerar när den enskilde har insatser från båda.',
    'Personalen känner till vilka andra verksamheter och professioner den enskilde har kontakt med.',
    'Information förs vidare vid övergångar mellan verksamheter, till exempel vid in- och utskrivning.',
  ],
  trygghet_sakerhet: [
    'Medarbetarna informeras muntligt och skriftligt om reglerna för offentlighet och sekretess.',
    'Avvikelser rapporteras, analyseras och leder till förbättringar.',
    'Medarbetarna känner till sin skyldighet att rapportera enligt lex Sarah.',
    'Riskbedömningar görs för fall, trycksår och undernäring där det är aktuellt.',
  ],
  kunskapsbaserad_verksamhet: [
    'Arbetet utgår från aktuella rutiner och riktlinjer som medarbetarna känner till.',
    'Medarbetarna får den kompetensutveckling uppdraget kräver.',
    'Den enskildes erfarenheter tas tillvara för att utveckla verksamheten.',
    'Enheten följer upp sina resultat, till exempel i kvalitetsregister och brukarundersökningar.',
  ],
  tillganglighet: [
    'Den enskilde och anhöriga vet hur de kommer i kontakt med enheten.',
    'Information ges på ett begripligt sätt och anpassas efter den enskildes behov.',
    'Lokalerna är fysiskt tillgängliga.',
  ],
};

/** 2025 polishes this wording (same statement, so trends stay comparable). */
const POLISHED_2025 = {
  from: 'Enheten deltar i samordnad individuell plan (SIP) när den enskilde behöver det.',
  to: 'Enheten tar initiativ till och deltar i samordnad individuell plan (SIP) när den enskilde behöver det.',
};
/** 2026 adds this statement, marked "ny". */
const NEW_2026 = { area: 'tillganglighet' as const, text: 'Enheten erbjuder tolk eller annat kommunikationsstöd när det behövs.' };

/** Units without premises of their own answer "ej tillämplig" on the statement about premises. */
const NO_PREMISES: readonly UnitType[] = ['hemtjanst', 'hemsjukvard', 'boendestod'];
const PREMISES_STATEMENT = 'Lokalerna är fysiskt tillgängliga.';

const AREA_OFFSET: Record<SelfAssessmentArea, number> = {
  sjalvbestammande_integritet: 0.3,
  helhetssyn_samordning: -2.3,
  trygghet_sakerhet: 0.8,
  kunskapsbaserad_verksamhet: -0.2,
  tillganglighet: 0,
};

/** A score for one unit and statement; null = left unanswered, 'na' = ej tillämplig. */
export type ScoreFor = (unit: UnitRef, statement: TemplateStatementRow, year: number) => number | 'na' | null;

/**
 * Writes a year's answers for the given units in one transaction through one prepared statement
 * (the bulk path: demo and benchmark). Returns the number of answers written.
 */
export function fillAnswers(
  db: AppDatabase,
  year: number,
  unitList: readonly UnitRef[],
  scoreFor: ScoreFor,
  source: SelfAssessmentAnswerSource = 'formular',
): number {
  const template = findTemplate(db, year);
  if (!template) return 0;
  const statements = listTemplateStatements(db, template.id, false);
  function* answers(): Generator<AnswerRecord> {
    for (const unit of unitList) {
      for (const statement of statements) {
        const value = scoreFor(unit, statement, year);
        if (value === null) continue;
        yield {
          unitId: unit.unitId,
          templateStatementId: statement.id,
          score: value === 'na' ? null : value,
          notApplicable: value === 'na',
          comment: '',
          source,
        };
      }
    }
  }
  return db.sqlite.transaction(() => insertAnswersBulk(db, answers(), stamp()))();
}

function demoScores(seed: number): ScoreFor {
  const random = seededRandom(seed);
  const unitLevel = new Map<string, number>();
  const statementLevel = new Map<string, number>();
  return (unit, statement, year) => {
    if (statement.text === PREMISES_STATEMENT && NO_PREMISES.includes(unit.unitType)) return 'na';
    if (random() < 0.01) return null; // the odd statement left unanswered
    let level = unitLevel.get(unit.unitId);
    if (level === undefined) {
      level = 5.8 + random() * 2.2;
      unitLevel.set(unit.unitId, level);
    }
    let statementOffset = statementLevel.get(statement.statementId);
    if (statementOffset === undefined) {
      // SIP is the common development area in seed 003 §17: a little lower everywhere.
      statementOffset = (random() - 0.5) * 1.2 - (statement.text.includes('(SIP)') ? 1 : 0);
      statementLevel.set(statement.statementId, statementOffset);
    }
    const base = unit.unitName === DEMO_IMPROVING_UNIT ? 3.6 + (year - 2024) * 2 : level + (year - 2024) * 0.15;
    const areaOffset = unit.unitName === DEMO_IMPROVING_UNIT ? AREA_OFFSET[statement.area] / 3 : AREA_OFFSET[statement.area];
    const score = Math.round(base + areaOffset + statementOffset + (random() - 0.5) * 2.4);
    return Math.min(10, Math.max(1, score));
  };
}

export function seedSelfAssessment(db: AppDatabase): void {
  const s = stamp();
  createTemplate(db, 2024, null, s);
  for (const [area, texts] of Object.entries(STATEMENTS_2024) as [SelfAssessmentArea, string[]][]) {
    for (const text of texts) addStatement(db, { year: 2024, area, text, isNew: false }, s);
  }
  createTemplate(db, 2025, 2024, s);
  const template2025 = findTemplate(db, 2025);
  const polished = template2025 && listTemplateStatements(db, template2025.id).find((st) => st.text === POLISHED_2025.from);
  if (polished) updateStatement(db, polished.id, { text: POLISHED_2025.to }, s);
  createTemplate(db, 2026, 2025, s);
  addStatement(db, { year: 2026, ...NEW_2026, isNew: true }, s);

  for (const year of DEMO_SELF_ASSESSMENT_YEARS) {
    const scope = unitsInScope(db, year);
    // 2026 is being answered now (October–December): the last few units have not answered yet.
    const answering = year === 2026 ? scope.filter((_, i) => i % 12 !== 5) : scope;
    fillAnswers(db, year, answering, demoScores(year), year === 2026 ? 'direkt' : 'formular');
  }

  // The weakest statement of 2025 became a common development area for all units.
  const sip = listTemplateStatements(db, template2025?.id ?? '').find((st) => st.text === POLISHED_2025.to);
  if (sip) {
    createAction(
      db,
      {
        source: 'sjalvskattning',
        description: 'Ta fram en gemensam rutin för när enheterna tar initiativ till SIP, och följ upp deltagandet i nästa självskattning.',
        reason: 'Lägsta medelvärdet i självskattningen 2025, gemensamt för alla verksamheter (Helhetssyn och samordning).',
        deadline: '2026-06-30',
        responsible: 'Verksamhetsstrateg',
        followUpDate: '2026-10-31',
        unitId: null,
        inspectionId: null,
        assessmentId: null,
        statementId: sip.statementId,
        selfAssessmentYear: 2025,
      },
      BY,
    );
  }
}
