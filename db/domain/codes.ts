// The closed sets of coded values, in one drizzle-free module so the contract (and through it
// the renderer and preload) can use them without pulling in the database layer. Vocabulary
// only: no rule functions here (those live in the other db/domain modules).
import type { Tertial } from '../shared/period.ts';

export const UNIT_TYPES = [
  'hemtjanst',
  'sarskilt_boende',
  'korttidsboende',
  'lss_gruppbostad',
  'lss_servicebostad',
  'daglig_verksamhet',
  'hemsjukvard',
  'boendestod',
  'ifo',
  'annan',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const REGI = ['egen_regi', 'extern_utforare', 'ideell_forening'] as const;
export type Regi = (typeof REGI)[number];

/** For egen regi the utförare is the municipality itself: registers leave it blank, and so may the user. */
export const PROVIDER_REQUIRED_MESSAGE = 'Utförare måste fyllas i (utom för egen regi, där utföraren är kommunen själv).';

/** True when a unit's Utförare is filled in as its regi requires (blank is the municipality's own for egen regi). */
export function providerSatisfied(regi: Regi, provider: string): boolean {
  return regi === 'egen_regi' || provider.trim() !== '';
}

export const INSPECTION_TYPES = ['ordinarie', 'tematisk', 'uppfoljande'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

/** 'ivo' records an inspection initiated by the national inspectorate, for the tillsynsberättelse. */
export const INSPECTION_ORIGINS = ['egen', 'ivo'] as const;
export type InspectionOrigin = (typeof INSPECTION_ORIGINS)[number];

export const INSPECTION_STATUSES = ['planerad', 'pagaende', 'avslutad'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const ASSESSMENT_RESULTS = ['uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_bedomt'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

export const ACTION_STATUSES = ['oppen', 'atgardsplan_inkommen', 'atgardad', 'verifierad', 'stangd'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where an action in the register (åtgärdsregister) comes from; each source links to what it answers. */
export const ACTION_SOURCES = ['tillsyn', 'ivo', 'analysverkstad', 'kvalitetsrad', 'sjalvskattning', 'lex_sarah', 'lex_maria', 'annat'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** What a risk arises from (issue 17; the cause categories of a risk- och konsekvensanalys). */
export const RISK_CAUSES = ['processer_rutiner', 'kommunikation_information', 'teknik_utrustning', 'utbildning_kompetens', 'annat'] as const;
export type RiskCause = (typeof RISK_CAUSES)[number];

/** 'aktiv' while the risk is being worked on; 'hanterad' once its actions brought it down (kept, never deleted). */
export const RISK_STATUSES = ['aktiv', 'hanterad'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/**
 * What a kvalitetskrav rests on: laws (SoL, LSS, HSL, patientsäkerhetslagen), Socialstyrelsens
 * föreskrifter (SOSFS/HSLF-FS) and the municipality's own decisions (the värdighetsgarantier).
 * A requirement may rest on several. Labels: i18n `requirements:legalBasis`, db/api/labels.ts.
 */
export const LEGAL_BASES = [
  'sol',
  'lss',
  'hsl',
  'psl',
  'sosfs_2011_9',
  'sosfs_2011_5',
  'sosfs_2014_5',
  'sosfs_2014_10',
  'hslf_fs_2016_40',
  'kommunalt_beslut',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const COVERAGE_STATUSES = ['genomford', 'planerad', 'forsenad', 'ej_planerad', 'stangd', 'ej_aktuell'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** Months an inspection may be planned in, per tertial. Never July (semester, seed 004 årshjul). */
export const PLANNABLE_MONTHS: Readonly<Record<Tertial, readonly number[]>> = {
  1: [1, 2, 3, 4],
  2: [5, 6, 8],
  3: [9, 10, 11, 12],
};

/**
 * Months the plan proposal uses unless the municipality has chosen others (setting
 * `tillsyn.allowedMonths`). Seed 004, årshjulet: tillsyn "under våren senast under maj månad" and
 * "under hösten" – so January–May and September–December, nothing in June–August.
 */
export const DEFAULT_ALLOWED_MONTHS: readonly number[] = [1, 2, 3, 4, 5, 9, 10, 11, 12];

/** Lex Sarah (SoL/LSS: missförhållanden, SOSFS 2011:5) or lex Maria (HSL: vårdskador, HSLF-FS 2017:41). */
export const LEX_TYPES = ['lex_sarah', 'lex_maria'] as const;
export type LexType = (typeof LEX_TYPES)[number];

/** What a case concerns: lex Sarah a missförhållande or a påtaglig risk; lex Maria a vårdskada or a risk. */
export const LEX_SEVERITIES = ['missforhallande', 'risk_for_missforhallande', 'vardskada', 'risk_for_vardskada'] as const;
export type LexSeverity = (typeof LEX_SEVERITIES)[number];

/** The severities each lex type allows. */
export const LEX_SEVERITIES_BY_TYPE: Readonly<Record<LexType, readonly LexSeverity[]>> = {
  lex_sarah: ['missforhallande', 'risk_for_missforhallande'],
  lex_maria: ['vardskada', 'risk_for_vardskada'],
};

/** Kinds of event, from seed 003 §9 (övergrepp and andra brister) and lex Maria's usual areas. */
export const LEX_CATEGORIES = [
  'fysiskt_overgrepp',
  'psykiskt_overgrepp',
  'sexuellt_overgrepp',
  'ekonomiskt_overgrepp',
  'brister_omvardnad',
  'bristande_tillsyn',
  'bemotande',
  'lakemedel',
  'fall',
  'vard_och_behandling',
  'dokumentation',
  'annat',
] as const;
export type LexCategory = (typeof LEX_CATEGORIES)[number];

export const LEX_STATUSES = ['anmald', 'under_utredning', 'utredd', 'avslutad'] as const;
export type LexStatus = (typeof LEX_STATUSES)[number];

/** A kvalitetsråd meeting is planned, then held (its minutes are then the record). */
export const COUNCIL_MEETING_STATUSES = ['planerad', 'genomford'] as const;
export type CouncilMeetingStatus = (typeof COUNCIL_MEETING_STATUSES)[number];

/** An agenda item shows a ready view (db/views/registry.ts) or is a free-text point. */
export const COUNCIL_ITEM_KINDS = ['view', 'text'] as const;
export type CouncilItemKind = (typeof COUNCIL_ITEM_KINDS)[number];

/** Kinds of synpunkt counted per unit and tertial (seed 003 §12: synpunkter, förslag, klagomål, beröm). */
export const FEEDBACK_TYPES = ['klagomal', 'synpunkt', 'berom', 'forslag'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

/**
 * The five self-assessment areas (självskattningens områden), in the fixed order the form and
 * every chart use (seed 003 §17). Their names and definitions: SELF_ASSESSMENT_AREA_TEXTS.
 */
export const SELF_ASSESSMENT_AREAS = [
  'sjalvbestammande_integritet',
  'helhetssyn_samordning',
  'trygghet_sakerhet',
  'kunskapsbaserad_verksamhet',
  'tillganglighet',
] as const;
export type SelfAssessmentArea = (typeof SELF_ASSESSMENT_AREAS)[number];

/**
 * Each area's name and definition, quoted from the quality report that describes the
 * self-assessment (seed 003 §17, Härnösand 2023). Shown in the app and printed on forms and
 * reports, and matched by name when a long-format file names the area.
 */
export const SELF_ASSESSMENT_AREA_TEXTS: Readonly<Record<SelfAssessmentArea, { name: string; definition: string }>> = {
  sjalvbestammande_integritet: {
    name: 'Självbestämmande och integritet',
    definition: 'Självbestämmande och integritet innebär att den enskilde är delaktig, har inflytande och ges möjlighet till egna val.',
  },
  helhetssyn_samordning: {
    name: 'Helhetssyn och samordning',
    definition:
      'Helhetssyn utgår från den enskildes samlade livssituation. Då den enskilde har behov av tjänster som bedrivs inom olika verksamheter eller av olika utförare och professioner är det viktigt att förstå varandras roller.',
  },
  trygghet_sakerhet: {
    name: 'Trygghet och säkerhet',
    definition:
      'Trygg och säker innebär att tjänsterna utförs enligt gällande regelverk. Tjänsterna är transparenta vilket innebär förutsägbarhet och möjlighet till insyn. Risk för kränkning, försummelse, fysisk eller psykisk skada förhindras genom förebyggande arbete.',
  },
  kunskapsbaserad_verksamhet: {
    name: 'Kunskapsbaserad verksamhet',
    definition:
      'Kunskapsbaserad verksamhet innebär att tjänsterna utförs i enlighet med vetenskap och beprövad erfarenhet. Den enskildes erfarenhet tas tillvara.',
  },
  tillganglighet: {
    name: 'Tillgänglighet',
    definition:
      'Tillgänglighet innebär att det är lätt att få kontakt med biståndsenheten och vid behov få del av tjänsterna inom rimlig tid. Information och kommunikation är begriplig och anpassad efter olika grupper och individers behov. Kommunikationen mellan den enskilde och professionen präglas av ömsesidig dialog. Verksamheterna är fysiskt tillgängliga.',
  },
};

/** The self-assessment scale: whole numbers, 1 = "stämmer inte alls", 10 = "stämmer helt". */
export const SELF_ASSESSMENT_MIN_SCORE = 1;
export const SELF_ASSESSMENT_MAX_SCORE = 10;

/** How an answer was entered: in the app's grid, from a returned xlsx form, or from a long-format file. */
export const SELF_ASSESSMENT_ANSWER_SOURCES = ['direkt', 'formular', 'import'] as const;
export type SelfAssessmentAnswerSource = (typeof SELF_ASSESSMENT_ANSWER_SOURCES)[number];

/** An analysverkstad is planned, then held (seed 003 §14). */
export const ANALYSIS_SESSION_STATUSES = ['planerad', 'genomford'] as const;
export type AnalysisSessionStatus = (typeof ANALYSIS_SESSION_STATUSES)[number];

/**
 * Roles offered for an analysverkstad's participants (seed 003 §1, §4, §14: the verksamhetschef
 * with the unit managers meets the verksamhetsutvecklare and systemförvaltare). Suggestions only:
 * a participant's role is free text, so a role not listed here is kept as written.
 */
export const ANALYSIS_PARTICIPANT_ROLES = [
  'Verksamhetschef',
  'Enhetschef',
  'Verksamhetsutvecklare',
  'Verksamhetsutvecklare IT',
  'Verksamhetsstrateg',
  'Systemförvaltare',
  'MAS',
  'SAS',
] as const;
// Nyckeltal vocabulary lives in db/shared (the page, the views and the captions read it there).
export * from '../shared/indicatorCodes.ts';
