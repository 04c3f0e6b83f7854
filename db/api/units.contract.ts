// Contract for the organisation register: verksamhetsområden and enheter.
import { z } from 'zod';
import { PROVIDER_REQUIRED_MESSAGE, providerSatisfied, REGI, UNIT_TYPES, type Regi, type UnitType } from '../domain/codes.ts';
import { method } from './define.ts';
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

export const unitsContract = {
  'operatingAreas.list': method<OperatingAreaRow[]>()(noInput),
  'operatingAreas.create': method<OperatingAreaRow>()(z.strictObject({ name: requiredText('Verksamhetsområdets namn', 120) })),
  'operatingAreas.rename': method<OperatingAreaRow>()(
    z.strictObject({ id, name: requiredText('Verksamhetsområdets namn', 120) }),
  ),
  'operatingAreas.delete': method<{ deleted: true }>()(z.strictObject({ id })),
  'units.summary': method<UnitSummary>()(noInput),
  'units.list': method<UnitRow[]>()(z.strictObject({ includeArchived: z.boolean().default(false) })),
  'units.create': method<UnitRow>()(unitInput),
  'units.update': method<UnitRow>()(z.strictObject({ id, patch: unitPatch })),
  'units.delete': method<{ deleted: true }>()(z.strictObject({ id })),
  'units.restore': method<UnitRow>()(z.strictObject({ id, values: unitInput })),
  'units.setArchived': method<UnitRow>()(z.strictObject({ id, archived: z.boolean() })),
  'units.importPreview': method<ImportPreview<UnitImportRow>>()(z.strictObject({ file: uploadedFile })),
  'units.importCommit': method<{ inserted: number; createdAreas: number }>()(z.strictObject({ file: uploadedFile })),
  'units.exportXlsx': method<DownloadFile>()(z.strictObject({ includeArchived: z.boolean().default(false) })),
};
