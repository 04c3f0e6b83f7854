// Swedish names of coded values as they appear in imported and exported files (and reports).
import type { FeedbackType, Regi, UnitType } from '../domain/codes.ts';

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  hemtjanst: 'Hemtjänst',
  sarskilt_boende: 'Särskilt boende',
  korttidsboende: 'Korttidsboende',
  lss_gruppbostad: 'LSS gruppbostad',
  lss_servicebostad: 'LSS servicebostad',
  daglig_verksamhet: 'Daglig verksamhet',
  hemsjukvard: 'Hemsjukvård',
  boendestod: 'Boendestöd',
  ifo: 'Individ- och familjeomsorg',
  annan: 'Annan',
};

export const REGI_LABELS: Record<Regi, string> = {
  egen_regi: 'Egen regi',
  extern_utforare: 'Extern utförare',
  ideell_forening: 'Ideell förening',
};

/** The closed set of the synpunkter file's Typ column (seed 003 §12). */
export const FEEDBACK_TYPE_LABELS: Record<FeedbackType, string> = {
  klagomal: 'Klagomål',
  synpunkt: 'Synpunkt',
  berom: 'Beröm',
  forslag: 'Förslag',
};

const squash = (s: string) => s.toLocaleLowerCase('sv').replace(/[^a-zåäö0-9]/g, '');

/** Finds the code whose label (or code) matches the text, ignoring case, spaces and punctuation. */
export function codeFromLabel<C extends string>(labels: Record<C, string>, text: string): C | undefined {
  const wanted = squash(text);
  if (!wanted) return undefined;
  for (const [code, label] of Object.entries(labels) as [C, string][]) {
    if (squash(label) === wanted || squash(code) === wanted) return code;
  }
  return undefined;
}
