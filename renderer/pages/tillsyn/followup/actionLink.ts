// What an action answers, in one line: "Tillsyn 2026-03-12 – Solgården, krav K04" for a tillsyn
// action, "IVO-ärende 2026-03-12 – Solgården" for one of IVO's requirements, "Lex Sarah 2026-03-12 –
// Solgården" for a lex Sarah/lex Maria case, "Analysverkstad 2026-11-04 – …" for a decided action,
// "Kvalitetsråd 2026-05-12 – Nöjdhet" for a council decision; the unit and the written reason (or a dash) for a
// source whose links come with its capability.
import type { TFunction } from 'i18next';
import type { ActionRow } from '../../../../db/api/contract.ts';

export function actionLinkText(t: TFunction<'tillsyn'>, a: ActionRow): string {
  if (a.source === 'tillsyn' && a.inspectionDate) {
    const values = { date: a.inspectionDate, unit: a.unitName ?? '', code: a.requirementCode ?? '' };
    return a.requirementCode ? t('followUp.link.tillsynRequirement', values) : t('followUp.link.tillsyn', values);
  }
  if (a.source === 'ivo' && a.inspectionDate) return t('followUp.link.ivo', { date: a.inspectionDate, unit: a.unitName ?? '' });
  if (a.lexCaseId && a.lexCaseReportedOn) {
    return t('followUp.link.lex', { law: t(`codes.actionSource.${a.source}`), date: a.lexCaseReportedOn, unit: a.unitName ?? '' });
  }
  if (a.analysisSessionId && a.analysisSessionHeldOn) {
    return t('followUp.link.analysis', { date: a.analysisSessionHeldOn, title: a.analysisSessionTitle ?? '' });
  }
  if (a.councilMeetingDate) return t('followUp.link.council', { date: a.councilMeetingDate, item: a.councilItemHeading ?? '' });
  return [a.unitName, a.reason].filter(Boolean).join(' – ') || t('followUp.link.none');
}

/** Where the action's link leads: the inspection's record, the lex Sarah/lex Maria register or the analysverkstad. */
export function actionLinkHref(a: ActionRow): string | null {
  if (a.inspectionId) return `#/tillsyner/${a.inspectionId}`;
  if (a.lexCaseId) return '#/lex-sarah-maria';
  if (a.analysisSessionId) return `#/analysverkstad/${a.analysisSessionId}`;
  if (a.councilMeetingId) return `#/kvalitetsrad/${a.councilMeetingId}`;
  return null;
}

/** An action of a closed inspection is read-only until the inspection is reopened (the server refuses too). */
export function isActionLocked(a: ActionRow): boolean {
  return a.inspectionStatus === 'avslutad';
}
