// Handlers for självskattning: templates per year and their statements, one unit's answers, and
// the results. Thin: reads in db/queries/selfAssessment.ts, writes in db/writes/selfAssessment.ts,
// statistics in db/domain/selfAssessmentStats.ts.
import { stamp } from '../../writes/stamp.ts';
import {
  addStatement,
  createTemplate,
  deleteStatement,
  moveStatement,
  saveAnswers,
  setStatementArchived,
  updateStatement,
  writeAnswerImport,
} from '../../writes/selfAssessment.ts';
import { assertAnswerImportCommittable, checkedAnswerImport } from '../../io/selfAssessmentImport.ts';
import { selfAssessmentReportDocument } from '../../reports/selfAssessmentReport.ts';
import { docxDownload, exportAnswerForms, pdfDownload } from '../../io/renderers.ts';
import {
  getProgress,
  getRadar,
  getResults,
  getStatementRanking,
  getStatementResults,
  getTemplate,
  getTemplateStatement,
  getTrends,
  getUnitAnswers,
  listTemplateYears,
} from '../../queries/selfAssessment.ts';
import { preparedWrite, type Handlers } from '../handle.ts';

type SelfAssessmentHandlers = Pick<Handlers, Extract<keyof Handlers, `selfAssessment.${string}`>>;

export const selfAssessmentHandlers: SelfAssessmentHandlers = {
  'selfAssessment.years': (ctx) => listTemplateYears(ctx.session.db),

  'selfAssessment.template': (ctx, { year, includeArchived }) => getTemplate(ctx.session.db, year, includeArchived),

  'selfAssessment.createTemplate': (ctx, { year, fromYear }) => {
    const db = ctx.session.db;
    createTemplate(db, year, fromYear, stamp(ctx));
    return getTemplate(db, year);
  },

  'selfAssessment.addStatement': (ctx, input) => {
    const db = ctx.session.db;
    return getTemplateStatement(db, addStatement(db, input, stamp(ctx)));
  },

  'selfAssessment.updateStatement': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    updateStatement(db, id, patch, stamp(ctx));
    return getTemplateStatement(db, id);
  },

  'selfAssessment.moveStatement': (ctx, { id, area, position }) => {
    const db = ctx.session.db;
    moveStatement(db, id, { area, position }, stamp(ctx));
    return getTemplateStatement(db, id);
  },

  'selfAssessment.setStatementArchived': (ctx, { id, archived }) => {
    const db = ctx.session.db;
    setStatementArchived(db, id, archived, stamp(ctx));
    return getTemplateStatement(db, id);
  },

  'selfAssessment.deleteStatement': (ctx, { id }) => {
    deleteStatement(ctx.session.db, id, stamp(ctx));
    return { deleted: true as const };
  },

  'selfAssessment.answersForUnit': (ctx, { unitId, year }) => getUnitAnswers(ctx.session.db, unitId, year),

  'selfAssessment.saveAnswers': (ctx, input) => {
    const db = ctx.session.db;
    const result = saveAnswers(db, input, stamp(ctx));
    return { ...result, answers: getUnitAnswers(db, input.unitId, input.year) };
  },

  'selfAssessment.progress': (ctx, { year, filters }) => getProgress(ctx.session.db, year, filters),

  'selfAssessment.results': (ctx, { year, filters }) => getResults(ctx.session.db, year, filters),

  'selfAssessment.radar': (ctx, { year, unitId }) => getRadar(ctx.session.db, year, unitId),

  'selfAssessment.trends': (ctx, input) => getTrends(ctx.session.db, input),

  'selfAssessment.statementResults': (ctx, { year, filters }) => getStatementResults(ctx.session.db, year, filters),

  'selfAssessment.statementRanking': (ctx, { year, filters, limit }) => getStatementRanking(ctx.session.db, year, filters, limit),

  'selfAssessment.exportForms': (ctx, { year, unitIds }) => exportAnswerForms(ctx.session.db, year, [...new Set(unitIds)]),

  'selfAssessment.reportPdf': (ctx, { year }) => pdfDownload(selfAssessmentReportDocument(ctx.session.db, year)),

  'selfAssessment.reportDocx': (ctx, { year }) => docxDownload(selfAssessmentReportDocument(ctx.session.db, year)),

  'selfAssessment.importPreview': async (ctx, { files, year, createTemplate }) =>
    (await checkedAnswerImport(ctx.session.db, files, { year, createTemplate })).preview,

  // Parsing is async, so it happens in prepare (outside the transaction); the write step writes the
  // whole set in the dispatch's one transaction or nothing.
  'selfAssessment.importCommit': preparedWrite({
    prepare: async (ctx, { files, year, createTemplate }) => {
      const plan = await checkedAnswerImport(ctx.session.db, files, { year, createTemplate });
      assertAnswerImportCommittable(plan.preview);
      return plan;
    },
    write: (ctx, _input, plan) => ({ year: plan.preview.year!, ...writeAnswerImport(ctx.session.db, plan, stamp(ctx)) }),
  }),
};
