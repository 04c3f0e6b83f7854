// Risk value and band for all 16 cells, written out by hand from seed 003 §6: rows are
// Sannolikhet för upprepning from Mycket stor (4) down to Mycket liten (1), columns are
// Allvarlighetsgrad from Katastrofal (4) to Mindre (1), as the seed prints them.
import { describe, expect, it } from 'vitest';
import { isRiskLevel, riskBand, riskMatrixCells, riskValue, RISK_PROBABILITY_LABELS, RISK_SEVERITY_LABELS, type RiskLevel } from '../../../db/domain/riskMatrix.ts';

// prettier-ignore
const SEED_TABLE: { probability: RiskLevel; cells: [number, string][] }[] = [
  //                 Katastrofal(4)  Betydande(3)  Måttlig(2)   Mindre(1)
  { probability: 4, cells: [[16, 'rod'], [12, 'rod'], [8, 'rod'], [4, 'gul']] },  // Mycket stor(4)
  { probability: 3, cells: [[12, 'rod'], [9, 'rod'],  [6, 'gul'], [3, 'gron']] }, // Stor(3)
  { probability: 2, cells: [[8, 'rod'],  [6, 'gul'],  [4, 'gul'], [2, 'gron']] }, // Liten(2)
  { probability: 1, cells: [[4, 'gul'],  [3, 'gron'], [2, 'gron'], [1, 'gron']] }, // Mycket Liten(1)
];
const SEVERITY_COLUMNS: RiskLevel[] = [4, 3, 2, 1];

describe('risk matrix (seed 003 §6)', () => {
  for (const row of SEED_TABLE) {
    row.cells.forEach(([value, band], column) => {
      const severity = SEVERITY_COLUMNS[column] as RiskLevel;
      it(`sannolikhet ${row.probability} × allvarlighetsgrad ${severity} = ${value}, ${band}`, () => {
        expect(riskValue(row.probability, severity)).toBe(value);
        expect(riskBand(row.probability, severity)).toBe(band);
      });
    });
  }

  it('has the 16 cells once each, with the same value and band', () => {
    const cells = riskMatrixCells();
    expect(cells).toHaveLength(16);
    const expected = SEED_TABLE.flatMap((row) => row.cells.map(([value, band], column) => ({ probability: row.probability, severity: SEVERITY_COLUMNS[column], value, band })));
    expect([...cells].sort((a, b) => a.probability - b.probability || a.severity - b.severity)).toEqual(
      expected.sort((a, b) => a.probability - b.probability || (a.severity ?? 0) - (b.severity ?? 0)),
    );
  });

  it('names the levels as the seed does', () => {
    expect(RISK_PROBABILITY_LABELS).toEqual(['Mycket liten', 'Liten', 'Stor', 'Mycket stor']);
    expect(RISK_SEVERITY_LABELS).toEqual(['Mindre', 'Måttlig', 'Betydande', 'Katastrofal']);
  });

  it('takes only whole numbers 1–4 as levels', () => {
    expect([0, 1, 4, 5, 2.5, '3', null].map(isRiskLevel)).toEqual([false, true, true, false, false, false, false]);
  });
});
