// Every ready view, by its stable name. Each area lists its views here, one line each; the
// name is stored in snapshots.query, so a view is never renamed or removed while snapshots use it.
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { zodIssues } from '../api/handle.ts';
import type { ViewParamField } from '../api/views.contract.ts';
import { selfAssessmentHeatmapView, selfAssessmentTrendsView } from './selfAssessment.ts';
import { riskViews } from './risks.ts';
import { deviationViews } from './deviations.ts';
import { indicatorsAgainstTargetView, indicatorTrendView } from './indicators.ts';
import { tillsynCoverageView, tillsynFindingsByRequirementView } from './tillsyn.ts';
import { actionsBySourceView } from './actions.ts';
import type { ViewDefinition } from './types.ts';

/** A view with its params and row types forgotten: the registry holds them side by side (run and present are methods, so this assigns). */
export type AnyView = ViewDefinition;

export const VIEWS: readonly AnyView[] = [
  selfAssessmentHeatmapView,
  selfAssessmentTrendsView,
  ...riskViews,
  ...deviationViews,
  indicatorsAgainstTargetView,
  indicatorTrendView,
  tillsynCoverageView,
  tillsynFindingsByRequirementView,
  actionsBySourceView,
];

const byName = new Map(VIEWS.map((v) => [v.name, v]));

export function findView(name: string): AnyView | undefined {
  return byName.get(name);
}

export function requireView(name: string): AnyView {
  const view = byName.get(name);
  if (!view) throw new AppError('not_found', `Vyn "${name}" finns inte.`, `unknown view ${name}`);
  return view;
}

/** The view's parameters parsed by its own schema; a bad value is refused with the field named. */
export function parseViewParams(view: AnyView, params: unknown): Record<string, unknown> {
  const parsed = view.params.safeParse(params);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error).map((i) => ({ ...i, field: i.field ? `params.${i.field}` : 'params' }));
    throw new AppError('invalid_input', issues[0]?.message ?? 'Ogiltiga parametrar för vyn.', `params of ${view.name}`, issues);
  }
  return parsed.data as Record<string, unknown>;
}

/** The parameters a picker asks for, read from the view's zod schema. */
export function viewParamFields(view: AnyView): ViewParamField[] {
  const schema = z.toJSONSchema(view.params, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string; format?: string }>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([key, p]) => ({
    key,
    kind: p.type === 'integer' ? 'integer' : p.format === 'date' || /date|asOf/i.test(key) ? 'date' : 'text',
    optional: !(schema.required ?? []).includes(key),
  }));
}
