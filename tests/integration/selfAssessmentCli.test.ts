// `npm run cli -- self-assessment results` end to end, as a child process on the demo
// municipality: the CSV Swedish Excel reads (BOM, semicolons, decimal comma), the numbers the
// app shows, and exit codes for wrong usage.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoMunicipality } from '../../db/demo/seedDemo.ts';
import { getResults } from '../../db/queries/selfAssessment.ts';
import { csvDecimal } from '../../db/io/selfAssessmentCsv.ts';
import { openTempDatabase, tempDbFile } from '../helpers/db.ts';
import { cli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/server.ts';

describe('npm run cli -- self-assessment results', { timeout: 300_000 }, () => {
  it('writes one row per unit and area with the app’s numbers', async () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    seedDemoMunicipality(db);
    const expected = getResults(db, 2025);
    db.sqlite.close();
    const out = path.join(tempDir(), 'resultat 2025.csv');

    const run = await cli('self-assessment', 'results', '--db', file, '--year', '2025', '--out', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Självskattningen 2025: ${expected.units.length} enheter`);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('År;Enhet;Område;Medel;Median;Antal svar;Ej tillämplig;Obesvarade');
    expect(lines).toHaveLength(1 + expected.units.length * 5 + 1);

    const soder = expected.units.find((u) => u.unitName === 'Hemtjänst Söder');
    const cell = expected.cells.find((c) => c.unitId === soder?.unitId && c.area === 'tillganglighet');
    expect(cell?.notApplicable).toBe(1); // a home-care group has no premises of its own
    const row = lines.find((l) => l.startsWith('2025;Hemtjänst Söder;Tillgänglighet;'));
    expect(row).toBe(
      ['2025', 'Hemtjänst Söder', 'Tillgänglighet', csvDecimal(cell?.mean ?? null), csvDecimal(cell?.median ?? null), cell?.count, 1, cell?.unanswered].join(';'),
    );
    expect(lines.some((l) => /^2025;[^;]+;[^;]+;\d+,\d+;/.test(l))).toBe(true); // decimal comma
    expect(lines.some((l) => l.includes('.'))).toBe(false);
  });

  it('wrong usage exits 2, a year without a template exits 1, and no file is left behind', async () => {
    const file = tempDbFile();
    openTempDatabase(file).sqlite.close();
    const out = path.join(tempDir(), 'r.csv');
    const none = await cli('self-assessment', '--db', file);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Välj ett av: results');
    const badYear = await cli('self-assessment', 'results', '--db', file, '--year', 'tjugo', '--out', out);
    expect(badYear.code).toBe(2);
    expect(badYear.err).toContain('--year ska vara ett år mellan 2000 och 2100');
    const noTemplate = await cli('self-assessment', 'results', '--db', file, '--year', '2025', '--out', out);
    expect(noTemplate.code).toBe(1);
    expect(noTemplate.err).toContain('Det finns ingen mall för självskattningen 2025.');
    expect(fs.existsSync(out)).toBe(false);
    const help = await cli('help');
    expect(help.out).toContain('self-assessment results --db FIL --year ÅR --out FIL.csv');
  });
});
