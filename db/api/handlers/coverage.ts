// Handler for cycle coverage: the query (db/queries/coverage.ts) does the work.
import { todayIso } from '../../shared/period.ts';
import { getCycle } from '../../queries/cycles.ts';
import { cycleCoverage } from '../../queries/coverage.ts';
import type { Handlers } from '../handle.ts';

type CoverageHandlers = Pick<Handlers, 'coverage.get'>;

export const coverageHandlers: CoverageHandlers = {
  'coverage.get': (ctx, { cycleId, today }) => {
    const db = ctx.session.db;
    return cycleCoverage(db, getCycle(db, cycleId), today ?? todayIso());
  },
};
