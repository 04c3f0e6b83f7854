// Contract for risk analysis (issue 17, seed 003 §6): risks in a verksamhetsområde or unit with
// their cause, assessed on the 4×4 matrix (probability × severity = value 1–16); the first
// assessment is "before", a re-assessment after actions is "after". Actions answering a risk
// are created in the action register (actions.create, source analysverkstad, riskId).
import { z } from 'zod';
import { RISK_CAUSES, RISK_STATUSES, type RiskCause, type RiskStatus } from '../domain/codes.ts';
import type { RiskBand, RiskMatrixCell } from '../domain/riskMatrix.ts';
import { read, write } from './define.ts';
import { enumOf, id, isoDate, optionalText, requiredText } from './fields.ts';

export type { RiskBand, RiskMatrixCell } from '../domain/riskMatrix.ts';

function level(label: string) {
  const message = `${label} ska vara en hel siffra från 1 till 4.`;
  return z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(4, { error: message });
}

const assessmentFields = {
  probability: level('Sannolikhet'),
  severity: level('Allvarlighetsgrad'),
  note: optionalText('Kommentar', 2000).default(''),
};

const riskFields = {
  operatingAreaId: id,
  /** The unit, when the risk concerns one unit of the area; null for the whole area. */
  unitId: id.nullable().default(null),
  description: requiredText('Beskrivning', 2000),
  cause: enumOf(RISK_CAUSES, 'orsak'),
  identifiedOn: isoDate('Identifierad'),
};

/** A new risk and its first assessment ("before"), made on the day it was identified unless another day is given. */
export const riskCreateInput = z.strictObject({
  ...riskFields,
  ...assessmentFields,
  assessedOn: isoDate('Bedömd').nullable().default(null),
});

export const riskPatch = z
  .strictObject({
    description: riskFields.description,
    cause: riskFields.cause,
    identifiedOn: riskFields.identifiedOn,
    status: enumOf(RISK_STATUSES, 'status'),
  })
  .partial();

export const riskAssessInput = z.strictObject({ riskId: id, assessedOn: isoDate('Bedömd'), ...assessmentFields });

export interface RiskAssessmentRow {
  id: string;
  assessedOn: string;
  probability: number;
  severity: number;
  value: number;
  band: RiskBand;
  note: string;
  assessedBy: string;
}

export interface RiskRow {
  id: string;
  /** 1, 2, 3 … within the verksamhetsområde by the day identified: the marker on the matrix. */
  number: number;
  operatingAreaId: string;
  operatingAreaName: string;
  unitId: string | null;
  unitName: string | null;
  description: string;
  cause: RiskCause;
  identifiedOn: string;
  status: RiskStatus;
  /** Oldest first: the first is "before", the last (when there are two or more) "after". */
  assessments: RiskAssessmentRow[];
  actionCount: number;
  openActionCount: number;
  updatedAt: string;
}

export const risksContract = {
  'risks.list': read<RiskRow[]>()(
    z.strictObject({
      operatingAreaId: id.optional(),
      /** Risks identified, and assessments made, on or before this day; today when left out. */
      asOf: isoDate('Datum').optional(),
    }),
  ),
  'risks.get': read<RiskRow>()(z.strictObject({ id })),
  /** The 16 cells of the matrix with value and band (db/domain/riskMatrix.ts), for the chart. */
  'risks.matrixCells': read<RiskMatrixCell[]>()(z.strictObject({})),
  'risks.create': write<RiskRow>()(riskCreateInput),
  'risks.update': write<RiskRow>()(z.strictObject({ id, patch: riskPatch })),
  'risks.assess': write<RiskRow>()(riskAssessInput),
  'risks.delete': write<{ deleted: true }>()(z.strictObject({ id })),
};
