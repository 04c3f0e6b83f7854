// A ready view ("färdig vy"): a named query with its parameters, the shape of one result row, and
// how the rows are presented (title, one-line caption, chart, table). Analysverkstad sessions,
// kvalitetsråd dashboards, presentation mode and the PDF/Word packs all show views; a frozen view
// is a snapshot of the rows (docs/architecture.md, "Frozen snapshots"), presented by the same
// `present` function, so a frozen chart and the live one are drawn by one piece of code.
//
// Each capability defines its views in its own file (db/views/<area>.ts) and lists them in
// db/views/registry.ts. `run` reads only (set-based SQL, no loops over rows calling the database);
// `present` is pure: rows in, Swedish text and chart description out (the same words on screen,
// on the projector and in the pack, as the reports already do in db/reports/labels.ts).
import type { z } from 'zod';
import type { ChartSpec } from '../shared/charts.ts';
import type { TableColumn } from '../io/reportDocument.ts';
import type { AppDatabase } from '../open.ts';

/** What a view is about: the whole förvaltning, one verksamhetsområde, or one unit. */
export type ViewScope = { kind: 'forvaltning' } | { kind: 'area'; areaId: string } | { kind: 'unit'; unitId: string };

export interface ViewTable {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  emptyText?: string;
}

/** What the screen, the projector and the pack draw for a view; computed, never typed by hand. */
export interface ViewPresentation {
  /** E.g. "Självskattning 2026 – medelvärde per enhet och område". */
  title: string;
  /** One line saying what it shows and, given the previous rows, the change since then. */
  caption: string;
  chart?: ChartSpec;
  table?: ViewTable;
  /** Alternative text for the chart (Word, screen readers). */
  description: string;
}

export interface PresentContext<P, R = unknown> {
  params: P;
  /** The date the rows reflect: today for a live view, the snapshot's as_of for a frozen one. */
  asOf: string;
  /** Names resolved for the scope (unit, verksamhetsområde), so `present` needs no database. */
  scopeLabel: string;
  /**
   * Rows of the same view at the previous meeting/session, when there is one, for "sedan …"; read
   * back from a snapshot they were validated against the view's row schema already.
   */
  previous?: { asOf: string; rows: readonly R[] };
}

export interface ViewDefinition<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** Stable name stored in snapshots.query, e.g. 'selfAssessment.heatmap'. Never renamed. */
  readonly name: string;
  /** Bumped when the row shape changes; stored in snapshots.query_version. */
  readonly version: number;
  /** Swedish name in the "add a view" list. */
  readonly label: string;
  /** Parameters beside the scope (year, period …); zod-parsed before `run`, stored with a snapshot. */
  readonly params: P;
  /** One result row; frozen rows are validated against it when read back. */
  readonly row: R;
  run(db: AppDatabase, params: z.infer<P>, scope: ViewScope, asOf: string): z.infer<R>[];
  present(rows: readonly z.infer<R>[], context: PresentContext<z.infer<P>, z.infer<R>> & { scope: ViewScope }): ViewPresentation;
}
