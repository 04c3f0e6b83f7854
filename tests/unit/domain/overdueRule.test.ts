// "An action is overdue" is defined once (OVERDUE_RULE): the TypeScript rule and the SQL condition
// the overdue list reads with (issue 19: only overdue rows, from an index) must select the same actions.
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '../../../db/domain/codes.ts';
import { actionOverdueReason } from '../../../db/domain/overdue.ts';
import { listActions } from '../../../db/queries/actions.ts';
import { createAction } from '../../../db/writes/actions.ts';
import { operatingAreas, units } from '../../../db/schema/index.ts';
import { openTempDatabase } from '../../helpers/db.ts';

const TODAY = '2026-05-12';
const DATES = ['2026-05-11', TODAY, '2026-05-13'];

describe('the overdue rule', () => {
  it('selects exactly the actions late after their deadline or follow-up date, in SQL and in TypeScript alike', () => {
    const db = openTempDatabase();
    const areaId = db.orm.insert(operatingAreas).values({ name: 'Hemtjänst', updatedBy: 'test' }).returning().get().id;
    const unitId = db.orm
      .insert(units)
      .values({ operatingAreaId: areaId, name: 'Hemtjänst Norr', unitType: 'hemtjanst', regi: 'egen_regi', provider: '', updatedBy: 'test' })
      .returning()
      .get().id;
    const all: { key: string; status: (typeof ACTION_STATUSES)[number]; deadline: string; followUpDate: string | null }[] = [];
    for (const status of ACTION_STATUSES)
      for (const deadline of DATES)
        for (const followUpDate of [null, ...DATES]) {
          const key = `${status}/${deadline}/${followUpDate ?? '-'}`;
          createAction(
            db,
            {
              source: 'annat',
              inspectionId: null,
              assessmentId: null,
              unitId,
              description: key,
              reason: 'Test',
              deadline,
              responsible: 'Anna',
              status,
              followUpDate,
              closingNote: status === 'stangd' ? 'Klart.' : '',
              closedAt: status === 'stangd' ? `${TODAY}T12:00:00.000Z` : null,
            },
            'test',
          );
          all.push({ key, status, deadline, followUpDate });
        }
    expect(all).toHaveLength(5 * 3 * 4);

    const bySql = listActions(db, { filter: 'overdue' }, TODAY).map((a) => a.description).sort();
    const byTypeScript = all.filter((a) => actionOverdueReason(a, TODAY) !== null).map((a) => a.key).sort();
    // Open and plan-received: deadline yesterday, whatever the follow-up date (2 × 4); remedied: follow-up yesterday, whatever the deadline (3).
    expect(byTypeScript).toHaveLength(2 * 4 + 3);
    expect(bySql).toEqual(byTypeScript);
    // The open filter is every status but closed.
    expect(listActions(db, { filter: 'open' }, TODAY)).toHaveLength(4 * 3 * 4);
  });
});
