// The demo municipality's risk analysis: hemtjänst risks found at one analysverkstad and
// re-assessed at the next a year later (moved down, stayed, rose), actions in every status, and
// the view risks.matrix over them (as of between the two days, and after).
import { describe, expect, it } from 'vitest';
import type { ActionRow, OperatingAreaRow, RiskRow } from '../../../db/api/contract.ts';
import { DEMO_RISK_DAYS } from '../../../db/demo/seedRisks.ts';
import { riskMatrixView } from '../../../db/views/risks.ts';
import { testApi, value } from '../../helpers/db.ts';

describe('risks in the demo municipality', () => {
  it('holds hemtjänst risks that moved, with actions in every status', { timeout: 120_000 }, async () => {
    const { dispatch, session } = testApi({ demo: true });
    try {
      const areas = value<OperatingAreaRow[]>(await dispatch('operatingAreas.list', {}));
      const hemtjanst = areas.find((a) => a.name === 'Hemtjänst');
      const risks = value<RiskRow[]>(await dispatch('risks.list', { operatingAreaId: hemtjanst?.id, asOf: '2026-11-23' }));
      expect(risks.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const moves = risks.filter((r) => r.assessments.length === 2).map((r) => [r.assessments[0]?.value, r.assessments[1]?.value]);
      expect(moves).toEqual([
        [12, 6],
        [12, 8],
        [9, 3],
        [6, 6],
        [4, 6],
      ]);
      const actions = value<ActionRow[]>(await dispatch('actions.list', { filter: 'all', source: 'analysverkstad' }));
      expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['oppen', 'atgardsplan_inkommen', 'atgardad', 'verifierad', 'stangd']));
      expect(actions.every((a) => a.riskId && a.responsible)).toBe(true);

      const scope = { kind: 'area' as const, areaId: hemtjanst?.id ?? '' };
      const first = riskMatrixView.run(session.db, {}, scope, DEMO_RISK_DAYS.first);
      const now = riskMatrixView.run(session.db, {}, scope, '2026-11-23');
      expect(first.every((r) => r.after === null)).toBe(true);
      const context = { params: {}, asOf: '2026-11-23', scopeLabel: 'Hemtjänst', scope, previous: { asOf: DEMO_RISK_DAYS.first, rows: first } };
      expect(riskMatrixView.present(now, context).caption).toBe('7 risker, 2 i rött område (var 4), 4 omvärderade efter åtgärder');
      expect(now.map((r) => riskMatrixView.row.parse(r))).toEqual(now);
    } finally {
      session.close();
    }
  });
});
