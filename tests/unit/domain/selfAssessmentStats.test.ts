// The self-assessment statistics against values worked out by hand: "ej tillämplig" and
// unanswered statements are carried beside the numbers and never counted as 0.
import { describe, expect, it } from 'vitest';
import {
  addToHistogram,
  compareByMean,
  emptyHistogram,
  histogramOf,
  meanOfPresent,
  mergeHistograms,
  summarize,
} from '../../../db/domain/selfAssessmentStats.ts';

describe('summarize', () => {
  it('an even count: mean 19/4, median between the two middle scores, population standard deviation', () => {
    // 2, 4, 4, 9: mean 4.75; squared deviations 7.5625 + 0.5625 + 0.5625 + 18.0625 = 26.75; / 4 = 6.6875.
    const summary = summarize(histogramOf([9, 4, 2, 4]));
    expect(summary).toMatchObject({ count: 4, mean: 4.75, median: 4, min: 2, max: 9, notApplicable: 0, unanswered: 0 });
    expect(summary.standardDeviation).toBeCloseTo(Math.sqrt(6.6875), 12);
  });

  it('an odd count: the middle score is the median', () => {
    // 3, 7, 10: mean 20/3; squared deviations 121/9 + 1/9 + 100/9 = 222/9; / 3 = 74/9.
    const summary = summarize(histogramOf([7, 3, 10]));
    expect(summary.mean).toBeCloseTo(20 / 3, 12);
    expect(summary.median).toBe(7);
    expect(summary.standardDeviation).toBeCloseTo(Math.sqrt(74 / 9), 12);
  });

  it('the median of 1, 2, 3, 10 is 2.5, whatever the outlier', () => {
    expect(summarize(histogramOf([10, 1, 3, 2])).median).toBe(2.5);
  });

  it('ej tillämplig and unanswered never enter the numbers', () => {
    // One 5, three "ej tillämplig", two unanswered: the mean is 5 (counted as 0 it would be 5/6).
    const summary = summarize(histogramOf([5]), { notApplicable: 3, unanswered: 2 });
    expect(summary).toEqual({ count: 1, mean: 5, median: 5, min: 5, max: 5, standardDeviation: 0, notApplicable: 3, unanswered: 2 });
  });

  it('nothing scored: no mean, no median, no spread, counts kept', () => {
    expect(summarize(emptyHistogram(), { notApplicable: 2, unanswered: 3 })).toEqual({
      count: 0,
      mean: null,
      median: null,
      min: null,
      max: null,
      standardDeviation: null,
      notApplicable: 2,
      unanswered: 3,
    });
  });

  it('many answers through the histogram: 40 × 3 and 60 × 8', () => {
    const histogram = emptyHistogram();
    addToHistogram(histogram, 3, 40);
    addToHistogram(histogram, 8, 60);
    // mean (120 + 480) / 100 = 6; median between the 50th and 51st score = 8; variance 0.4·9 + 0.6·4 = 6.
    const summary = summarize(histogram);
    expect(summary).toMatchObject({ count: 100, mean: 6, median: 8, min: 3, max: 8 });
    expect(summary.standardDeviation).toBeCloseTo(Math.sqrt(6), 12);
  });
});

describe('histograms', () => {
  it('refuses a score outside 1–10 or not whole', () => {
    const histogram = emptyHistogram();
    expect(() => addToHistogram(histogram, 0)).toThrow(RangeError);
    expect(() => addToHistogram(histogram, 11)).toThrow(RangeError);
    expect(() => addToHistogram(histogram, 2.5)).toThrow(RangeError);
  });

  it('merging adds the counts score by score', () => {
    const target = histogramOf([1, 10]);
    mergeHistograms(target, histogramOf([10, 5]));
    expect(target).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 2]);
  });
});

describe('meanOfPresent and compareByMean', () => {
  it('averages the values that exist; a missing unit is not a 0', () => {
    expect(meanOfPresent([4, null, 6])).toBe(5);
    expect(meanOfPresent([null, null])).toBeNull();
  });

  it('orders lowest mean first, then the firmer result (more answers)', () => {
    const rows = [
      { id: 'c', mean: 5, count: 3 },
      { id: 'a', mean: 4, count: 2 },
      { id: 'b', mean: 5, count: 9 },
    ];
    expect([...rows].sort(compareByMean).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
