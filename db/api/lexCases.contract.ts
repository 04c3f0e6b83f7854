// Contract for the lex Sarah and lex Maria register: one case per rapport/händelse, with its unit,
// category, severity, investigation status and IVO-anmälan. No person data: free text refuses
// personnummer (the forms ask for no names). Actions answering a case live in the action register.
import { z } from 'zod';
import {
  LEX_CATEGORIES,
  LEX_SEVERITIES,
  LEX_STATUSES,
  LEX_TYPES,
  type Regi,
} from '../domain/codes.ts';
import { read, write } from './define.ts';
import { enumOf, id, isoDate, textWithoutPersonnummer } from './fields.ts';

const lexCaseFields = {
  lexType: enumOf(LEX_TYPES, 'typ'),
  unitId: id,
  reportedOn: isoDate('Anmäld datum'),
  caseNumber: textWithoutPersonnummer('Diarienummer', 60),
  category: enumOf(LEX_CATEGORIES, 'kategori'),
  severity: enumOf(LEX_SEVERITIES, 'bedömning'),
  status: enumOf(LEX_STATUSES, 'utredningsstatus'),
  ivoReported: z.boolean({ error: 'Anmäld till IVO måste vara ja eller nej.' }),
  ivoReportedOn: isoDate('Anmäld till IVO').nullable(),
  summary: textWithoutPersonnummer('Sammanfattning', 4000),
};

export const lexCaseInput = z.strictObject({
  ...lexCaseFields,
  caseNumber: lexCaseFields.caseNumber.default(''),
  status: lexCaseFields.status.default('anmald'),
  ivoReported: lexCaseFields.ivoReported.default(false),
  ivoReportedOn: lexCaseFields.ivoReportedOn.default(null),
  summary: lexCaseFields.summary.default(''),
});

export const lexCasePatch = z.strictObject(lexCaseFields).partial();

/** What a case holds, as the user gives it. */
export type LexCaseValues = z.output<typeof lexCaseInput>;

/** A case with its unit and the actions answering it. */
export interface LexCaseRow extends LexCaseValues {
  id: string;
  unitName: string;
  operatingAreaName: string;
  regi: Regi;
  /** Actions in the register answering this case, and how many of them are not closed. */
  actionCount: number;
  openActionCount: number;
  updatedAt: string;
}

export const lexCasesContract = {
  'lexCases.list': read<LexCaseRow[]>()(
    z.strictObject({
      year: z.number().int().min(2000).max(2100).optional(),
      lexType: enumOf(LEX_TYPES, 'typ').optional(),
    }),
  ),
  'lexCases.get': read<LexCaseRow>()(z.strictObject({ id })),
  'lexCases.create': write<LexCaseRow>()(lexCaseInput),
  'lexCases.update': write<LexCaseRow>()(z.strictObject({ id, patch: lexCasePatch })),
  'lexCases.delete': write<{ deleted: true }>()(z.strictObject({ id })),
};
