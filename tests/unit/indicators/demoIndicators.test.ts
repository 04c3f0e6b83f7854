// The demo carries seed 003's nyckeltal, and the ready views read them as the kvalitetsråd would
// see them: nöjdhet hemtjänst 85 % against 88 % (+5 from 80 % in 2022), personalkontinuitet
// 12, 11, 10, 9, 19, 21 over 2018–2023 (lower is better), and a frozen earlier snapshot moving "sedan".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../../helpers/db.ts';
import { indicatorsAgainstTargetView, indicatorTrendView } from '../../../db/views/indicators.ts';
import type { IndicatorRow } from '../../../db/api/contract.ts';

let api: ReturnType<typeof testApi>;
let list: IndicatorRow[];
const scope = { kind: 'forvaltning' } as const;
const AS_OF = '2026-11-23';

beforeAll(async () => {
  api = testApi({ demo: true });
  const result = await api.dispatch('indicators.list', {});
  if (!result.ok) throw new Error(result.error.message);
  list = result.value as IndicatorRow[];
});
afterAll(() => api.session.close());

const idOf = (name: string) => list.find((i) => i.name === name)?.id ?? '';
const trend = (name: string, previous?: { asOf: string; rows: ReturnType<typeof indicatorTrendView.run> }) => {
  const params = { indicatorId: idOf(name) };
  const rows = indicatorTrendView.run(api.session.db, params, scope, AS_OF);
  return { rows, shown: indicatorTrendView.present(rows, { params, asOf: AS_OF, scopeLabel: 'Förvaltningen', scope, previous }) };
};

describe('the demo nyckeltal', () => {
  it('reads nöjdhet hemtjänst as the issue\'s example', () => {
    const { rows, shown } = trend('Nöjdhet hemtjänst');
    expect(rows.map((r) => r.value)).toEqual([83, 81, 79, 80, 85]);
    expect(shown.caption).toBe('Nöjdhet hemtjänst 85 % (mål 88 %), +5 procentenheter sedan 2022 (förbättring)');
    expect(shown.table?.rows.at(-1)).toEqual(['2023', '85 %', '89 %', '78 %', '87 %', '88 %', '88 %']);
  });

  it('reads personalkontinuitet 2018–2023 with lower as better, and "sedan" the last meeting when given', () => {
    const { rows, shown } = trend('Personalkontinuitet hemtjänst');
    expect(rows.map((r) => [r.period, r.value])).toEqual([['2018', 12], ['2019', 11], ['2020', 10], ['2021', 9], ['2022', 19], ['2023', 21]]);
    expect(shown.caption).toBe('Personalkontinuitet hemtjänst 21 (mål 10), +2 sedan 2022 (försämring)');
    // A meeting that saw the rows up to 2021 (9): now +12 since then.
    const earlier = indicatorTrendView.run(api.session.db, { indicatorId: idOf('Personalkontinuitet hemtjänst') }, scope, '2021-12-31');
    expect(trend('Personalkontinuitet hemtjänst', { asOf: '2021-12-31', rows: earlier }).shown.caption).toBe(
      'Personalkontinuitet hemtjänst 21 (mål 10), +12 sedan 2021 (försämring)',
    );
  });

  it('lists every indicator and level of the förvaltning against target, the furthest named in the caption', () => {
    const rows = indicatorsAgainstTargetView.run(api.session.db, {}, scope, AS_OF);
    // 9 indicators at Kommunen level, nöjdhet hemtjänst also for the area and four hemtjänst groups.
    expect(rows).toHaveLength(14);
    const shown = indicatorsAgainstTargetView.present(rows, { params: {}, asOf: AS_OF, scopeLabel: 'Förvaltningen', scope });
    // 21 against 10 (110 % off) is furthest. Reached: långvarigt bistånd 0,75 ≤ 0,8 (lower is better)
    // and Hemtjänst Söder 88 ≥ 88; every other latest value misses its måltal, so 2 of 14.
    expect(shown.caption).toBe('14 nyckeltal, 2 av 14 med måltal når målet; längst från målet: Personalkontinuitet hemtjänst 21 (mål 10)');
    expect(shown.chart).toBeDefined();
  });
});
