import { describe, expect, it } from 'vitest';
import { foldName, sameName } from '../../../db/shared/names.ts';

describe('foldName', () => {
  it('folds Swedish capitals that SQLite lower() leaves alone', () => {
    expect(foldName('Älvgården')).toBe('älvgården');
    expect(foldName('ÅSA ÖBERG')).toBe('åsa öberg');
    expect(foldName('Émile Über')).toBe('émile über');
  });

  it('treats a decomposed å (a + combining ring) as the precomposed letter', () => {
    const decomposed = 'A\u030Angen';
    expect(decomposed).not.toBe('Ången');
    expect(foldName(decomposed)).toBe('ången');
  });

  it('trims and collapses inner white space, no-break spaces and tabs included', () => {
    expect(foldName('  Hemtjänst\u00A0 \tNorr ')).toBe('hemtjänst norr');
  });

  it('keeps what tells names apart: letters, digits, punctuation', () => {
    expect(sameName('Gruppbostad Lärkan', 'gruppbostad  lärkan')).toBe(true);
    expect(sameName('Älvgården', 'Alvgården')).toBe(false);
    expect(sameName('K04', 'K4')).toBe(false);
    expect(sameName('Hemtjänst Norr', 'Hemtjänst-Norr')).toBe(false);
  });
});
