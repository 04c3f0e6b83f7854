// The results CSV: decimal comma with at most two decimals, fields quoted only when needed,
// units in the given order and areas in the fixed order.
import { describe, expect, it } from 'vitest';
import { csvDecimal, resultsCsv } from '../../../db/io/selfAssessmentCsv.ts';
import { AREA_REFS } from '../../../db/queries/selfAssessment.ts';
import { summarize, histogramOf, emptyHistogram } from '../../../db/domain/selfAssessmentStats.ts';
import type { ResultsView } from '../../../db/api/selfAssessment.contract.ts';

describe('resultsCsv', () => {
  it('formats decimals the Swedish way', () => {
    expect(csvDecimal(22 / 3)).toBe('7,33');
    expect(csvDecimal(6.5)).toBe('6,5');
    expect(csvDecimal(7)).toBe('7');
    expect(csvDecimal(null)).toBe('');
  });

  it('one row per unit and area, BOM first, CRLF, a name with a semicolon quoted', () => {
    const unit = { unitName: 'Boende "Ek"; norra', unitId: 'u1', operatingAreaId: 'a', operatingAreaName: 'A', unitType: 'sarskilt_boende' as const, regi: 'egen_regi' as const };
    const view: ResultsView = {
      year: 2025,
      areas: [...AREA_REFS],
      units: [unit],
      cells: AREA_REFS.map(({ area }, i) => ({
        unitId: 'u1',
        area,
        ...(i === 0 ? summarize(histogramOf([4, 8, 9]), { notApplicable: 1, unanswered: 2 }) : summarize(emptyHistogram(), { unanswered: 3 })),
      })),
      areaTotals: [],
    };
    const csv = resultsCsv(view);
    expect(csv.startsWith('\uFEFFÅr;Enhet;Område;Medel;Median;Antal svar;Ej tillämplig;Obesvarade\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('2025;"Boende ""Ek""; norra";Självbestämmande och integritet;7;8;3;1;2');
    expect(lines[2]).toBe('2025;"Boende ""Ek""; norra";Helhetssyn och samordning;;;0;0;3');
    expect(lines[5]).toBe('2025;"Boende ""Ek""; norra";Tillgänglighet;;;0;0;3');
    expect(lines).toHaveLength(7);
  });
});
