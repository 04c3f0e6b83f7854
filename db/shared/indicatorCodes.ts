// The closed sets of nyckeltal (issue 18), in db/shared so the captions and charts can use them;
// db/domain/codes.ts re-exports them with the rest of the vocabulary.
/** Units of a nyckeltal (issue 18): a share in per cent, a number of days, a count. */
export const INDICATOR_UNITS = ['procent', 'dagar', 'antal'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Which way a nyckeltal improves: nöjdhet up, väntetid and personalkontinuitet (persons met) down. */
export const INDICATOR_DIRECTIONS = ['higher_better', 'lower_better'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** Where a nyckeltal comes from (seed 003 §18). */
export const INDICATOR_SOURCES = ['oppna_jamforelser', 'kolada', 'brukarundersokning', 'egen_statistik'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** Parts of a year a value may cover besides the whole year: tertial, halvår, kvartal ('' = the year). */
export const INDICATOR_PERIOD_PARTS = ['', 'T1', 'T2', 'T3', 'H1', 'H2', 'K1', 'K2', 'K3', 'K4'] as const;
export type IndicatorPeriodPart = (typeof INDICATOR_PERIOD_PARTS)[number];

/** The numbers of one indicator value: the value itself, kvinnor/män, riket/länet and the måltal. */
export interface IndicatorNumbers {
  value: number | null;
  women: number | null;
  men: number | null;
  national: number | null;
  county: number | null;
  target: number | null;
}
