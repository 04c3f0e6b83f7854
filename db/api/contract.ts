// The one API contract: every method the UI may call, its zod input schema and its result type.
// Both transports (Electron IPC and browser-mode HTTP) are generated from this object.
import type { z } from 'zod';
import { appContract } from './app.contract.ts';
import { backupsContract } from './backups.contract.ts';
import { unitsContract } from './units.contract.ts';
import { auditContract } from './audit.contract.ts';
import { securityContract } from './security.contract.ts';
import { tillsynPlanningContract } from './tillsynPlanning.contract.ts';
import { tillsynInspectionContract } from './tillsynInspection.contract.ts';
import { actionsContract } from './actions.contract.ts';
import { lexCasesContract } from './lexCases.contract.ts';
import { feedbackContract } from './feedback.contract.ts';
import { risksContract } from './risks.contract.ts';
import { deviationsContract } from './deviations.contract.ts';
import { indicatorsContract } from './indicators.contract.ts';
import { selfAssessmentContract } from './selfAssessment.contract.ts';
import { exportsContract } from './exports.contract.ts';
import { analysisContract } from './analysis.contract.ts';
import { viewsContract } from './views.contract.ts';
import { councilContract } from './council.contract.ts';
import type { MethodNameText } from './methodNames.ts';

export const contract = {
  ...appContract,
  ...backupsContract,
  ...unitsContract,
  ...auditContract,
  ...securityContract,
  ...tillsynPlanningContract,
  ...tillsynInspectionContract,
  ...actionsContract,
  ...lexCasesContract,
  ...feedbackContract,
  ...risksContract,
  ...deviationsContract,
  ...indicatorsContract,
  ...selfAssessmentContract,
  ...exportsContract,
  ...analysisContract,
  ...viewsContract,
  ...councilContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>;

export const methodNames = Object.keys(contract) as MethodName[];

// The preload's zod-free list of names (db/api/methodNames.ts) must name exactly these methods:
// checked here at compile time, and by a test at run time (order and duplicates).
type SameNames = [MethodName] extends [MethodNameText] ? ([MethodNameText] extends [MethodName] ? true : false) : false;
const _namesInLockstep: SameNames = true;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export type { ApiResult, ApiErrorBody, ErrorCode, FieldIssue } from '../errors.ts';
export type { AppInfo } from './app.contract.ts';
export type { BackupRow, BackupsOverview, BackupPreview, BackupReasonCode, BackupStatusCode } from './backups.contract.ts';
export type { NameDuplicate, OperatingAreaRow, UnitRow, UnitImportRow, UnitSummary } from './units.contract.ts';
export { unitInput, unitPatch } from './units.contract.ts';
export type {
  CoverageView,
  CycleRow,
  ProposalMonth,
  ProposalSettings,
  InspectorRow,
  PlanEntryRow,
  PlanProposalView,
  ProposedPlacement,
  RequirementRow,
  RequirementVersionRow,
} from './tillsynPlanning.contract.ts';
export type { InspectionProgress, UnitCoverage } from '../domain/coverage.ts';
export type {
  AnnualFeedback,
  AnnualLexCases,
  AnnualRegiRow,
  AnnualReportData,
  AssessmentRow,
  AssessmentUpdateResult,
  InspectionDetail,
  InspectionListRow,
  InspectionReportData,
  InspectorRef,
  ResultCounts,
  ThemeComparison,
  ThemeRow,
} from './tillsynInspection.contract.ts';
export type { ActionFilter, ActionFollowUpRow, ActionOverdue, ActionRow } from './actions.contract.ts';
export { ACTION_FILTERS, REOPEN_STATUSES } from './actions.contract.ts';
export type { LexCaseRow, LexCaseValues } from './lexCases.contract.ts';
export type {
  AnalysisAgendaItemRow,
  AnalysisParticipantRow,
  AnalysisSessionDetail,
  AnalysisSessionListRow,
  PreviousAnalysisSession,
} from './analysis.contract.ts';
export { lexCaseInput } from './lexCases.contract.ts';
export type { RiskAssessmentRow, RiskBand, RiskMatrixCell, RiskRow } from './risks.contract.ts';
export type { CountReplacement } from '../io/countImport.ts';
export type { DeviationCountRow, DeviationFilter, DeviationFilterOptions, DeviationImportPreview, DeviationImportRow } from './deviations.contract.ts';
export type { FeedbackImportPreview, FeedbackImportRow, FeedbackReplacement, FeedbackRow } from './feedback.contract.ts';
export type {
  AnswerCellInput,
  AreaRef,
  AskedStatement,
  ProgressView,
  RadarAreaPoint,
  RadarView,
  ResultsView,
  SaveAnswersResult,
  ScoreSummary,
  SelfAssessmentFilters,
  StatementRanking,
  StatementResult,
  TemplateAreaView,
  TemplateStatementRow,
  TemplateView,
  TemplateYearRow,
  TrendPoint,
  TrendsView,
  UnitAnswerRow,
  UnitAnswers,
  UnitAreaResult,
  UnitProgressRow,
  UnitRef,
  AnswerImportFile,
  AnswerImportIssue,
  AnswerImportPreview,
  AnswerImportResult,
  AnswerImportUnit,
} from './selfAssessment.contract.ts';
export type { IndicatorImportPreview, IndicatorImportRow, IndicatorLevelKind, IndicatorRow, IndicatorTargetGap, IndicatorValueRow } from './indicators.contract.ts';
export type { CouncilItemRow, CouncilMeetingRow, CouncilMeetingView, CouncilParticipantRow } from './council.contract.ts';
export type { ImportPreview, RowIssue } from '../io/importPipeline.ts';
export type { DownloadFile, UploadedFile } from './fields.ts';
export { MAX_UPLOAD_BYTES } from './fields.ts';
// Vocabulary (code lists such as COVERAGE_STATUSES and PLANNABLE_MONTHS), never rule functions.
export * from '../domain/codes.ts';
export type { AuditAction, AuditChange, AuditEntry, AuditLogPage, AuditUser } from './audit.contract.ts';
export { AUDIT_ACTIONS } from './audit.contract.ts';
export type { EncryptionStatusInfo } from './security.contract.ts';
export type { LiveView, SnapshotTaken, SnapshotView, ViewListItem, ViewParamField, ViewRef } from './views.contract.ts';
export type { ViewPresentation, ViewScope, ViewTable } from '../views/types.ts';
