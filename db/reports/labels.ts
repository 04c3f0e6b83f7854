// Swedish names of the tillsyn codes as printed in reports (the UI has its own in the i18n catalog).
import type { AssessmentResult, InspectionOrigin, InspectionStatus, InspectionType } from '../domain/codes.ts';

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
