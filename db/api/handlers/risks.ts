// Handlers for the risk register; rules in db/writes/risks.ts, reads in db/queries/risks.ts.
import { stamp } from '../../writes/stamp.ts';
import { assessRisk, createRisk, deleteRisk, updateRisk } from '../../writes/risks.ts';
import { getRisk, listRisks } from '../../queries/risks.ts';
import { riskMatrixCells } from '../../domain/riskMatrix.ts';
import type { Handlers } from '../handle.ts';

type RiskHandlers = Pick<Handlers, 'risks.list' | 'risks.get' | 'risks.matrixCells' | 'risks.create' | 'risks.update' | 'risks.assess' | 'risks.delete'>;

export const riskHandlers: RiskHandlers = {
  'risks.list': (ctx, input) => listRisks(ctx.session.db, input),
  'risks.get': (ctx, { id }) => getRisk(ctx.session.db, id),
  'risks.matrixCells': () => riskMatrixCells(),
  'risks.create': (ctx, { probability, severity, note, assessedOn, ...risk }) => {
    const id = createRisk(ctx.session.db, risk, { probability, severity, note, assessedOn: assessedOn ?? risk.identifiedOn }, stamp(ctx).updatedBy);
    return getRisk(ctx.session.db, id);
  },
  'risks.update': (ctx, { id, patch }) => {
    updateRisk(ctx.session.db, id, patch, stamp(ctx));
    return getRisk(ctx.session.db, id);
  },
  'risks.assess': (ctx, { riskId, ...assessment }) => {
    assessRisk(ctx.session.db, riskId, assessment, stamp(ctx).updatedBy);
    return getRisk(ctx.session.db, riskId);
  },
  'risks.delete': (ctx, { id }) => {
    deleteRisk(ctx.session.db, id);
    return { deleted: true as const };
  },
};
