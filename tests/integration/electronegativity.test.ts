// Electronegativity (Doyensec) over electron/, the built bundles, index.html and package.json:
// every finding must be in the reviewed baseline with a reason (reliability.md §1.3, TST-01).
import { describe, expect, it } from 'vitest';
import {
  parseSarif,
  readBaseline,
  runElectronegativity,
  staleBaseline,
  unexpectedFindings,
  type Finding,
} from '../../scripts/electronegativity.ts';

describe('electronegativity', () => {
  it('finds nothing outside the reviewed baseline, and the baseline has no stale entries', { timeout: 120_000 }, async () => {
    const findings = await runElectronegativity();
    const baseline = readBaseline();
    // The scan really ran over the bundle and the sources (a broken run would find nothing).
    expect(findings.some((f) => f.file === 'dist/electron/main.js')).toBe(true);
    expect(findings.some((f) => f.file.startsWith('electron/'))).toBe(true);
    expect(unexpectedFindings(findings, baseline)).toEqual([]);
    expect(staleBaseline(findings, baseline)).toEqual([]);
  });

  it('gives every baseline entry a reason', () => {
    for (const entry of readBaseline()) expect(entry.reason.length, entry.ruleId).toBeGreaterThan(40);
  });

  it('reads SARIF results and fails on a finding that is not in the baseline', () => {
    const sarif = JSON.stringify({
      runs: [
        {
          results: [
            { ruleId: 'SANDBOX_JS_CHECK', message: { text: 'Use sandbox' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'electron/window.ts' }, region: { startLine: 52 } } }] },
          ],
        },
      ],
    });
    const findings: Finding[] = parseSarif(sarif);
    expect(findings).toEqual([{ ruleId: 'SANDBOX_JS_CHECK', file: 'electron/window.ts', line: 52, message: 'Use sandbox' }]);
    expect(unexpectedFindings(findings, readBaseline())).toHaveLength(1);
    expect(unexpectedFindings(findings, [{ ruleId: 'SANDBOX_JS_CHECK', file: 'electron/window.ts', reason: 'x' }])).toEqual([]);
  });
});
