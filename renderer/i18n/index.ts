// The message catalog: Swedish first, English second; one namespace per area of the app.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAudit from './en/audit.json';
import enCommon from './en/common.json';
import enUnits from './en/units.json';
import svAudit from './sv/audit.json';
import svCommon from './sv/common.json';
import svUnits from './sv/units.json';

export const resources = {
  sv: { common: svCommon, units: svUnits, audit: svAudit },
  en: { common: enCommon, units: enUnits, audit: enAudit },
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
