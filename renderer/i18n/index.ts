// The message catalog: Swedish first, English second; one namespace per area of the app.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAudit from './en/audit.json';
import enSecurity from './en/security.json';
import enCommon from './en/common.json';
import enUnits from './en/units.json';
import enSystem from './en/system.json';
import enRequirements from './en/requirements.json';
import enTillsynPlan from './en/tillsynPlan.json';
import enTillsyn from './en/tillsyn.json';
import enLexCases from './en/lexCases.json';
import enFeedback from './en/feedback.json';
import enSelfAssessment from './en/selfAssessment.json';
import enViews from './en/views.json';
import enRisks from './en/risks.json';
import enAnalysis from './en/analysis.json';
import enCouncil from './en/council.json';
import enDeviations from './en/deviations.json';
import enIndicators from './en/indicators.json';
import svAudit from './sv/audit.json';
import svSecurity from './sv/security.json';
import svCommon from './sv/common.json';
import svUnits from './sv/units.json';
import svSystem from './sv/system.json';
import svRequirements from './sv/requirements.json';
import svTillsynPlan from './sv/tillsynPlan.json';
import svTillsyn from './sv/tillsyn.json';
import svLexCases from './sv/lexCases.json';
import svFeedback from './sv/feedback.json';
import svSelfAssessment from './sv/selfAssessment.json';
import svViews from './sv/views.json';
import svRisks from './sv/risks.json';
import svAnalysis from './sv/analysis.json';
import svCouncil from './sv/council.json';
import svDeviations from './sv/deviations.json';
import svIndicators from './sv/indicators.json';

// One namespace per line, so areas added side by side merge without conflicts.
export const resources = {
  sv: {
    audit: svAudit,
    security: svSecurity,
    common: svCommon,
    units: svUnits,
    system: svSystem,
    requirements: svRequirements,
    tillsynPlan: svTillsynPlan,
    tillsyn: svTillsyn,
    lexCases: svLexCases,
    feedback: svFeedback,
    selfAssessment: svSelfAssessment,
    views: svViews,
    risks: svRisks,
    analysis: svAnalysis,
    council: svCouncil,
    deviations: svDeviations,
    indicators: svIndicators,
  },
  en: {
    audit: enAudit,
    security: enSecurity,
    common: enCommon,
    units: enUnits,
    system: enSystem,
    requirements: enRequirements,
    tillsynPlan: enTillsynPlan,
    tillsyn: enTillsyn,
    lexCases: enLexCases,
    feedback: enFeedback,
    selfAssessment: enSelfAssessment,
    views: enViews,
    risks: enRisks,
    analysis: enAnalysis,
    council: enCouncil,
    deviations: enDeviations,
    indicators: enIndicators,
  },
} as const;

export const LANGUAGE_KEY = 'kvalitetsnavet.language';

export function initI18n(): typeof i18next {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  void i18next.use(initReactI18next).init({
    resources,
    lng: stored === 'en' ? 'en' : 'sv',
    fallbackLng: 'sv',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
