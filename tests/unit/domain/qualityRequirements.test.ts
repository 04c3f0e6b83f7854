import { describe, expect, it } from 'vitest';
import { QUALITY_REQUIREMENT_SEED, QUALITY_REQUIREMENT_THEMES } from '../../../db/seed/qualityRequirements.ts';

const byCode = new Map(QUALITY_REQUIREMENT_SEED.map((r) => [r.code, r]));

describe('the kvalitetskrav catalogue from seed 004', () => {
  it('has unique codes and only the known themes, each used', () => {
    expect(byCode.size).toBe(QUALITY_REQUIREMENT_SEED.length);
    const themes = new Set<string>(QUALITY_REQUIREMENT_THEMES);
    expect(QUALITY_REQUIREMENT_SEED.every((r) => themes.has(r.theme))).toBe(true);
    expect(new Set(QUALITY_REQUIREMENT_SEED.map((r) => r.theme))).toEqual(themes);
  });

  it('holds the ten kvalitetskriterier in the seed’s order', () => {
    expect(QUALITY_REQUIREMENT_SEED.filter((r) => r.code.startsWith('K')).map((r) => r.title)).toEqual([
      'Genomförandeplan med delaktighet',
      'Bemanning och kompetens motsvarar uppdraget',
      'Omsorgskontinuitet',
      'Nationella kvalitetsregister',
      'Riskbedömningar',
      'Vårdplan för riskbedömd patient',
      'Måltidsordning över hela dygnet',
      'Rapportering av risker och vårdskador',
      'Synpunkter och klagomål',
      'Lex Sarah',
    ]);
  });

  it('gives the genomförandeplan two weeks, as the värdighetsgaranti says', () => {
    expect(byCode.get('K01')?.deadlineDays).toBe(14);
    expect(byCode.get('V09')?.description).toContain('Inom två veckor ska det finnas en aktuell genomförandeplan.');
  });

  it('carries the guarantees’ time limits in days', () => {
    expect(['V01', 'V02', 'V03', 'V04', 'V05', 'V06', 'V08', 'V12', 'V13'].map((c) => byCode.get(c)?.deadlineDays)).toEqual([
      1, 7, 14, 28, 90, 28, 14, 14, 28,
    ]);
  });

  it('is written in correct Swedish, without the OCR’s garbled letters', () => {
    const text = QUALITY_REQUIREMENT_SEED.map((r) => `${r.title} ${r.description}`).join(' ');
    expect(text).not.toMatch(/[éèÉ]/);
    expect(text).not.toMatch(/\b(foljande|sakerstall|vard- och omsorgsforvaltningen|genomforandeplan|Utforaren)\b/);
    expect(text).toContain('Utföraren ska uppmärksamma, utreda och hantera missförhållanden');
  });
});
