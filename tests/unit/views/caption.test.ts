// The caption pieces every view shares, with hand-written expectations: Swedish digit grouping
// (a no-break space, so "2 000" never breaks over a line on a slide), signs and "sedan …".
import { describe, expect, it } from 'vitest';
import { changeSince, countLabel, signedCount, signedScore } from '../../../db/views/caption.ts';

const NBSP = '\u00a0';

describe('caption pieces', () => {
  it('groups a count of thousands the Swedish way, and leaves small ones alone', () => {
    expect(countLabel(7)).toBe('7');
    expect(countLabel(999)).toBe('999');
    expect(countLabel(2000)).toBe(`2${NBSP}000`);
    expect(countLabel(28982)).toBe(`28${NBSP}982`);
  });

  it('signs a change in a count or a mean, a hyphen for minus', () => {
    expect(signedCount(3)).toBe('+3');
    expect(signedCount(-28982)).toBe(`-28${NBSP}982`);
    expect(signedCount(0)).toBe('±0');
    expect(signedScore(0.34)).toBe('+0,3');
    expect(signedScore(-1.25)).toBe('-1,3');
    expect(signedScore(1.25)).toBe('+1,3');
    expect(signedScore(0.04)).toBe('±0,0');
    expect(signedScore(-0.04)).toBe('±0,0');
  });

  it('says "sedan" only when there is something to compare with', () => {
    expect(changeSince('+0,3', '2025-11-04')).toBe(', +0,3 sedan 2025-11-04');
    expect(changeSince(null, '2025-11-04')).toBe('');
    expect(changeSince('+1', undefined)).toBe('');
  });
});
