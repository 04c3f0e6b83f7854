// Every contract method mapped to its handler; the type makes a missing handler a compile error.
import type { Handlers } from '../handle.ts';
import { appHandlers } from './app.ts';
import { backupHandlers } from './backups.ts';
import { unitHandlers } from './units.ts';
import { auditHandlers } from './audit.ts';
import { securityHandlers } from './security.ts';
import { requirementHandlers } from './requirements.ts';
import { inspectorHandlers } from './inspectors.ts';
import { cycleHandlers } from './cycles.ts';
import { planHandlers } from './plan.ts';
import { coverageHandlers } from './coverage.ts';
import { inspectionHandlers } from './inspections.ts';
import { actionHandlers } from './actions.ts';
import { themeHandlers } from './themes.ts';
import { reportHandlers } from './reports.ts';
import { lexCaseHandlers } from './lexCases.ts';
import { feedbackHandlers } from './feedback.ts';
import { riskHandlers } from './risks.ts';
import { deviationsHandlers } from './deviations.ts';
import { indicatorHandlers } from './indicators.ts';
import { selfAssessmentHandlers } from './selfAssessment.ts';
import { exportHandlers } from './exports.ts';
import { analysisHandlers } from './analysis.ts';
import { viewHandlers } from './views.ts';
import { councilHandlers } from './council.ts';

export const handlers: Handlers = {
  ...appHandlers,
  ...backupHandlers,
  ...unitHandlers,
  ...auditHandlers,
  ...securityHandlers,
  ...requirementHandlers,
  ...inspectorHandlers,
  ...cycleHandlers,
  ...planHandlers,
  ...coverageHandlers,
  ...inspectionHandlers,
  ...actionHandlers,
  ...themeHandlers,
  ...reportHandlers,
  ...lexCaseHandlers,
  ...feedbackHandlers,
  ...riskHandlers,
  ...deviationsHandlers,
  ...indicatorHandlers,
  ...selfAssessmentHandlers,
  ...exportHandlers,
  ...analysisHandlers,
  ...viewHandlers,
  ...councilHandlers,
};
