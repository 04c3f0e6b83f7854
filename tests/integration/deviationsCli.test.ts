// `import --deviations FIL`: the avvikelser summary through the same import method as the page,
// all or nothing, every bad row listed, exit code 1 and nothing written on a bad file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { openTempDatabase, tempDbFile } from '../helpers/db.ts';
import { tempDir } from '../helpers/server.ts';

function databaseWithUnit(): string {
  const file = tempDbFile();
  const db = openTempDatabase(file);
  db.sqlite.prepare("INSERT INTO operating_areas (id, name, name_folded) VALUES ('a1', 'Hemtjänst', 'hemtjänst')").run();
  db.sqlite
    .prepare("INSERT INTO units (id, operating_area_id, name, name_folded, unit_type, regi, provider) VALUES ('u1', 'a1', 'Hemtjänst Norr', 'hemtjänst norr', 'hemtjanst', 'egen_regi', 'Kommunen')")
    .run();
  db.sqlite.close();
  return file;
}

describe('import --deviations', { timeout: 120_000 }, () => {
  it('imports a valid file and refuses a file with a bad row, writing nothing', async () => {
    const file = databaseWithUnit();
    const bad = path.join(tempDir(), 'fel.csv');
    fs.writeFileSync(bad, 'Period;Enhet;Avvikelsetyp;Antal\n2026-01;Hemtjänst Norr;Fall;3\n2026-01;Hemtjänst Syd;Fall;-2\n');
    const refused = await cli('import', '--db', file, '--deviations', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('rad 3');
    expect(refused.err).toContain('Okänd enhet ”Hemtjänst Syd”');
    const good = path.join(tempDir(), 'avvikelser.csv');
    fs.writeFileSync(good, 'Period;Enhet;Avvikelsetyp;Antal\n2026-01;Hemtjänst Norr;Fall;3\n2026-02;Hemtjänst Norr;Läkemedel;1\n');
    const ok = await cli('import', '--db', file, '--deviations', good);
    expect(ok.code).toBe(0);
    // Nothing of the refused file was written: its 2026-01 row would be replaced now.
    expect(ok.out).toContain('"inserted":2,"replaced":0');
  });
});
