// Contract for nyckeltal (issue 18): indicators (name, unit, direction, source) and their values
// per level (kommunen, a verksamhetsområde, a unit) and period, edited in grids and imported from
// a file with the columns Nyckeltal, Nivå, Period, Värde, Kvinnor, Män, Riket, Länet, Måltal.
import { z } from 'zod';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  type IndicatorDirection,
  type IndicatorNumbers,
  type IndicatorPeriodPart,
  type IndicatorSource,
  type IndicatorUnit,
} from '../domain/codes.ts';
import { parseIndicatorPeriod, type IndicatorPeriod } from '../shared/indicatorPeriod.ts';
import { read, write } from './define.ts';
import { enumOf, id, noInput, optionalText, requiredText, uploadedFile } from './fields.ts';
import type { ImportPreview } from '../io/importPipeline.ts';

export interface IndicatorRow {
  id: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSource;
  description: string;
  valueCount: number;
  /** Label of the latest period with a value ("2023"), or null. */
  latestPeriod: string | null;
}

export type IndicatorLevelKind = 'kommun' | 'area' | 'unit';

export interface IndicatorValueRow extends IndicatorNumbers {
  id: string;
  indicatorId: string;
  levelKind: IndicatorLevelKind;
  operatingAreaId: string | null;
  unitId: string | null;
  /** "Kommunen", the area's name or "Unit (Area)". */
  levelName: string;
  year: number;
  part: IndicatorPeriodPart;
  period: string;
}

/** A row of an import file, resolved: which indicator, level and period, and the numbers. */
export interface IndicatorImportRow extends IndicatorNumbers {
  indicatorId: string;
  indicatorName: string;
  operatingAreaId: string | null;
  unitId: string | null;
  levelName: string;
  year: number;
  part: IndicatorPeriodPart;
  period: string;
}

export type IndicatorImportPreview = ImportPreview<IndicatorImportRow> & {
  /** Stored values the commit replaces (same indicator, level and period). */
  replaces: number;
};

/** An indicator "furthest from target": its latest value with a måltal, ranked by relative gap. */
export interface IndicatorTargetGap {
  indicatorId: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  levelName: string;
  period: string;
  value: number;
  target: number;
  /** |value − target| / |target| in the worse direction. */
  relativeGap: number;
  /** "3 procentenheter under målet". */
  gapText: string;
}

/** A number given as a number, or as text with a Swedish decimal comma; empty text is none. */
function toIndicatorNumber(label: string) {
  return (input: number | string | null, ctx: { addIssue(issue: { code: 'custom'; message: string }): void }): number | null => {
    if (input === null) return null;
    if (typeof input === 'number') {
      if (Number.isFinite(input)) return input;
    } else {
      const text = input.replace(/[\s\u00a0\u202f]/g, '');
      if (text === '') return null;
      if (/^[-−]?\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.').replace('−', '-'));
    }
    ctx.addIssue({ code: 'custom', message: `${label} måste vara ett tal, till exempel 85 eller 0,75 (inte ”${String(input)}”).` });
    return z.NEVER;
  };
}

/** A number as the grid or a form sends it. */
export function indicatorNumber(label: string) {
  return z.union([z.number(), z.string(), z.null()]).transform(toIndicatorNumber(label));
}

/** A number cell of an import file (text, already freed of a Swedish decimal comma by the pipeline). */
export function indicatorNumberCell(label: string) {
  return z.string().transform(toIndicatorNumber(label));
}

/** A period written as text ("2023", "2023 T1", "2023 H2", "2023 K3"). */
export const indicatorPeriod = z.string({ error: 'Period måste vara text.' }).transform((text, ctx): IndicatorPeriod => {
  const period = parseIndicatorPeriod(text);
  if (!period) {
    ctx.addIssue({
      code: 'custom',
      message: text.trim()
        ? `Perioden ”${text.trim()}” kan inte läsas. Skriv ett år (2023) eller år och del: 2023 T1 (tertial), 2023 H1 (halvår), 2023 K1 (kvartal).`
        : 'Period måste fyllas i (till exempel 2023).',
    });
    return z.NEVER;
  }
  return period;
});

const indicatorFields = {
  name: requiredText('Namn', 200),
  unit: enumOf(INDICATOR_UNITS, 'enhet'),
  direction: enumOf(INDICATOR_DIRECTIONS, 'riktning'),
  source: enumOf(INDICATOR_SOURCES, 'källa'),
  description: optionalText('Beskrivning', 2000),
};
export const indicatorInput = z.strictObject({ ...indicatorFields, description: indicatorFields.description.default('') });
export const indicatorPatch = z.strictObject(indicatorFields).partial();

const valueNumbers = {
  value: indicatorNumber('Värde'),
  women: indicatorNumber('Kvinnor'),
  men: indicatorNumber('Män'),
  national: indicatorNumber('Riket'),
  county: indicatorNumber('Länet'),
  target: indicatorNumber('Måltal'),
};

export const indicatorValueInput = z
  .strictObject({
    indicatorId: id,
    operatingAreaId: id.nullable().default(null),
    unitId: id.nullable().default(null),
    period: indicatorPeriod,
    value: valueNumbers.value.default(null),
    women: valueNumbers.women.default(null),
    men: valueNumbers.men.default(null),
    national: valueNumbers.national.default(null),
    county: valueNumbers.county.default(null),
    target: valueNumbers.target.default(null),
  })
  .refine((v) => v.operatingAreaId === null || v.unitId === null, { error: 'Välj kommunen, ett verksamhetsområde eller en enhet – inte både område och enhet.', path: ['unitId'] });

export const indicatorValuePatch = z.strictObject({ period: indicatorPeriod, ...valueNumbers }).partial();

export const indicatorsContract = {
  'indicators.list': read<IndicatorRow[]>()(noInput),
  'indicators.create': write<IndicatorRow>()(indicatorInput),
  'indicators.update': write<IndicatorRow>()(z.strictObject({ id, patch: indicatorPatch })),
  'indicators.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'indicators.values': read<IndicatorValueRow[]>()(z.strictObject({ indicatorId: id })),
  'indicators.createValue': write<IndicatorValueRow>()(indicatorValueInput),
  'indicators.updateValue': write<IndicatorValueRow>()(z.strictObject({ id, patch: indicatorValuePatch })),
  'indicators.deleteValue': write<{ deleted: true }>()(z.strictObject({ id })),
  'indicators.furthestFromTarget': read<IndicatorTargetGap[]>()(z.strictObject({ limit: z.number().int().min(1).max(50).default(5) })),
  'indicators.importPreview': read<IndicatorImportPreview>()(z.strictObject({ file: uploadedFile })),
  'indicators.importCommit': write<{ inserted: number; replaced: number }>()(z.strictObject({ file: uploadedFile })),
};
