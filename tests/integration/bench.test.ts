// The bench's smoke version inside `npm test`: a tiny generated database (30 units, one cycle),
// every path of every area run once, and the growth exponents computed over two tiny sizes. It
// checks that each path runs and answers sensibly (tests/bench/paths/*: `check`), never its time,
// so `npm run bench` cannot rot unnoticed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench } from '../bench/run.ts';
import { BENCH_AREAS } from '../bench/paths/index.ts';
import { resultTable } from '../bench/measure.ts';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-bench-smoke-'));

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('npm run bench, smoke version', () => {
  it('runs every path once on a tiny database and reports sane results', async () => {
    const lines: string[] = [];
    const report = await runBench({
      size: { units: 30, cycles: 1, seed: 7 },
      growthSizes: [12, 24],
      cacheDir: path.join(workDir, 'cache'),
      settings: { smoke: true, reps: 1, maxPathMs: 0, workDir, log: (line) => lines.push(line) },
    });
    expect(report.problems, lines.join('\n')).toEqual([]);
    expect(report.facts.units).toBe(30);
    expect(report.facts.inspections).toBeGreaterThan(0);
    expect(report.facts.actions).toBeGreaterThan(0);
    // Every area contributed at least one measured path, each with a finite number.
    for (const area of BENCH_AREAS) expect(report.results.some((r) => r.area === area.name), area.name).toBe(true);
    for (const r of report.results) expect(Number.isFinite(r.app.median), r.name).toBe(true);
    expect(report.growth.map((g) => Number.isFinite(g.exponent))).toEqual([true, true, true, true]);
    expect(resultTable(report.results)).toContain('| coverage view data for a cycle |');
    // ≈ 20 s on an idle 2-core machine; the limit is for a machine shared at load 20 (seen: > 2 min).
  }, 600_000);
});
