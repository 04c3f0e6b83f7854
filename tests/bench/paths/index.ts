// Every area the bench measures, in the order they run. A new capability adds its own file here
// (selfAssessment.ts has the long-format import, selfAssessmentCharts.ts the heatmap and trends;
// council.ts the kvalitetsråd dashboard data), exporting a BenchArea (tests/bench/context.ts), and one line in this list;
// its data goes into tests/bench/generate.ts. The smoke test (tests/integration/bench.test.ts)
// then runs it inside `npm test` with no more work.
import type { BenchArea } from '../context.ts';
import { openArea } from './open.ts';
import { tillsynPlanningArea } from './tillsynPlanning.ts';
import { auditArea } from './audit.ts';
import { actionsArea } from './actions.ts';
import { inspectionsArea } from './inspections.ts';
import { reportsArea } from './reports.ts';
import { unitsArea } from './units.ts';
import { selfAssessmentArea } from './selfAssessment.ts';
import { selfAssessmentChartsArea } from './selfAssessmentCharts.ts';
import { councilArea } from './council.ts';
import { browserArea } from './browser.ts';
import { cliArea } from './cli.ts';

export const BENCH_AREAS: readonly BenchArea[] = [
  openArea,
  tillsynPlanningArea,
  auditArea,
  actionsArea,
  reportsArea,
  selfAssessmentChartsArea,
  // Reads the dashboard first, then freezes (a write) the meeting it read.
  councilArea,
  // Writes last among the in-process areas, so the reads above see the generated data as it is.
  inspectionsArea,
  unitsArea,
  selfAssessmentArea,
  browserArea,
  cliArea,
];
