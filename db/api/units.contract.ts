// Contract for the organisation register: verksamhetsområden and enheter.
import { z } from 'zod';
import { PROVIDER_REQUIRED_MESSAGE, providerSatisfied, REGI, UNIT_TYPES, type Regi, type UnitType } from '../domain/codes.ts';
import { read, write } from './define.ts';
import { enumOf, id, isoDate, noInput, optionalText, requiredText, uploadedFile, type DownloadFile } from './fields.ts';
import type { ImportPreview } from '../io/importPipeline.ts';

export interface OperatingAreaRow {
  id: string;
  name: string;
  unitCount: number;
  archivedAt: string | null;
}

export interface UnitRow {
  id: string;
  operatingAreaId: string;
  operatingAreaName: string;
  name: string;
  unitType: UnitType;
  regi: Regi;
  provider: string;
  manager: string;
  activeFrom: string | null;
  activeTo: string | null;
  archivedAt: string | null;
  updatedAt: string;
}

const unitFields = {
  operatingAreaId: id,
  name: requiredText('Enhetens namn', 120),
  unitType: enumOf(UNIT_TYPES, 'verksamhetstyp'),
  regi: enumOf(REGI, 'regi'),
  provider: optionalText('Utförare', 160),
  manager: optionalText('Enhetschef', 120),
  activeFrom: isoDate('Aktiv från').nullable(),
  activeTo: isoDate('Aktiv till').nullable(),
};

export const unitInput = z
  .strictObject({
    ...unitFields,
    provider: unitFields.provider.default(''),
    manager: unitFields.manager.default(''),
    activeFrom: unitFields.activeFrom.default(null),
    activeTo: unitFields.activeTo.default(null),
  })
  .refine((u) => !u.activeFrom || !u.activeTo || u.activeTo >= u.activeFrom, {
    error: 'Aktiv till kan inte vara före Aktiv från.',
    path: ['activeTo'],
  })
  .refine((u) => providerSatisfied(u.regi, u.provider), { error: PROVIDER_REQUIRED_MESSAGE, path: ['provider'] });

export const unitPatch = z.strictObject(unitFields).partial();

export interface UnitSummary {
  areaCount: number;
  unitCount: number;
  byAreaAndRegi: { operatingAreaName: string; regi: Regi; count: number }[];
}

export interface UnitImportRow {
  operatingAreaName: string;
  name: string;
  unitType: UnitType;
  regi: Regi;
  provider: string;
  manager: string;
}

/**
 * A row kept by migration 0002 although its name folds like an older row's (the app before it
 * accepted "Älvgården" beside "älvgården"): nothing was removed; it is listed until renamed.
 */
export interface NameDuplicate {
  scope: 'operatingArea' | 'unit' | 'inspector' | 'requirement';
  id: string;
  /** The name (for a requirement: the code). */
  name: string;
  /** The name of the row that kept the folded name (the oldest). */
  sameAs: string;
  /** For a unit: its verksamhetsområde. */
  operatingAreaName: string | null;
}

export const unitsContract = {
  'operatingAreas.list': read<OperatingAreaRow[]>()(noInput),
  'operatingAreas.create': write<OperatingAreaRow>()(z.strictObject({ name: requiredText('Verksamhetsområdets namn', 120) })),
  'operatingAreas.rename': write<OperatingAreaRow>()(
    z.strictObject({ id, name: requiredText('Verksamhetsområdets namn', 120) }),
  ),
  'operatingAreas.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'units.summary': read<UnitSummary>()(noInput),
  'units.list': read<UnitRow[]>()(z.strictObject({ includeArchived: z.boolean().default(false) })),
  'units.create': write<UnitRow>()(unitInput),
  'units.update': write<UnitRow>()(z.strictObject({ id, patch: unitPatch })),
  'units.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'units.restore': write<UnitRow>()(z.strictObject({ id, values: unitInput })),
  'units.setArchived': write<UnitRow>()(z.strictObject({ id, archived: z.boolean() })),
  'units.importPreview': read<ImportPreview<UnitImportRow>>()(z.strictObject({ file: uploadedFile })),
  'units.importCommit': write<{ inserted: number; createdAreas: number }>()(z.strictObject({ file: uploadedFile })),
  'units.exportXlsx': read<DownloadFile>()(z.strictObject({ includeArchived: z.boolean().default(false) })),
  'names.duplicates': read<NameDuplicate[]>()(noInput),
};
