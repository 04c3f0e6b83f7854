// Swedish names of the tillsyn codes as printed in reports (the UI has its own in the i18n catalog).
import type {
  ActionSource,
  AssessmentResult,
  InspectionOrigin,
  InspectionStatus,
  InspectionType,
  LexCategory,
  LexSeverity,
  LexStatus,
  LexType,
} from '../domain/codes.ts';

export const INSPECTION_TYPE_LABELS: Record<InspectionType, string> = {
  ordinarie: 'Ordinarie tillsyn',
  tematisk: 'Tematisk tillsyn',
  uppfoljande: 'Uppföljande tillsyn',
};

export const ORIGIN_LABELS: Record<InspectionOrigin, string> = {
  egen: 'Tillsynsenheten',
  ivo: 'IVO (Inspektionen för vård och omsorg)',
};

export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planerad: 'Planerad',
  pagaende: 'Pågående',
  avslutad: 'Avslutad',
};

export const RESULT_LABELS: Record<AssessmentResult, string> = {
  uppfyllt: 'Uppfyllt',
  delvis_uppfyllt: 'Delvis uppfyllt',
  ej_uppfyllt: 'Ej uppfyllt',
  ej_bedomt: 'Ej bedömt',
};

export function announcedLabel(announced: boolean): string {
  return announced ? 'Anmäld' : 'Oanmäld';
}

export const LEX_TYPE_LABELS: Record<LexType, string> = { lex_sarah: 'Lex Sarah', lex_maria: 'Lex Maria' };

export const LEX_CATEGORY_LABELS: Record<LexCategory, string> = {
  fysiskt_overgrepp: 'Fysiskt övergrepp',
  psykiskt_overgrepp: 'Psykiskt övergrepp',
  sexuellt_overgrepp: 'Sexuellt övergrepp',
  ekonomiskt_overgrepp: 'Ekonomiskt övergrepp',
  brister_omvardnad: 'Brister i omvårdnad',
  bristande_tillsyn: 'Bristande tillsyn',
  bemotande: 'Bemötande',
  lakemedel: 'Läkemedel',
  fall: 'Fall',
  vard_och_behandling: 'Vård och behandling',
  dokumentation: 'Dokumentation',
  annat: 'Annat',
};

export const LEX_SEVERITY_LABELS: Record<LexSeverity, string> = {
  missforhallande: 'Missförhållande',
  risk_for_missforhallande: 'Påtaglig risk för missförhållande',
  vardskada: 'Vårdskada',
  risk_for_vardskada: 'Risk för vårdskada',
};

export const LEX_STATUS_LABELS: Record<LexStatus, string> = {
  anmald: 'Anmäld',
  under_utredning: 'Under utredning',
  utredd: 'Utredd',
  avslutad: 'Avslutad',
};

/** Where an action in the register came from (the i18n catalog's codes.actionSource, for reports and views). */
export const ACTION_SOURCE_LABELS: Record<ActionSource, string> = {
  tillsyn: 'Tillsyn',
  ivo: 'IVO',
  analysverkstad: 'Analysverkstad',
  kvalitetsrad: 'Kvalitetsråd',
  sjalvskattning: 'Självskattning',
  lex_sarah: 'Lex Sarah',
  lex_maria: 'Lex Maria',
  annat: 'Annat',
};
