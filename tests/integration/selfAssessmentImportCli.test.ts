// `npm run cli -- self-assessment import` end to end on the demo municipality, as a child
// process: a long-format file with a bad row is refused with every error listed and nothing
// written (exit 1); the fixed file imports, and `self-assessment results` writes the statistics
// of the imported answers (hand-checked mean for one unit and area).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoMunicipality } from '../../db/demo/seedDemo.ts';
import { getTemplate, unitsInScope } from '../../db/queries/selfAssessment.ts';
import { csvDecimal } from '../../db/io/selfAssessmentCsv.ts';
import { openTempDatabase, tempDbFile } from '../helpers/db.ts';
import { cli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/server.ts';

describe('npm run cli -- self-assessment import', { timeout: 300_000 }, () => {
  it('refuses a bad file listing every error, imports the fixed one, and results show it', async () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    seedDemoMunicipality(db);
    const year = 2026;
    const unit = unitsInScope(db, year).find((u) => u.unitName === 'Hemtjänst Söder')!;
    const statements = getTemplate(db, year, false).areas.find((a) => a.area === 'trygghet_sakerhet')!.statements;
    const count = (db.sqlite.prepare('SELECT count(*) AS n FROM self_assessment_answers').get() as { n: number }).n;
    db.sqlite.close();
    expect(statements.length).toBeGreaterThanOrEqual(2);

    // Scores 3, 4, 5, … for the area's statements, the last one "ej tillämplig".
    const rows = statements.map((s, i) => [year, unit.unitName, 'Trygghet och säkerhet', s.text, i === statements.length - 1 ? 'ej tillämplig' : String(3 + i), ''].join(';'));
    const header = 'År;Enhet;Område;Påstående;Poäng;Kommentar';
    const dir = tempDir();
    const bad = path.join(dir, 'svar fel.csv');
    fs.writeFileSync(bad, [header, ...rows, `${year};Hemtjänst Okänd;Trygghet och säkerhet;${statements[0]!.text};12;`].join('\r\n'));
    const refused = await cli('self-assessment', 'import', '--db', file, '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Importen gjordes inte');
    expect(refused.err).toContain(`svar fel.csv, rad ${rows.length + 2}, kolumn Enhet: Okänd enhet: ”Hemtjänst Okänd”`);
    expect(refused.err).toContain(`svar fel.csv, rad ${rows.length + 2}, kolumn Poäng: ”12” är inget giltigt svar.`);

    const good = path.join(dir, 'svar.csv');
    fs.writeFileSync(good, [header, ...rows].join('\r\n'));
    const imported = await cli('self-assessment', 'import', '--db', file, '--file', good);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`"answers":${statements.length}`);

    const out = path.join(dir, 'resultat.csv');
    const results = await cli('self-assessment', 'results', '--db', file, '--year', String(year), '--out', out);
    expect(results.code).toBe(0);
    const scored = statements.length - 1;
    const mean = (3 + (3 + scored - 1)) / 2; // 3, 4, … is evenly spaced
    const line = fs.readFileSync(out, 'utf8').split('\r\n').find((l) => l.startsWith(`${year};Hemtjänst Söder;Trygghet och säkerhet;`));
    expect(line?.split(';').slice(3, 7)).toEqual([csvDecimal(mean), csvDecimal(mean), String(scored), '1']);
    // The unit's other areas were replaced too (the file is the unit's whole answer for the year).
    const check = openTempDatabase(file);
    const after = (check.sqlite.prepare('SELECT count(*) AS n FROM self_assessment_answers').get() as { n: number }).n;
    check.sqlite.close();
    expect(after).toBeLessThan(count);
  });
});
