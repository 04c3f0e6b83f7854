// Contract for ready views ("färdiga vyer", db/views/): the list to choose from, a view run live,
// and frozen snapshots of one (docs/architecture.md, "Frozen snapshots"). Analysverkstad sessions
// and kvalitetsråd meetings store a snapshot's id; there is no method that edits or deletes one.
import { z } from 'zod';
import type { ViewPresentation, ViewScope } from '../views/types.ts';
import { read, write } from './define.ts';
import { id, isoDate, requiredText } from './fields.ts';

export const viewScope = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('forvaltning') }),
    z.strictObject({ kind: z.literal('area'), areaId: id }),
    z.strictObject({ kind: z.literal('unit'), unitId: id }),
  ],
  { error: 'Ogiltigt urval (förvaltning, verksamhetsområde eller enhet).' },
) satisfies z.ZodType<ViewScope>;

/** A view by name with its parameters (checked against the view's own schema by the handler) and scope. */
export const viewRequest = z.strictObject({
  name: requiredText('Vy', 120),
  params: z.record(z.string(), z.unknown()).default({}),
  scope: viewScope.default({ kind: 'forvaltning' }),
});

/** One parameter of a view, for the picker: a whole number (year) or a date. */
export interface ViewParamField {
  key: string;
  kind: 'integer' | 'date' | 'text';
  optional: boolean;
}

export interface ViewListItem {
  name: string;
  label: string;
  version: number;
  params: ViewParamField[];
}

/** What identifies a live view: enough to run it again (the "link to the live view"). */
export interface ViewRef {
  name: string;
  params: Record<string, unknown>;
  scope: ViewScope;
}

export interface LiveView extends ViewRef {
  label: string;
  scopeLabel: string;
  /** Today: the date the rows reflect. */
  asOf: string;
  presentation: ViewPresentation;
}

export interface SnapshotView {
  id: string;
  /** How to open the same view live (the view, its parameters and scope as frozen). */
  live: ViewRef;
  label: string;
  scopeLabel: string;
  asOf: string;
  takenAt: string;
  takenBy: string;
  rowCount: number;
  presentation: ViewPresentation;
}

export interface SnapshotTaken {
  id: string;
  asOf: string;
  takenAt: string;
  rowCount: number;
}

export const viewsContract = {
  /** Every registered view with its parameters (for the "add a view" list). */
  'views.list': read<ViewListItem[]>()(z.strictObject({})),
  /** A view run now; with `previousSnapshotId`, the caption says the change since that snapshot. */
  'views.run': read<LiveView>()(viewRequest.extend({ previousSnapshotId: id.optional() })),
  /** Freeze a view's rows as they are now (asOf defaults to today and cannot be later). */
  'views.takeSnapshot': write<SnapshotTaken>()(viewRequest.extend({ asOf: isoDate('Datum').optional() })),
  /** A frozen view, drawn by the same `present`; `previousSnapshotId` as for views.run. */
  'views.snapshot': read<SnapshotView>()(z.strictObject({ id, previousSnapshotId: id.optional() })),
};
