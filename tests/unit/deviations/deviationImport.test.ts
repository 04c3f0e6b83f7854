// Avvikelser imported from a summary file (Period, Enhet, Avvikelsetyp, Antal) through the one
// import pipeline on a real database file: every bad row named and nothing written; a valid
// .xlsx imported; a re-imported month replacing that month's counts for the units in the file;
// the table's own rules (count ≥ 0, one row per unit, month and folded type) hold in SQLite too.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { importCheckCount } from '../../../db/io/importPipeline.ts';
import { useInspectionWorld, type InspectionWorld } from '../tillsyn/inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

const csv = (lines: string[], fileName = 'avvikelser.csv') => ({
  file: { fileName, contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') },
});
const rowCount = () => w.session.db.sqlite.prepare('SELECT count(*) FROM deviation_counts').pluck().get() as number;
const SOL = 'Solgårdens vård- och omsorgsboende';
const LIND = 'Lindgårdens vård- och omsorgsboende';
const HEADER = 'Period;Enhet;Avvikelsetyp;Antal';
const all = { fromYear: 2000, toYear: 2100 };

describe('the avvikelser import', () => {
  it('names every bad row (unit, period, count, duplicate, personnummer) and writes nothing', async () => {
    const file = csv([
      HEADER,
      `2026-03;${SOL};Fall;4`, // row 2: fine
      '2026-03;Okända gården;Fall;1', // 3: unknown unit
      `2026 T1;${SOL};Läkemedel;2`, // 4: a tertial, not a month
      `2026-13;${SOL};Läkemedel;2`, // 5: no such month
      `2026-03;${SOL};Bemötande;-1`, // 6: negative
      `2026-03;${SOL};Utebliven insats;2,5`, // 7: not an integer
      `mars 2026;${SOL};  fall ;5`, // 8: repeats row 2 (same month, type folded)
      `2026-03;${SOL};Fall 19850709-1234;1`, // 9: personal data
      `2026-03;${SOL};;1`, // 10: no type
    ]);
    const preview = await w.call('deviations.importPreview', file);
    expect(preview.canCommit).toBe(false);
    expect(preview.issues.map((i) => [i.rowNumber, i.column, i.message])).toEqual([
      [3, 'Enhet', 'Okänd enhet ”Okända gården”. Enheten måste finnas i enhetsregistret.'],
      [4, 'Period', 'Perioden ”2026 T1” kan inte läsas. Skriv år och månad, till exempel 2026-03 eller mars 2026.'],
      [5, 'Period', 'Perioden ”2026-13” kan inte läsas. Skriv år och månad, till exempel 2026-03 eller mars 2026.'],
      [6, 'Antal', 'Antal måste vara ett heltal, 0 eller större (inte ”-1”).'],
      [7, 'Antal', 'Antal måste vara ett heltal, 0 eller större (inte ”2.5”).'],
      [8, 'Avvikelsetyp', `Raden upprepar rad 2: ${SOL}, 2026-03, Fall. Varje enhet, period och typ får finnas en gång.`],
      [9, 'Avvikelsetyp', expect.stringContaining('personnummer')],
      [10, 'Avvikelsetyp', 'Avvikelsetyp måste fyllas i.'],
    ]);
    const error = await w.fail('deviations.importCommit', file);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Ingenting har importerats');
    expect(error.issues?.map((i) => i.field)).toContain('rad 3, kolumn Enhet');
    expect(rowCount()).toBe(0);
  });

  it('refuses a file without the four columns', async () => {
    const preview = await w.call('deviations.importPreview', csv(['Period;Enhet;Antal', `2026-03;${SOL};3`]));
    expect(preview.fileIssues).toEqual(['Kolumner saknas på första raden: Avvikelsetyp. Förväntade kolumner: Period, Enhet, Avvikelsetyp, Antal.']);
    expect(preview.canCommit).toBe(false);
  });

  it('imports a valid .xlsx file (month as text or as a date cell) and lists the counts', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Avvikelser');
    sheet.addRows([
      ['Period', 'Enhet', 'Avvikelsetyp', 'Antal'],
      ['2026-01', SOL, 'Fall', 4],
      [new Date(Date.UTC(2026, 1, 1)), SOL, 'Läkemedel', 7],
      ['mars 2026', LIND, 'Bemötande', 2],
      ['2026-03', LIND, 'fall', 0],
    ]);
    const upload = { file: { fileName: 'avvikelser.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') } };
    const preview = await w.call('deviations.importPreview', upload);
    expect(preview.issues).toEqual([]);
    expect(preview.replaces).toEqual([]);
    expect(await w.call('deviations.importCommit', upload)).toEqual({ inserted: 4, replaced: 0 });
    const rows = await w.call('deviations.list', { fromYear: 2026, toYear: 2026 });
    expect(rows.map((r) => [r.unitName, `${r.year}-${r.month}`, r.deviationType, r.count])).toEqual([
      [SOL, '2026-1', 'Fall', 4],
      [SOL, '2026-2', 'Läkemedel', 7],
      [LIND, '2026-3', 'Bemötande', 2],
      [LIND, '2026-3', 'Fall', 0],
    ]);
    expect(await w.call('deviations.filterOptions', {})).toEqual({ years: [2026], types: ['Bemötande', 'Fall', 'Läkemedel'] });
    // Filters: by unit and by type (folded).
    expect((await w.call('deviations.list', { ...all, unitId: w.solgarden.id })).length).toBe(2);
    expect((await w.call('deviations.list', { ...all, deviationType: 'FALL' })).map((r) => r.count)).toEqual([4, 0]);
    expect((await w.call('deviations.list', { fromYear: 2027, toYear: 2028 })).length).toBe(0);
  });

  it('replaces a re-imported month for the units in the file, says so in the preview, and keeps the stored spelling of a type', async () => {
    await w.call('deviations.importCommit', csv([HEADER, `2026-03;${SOL};Fall;4`, `2026-03;${SOL};Läkemedel;7`, `2026-03;${LIND};Fall;1`, `2026-04;${SOL};Fall;9`]));
    const again = csv([HEADER, `2026-03;${SOL};FALL;5`, `2026-03;${SOL};Bemötande;1`]);
    const checks = importCheckCount();
    const preview = await w.call('deviations.importPreview', again);
    expect(preview.replaces).toEqual([{ unitName: SOL, operatingAreaName: 'Särskilt boende', period: '2026-03', storedRows: 2 }]);
    expect(preview.rows.map((r) => r.values.deviationType)).toEqual(['Fall', 'Bemötande']);
    expect(await w.call('deviations.importCommit', again)).toEqual({ inserted: 2, replaced: 2 });
    // The commit right after the preview reused its check (nothing was written in between).
    expect(importCheckCount()).toBe(checks + 1);
    const rows = await w.call('deviations.list', { fromYear: 2026, toYear: 2026 });
    expect(rows.map((r) => [r.unitName, `${r.year}-${r.month}`, r.deviationType, r.count])).toEqual([
      [LIND, '2026-3', 'Fall', 1],
      [SOL, '2026-3', 'Bemötande', 1],
      [SOL, '2026-3', 'Fall', 5],
      [SOL, '2026-4', 'Fall', 9],
    ]);
    expect(rowCount()).toBe(4);
  });

  it('refuses a year range that runs backwards', async () => {
    const error = await w.fail('deviations.list', { fromYear: 2027, toYear: 2026 });
    expect(error.code).toBe('invalid_input');
  });

  it('holds its own rules in SQLite: no negative or fractional count, no second row for a folded type', () => {
    const insert = w.session.db.sqlite.prepare(
      "INSERT INTO deviation_counts (id, unit_id, year, month, deviation_type, deviation_type_folded, count) VALUES (lower(hex(randomblob(16))), ?, 2026, 3, ?, ?, ?)",
    );
    insert.run(w.solgarden.id, 'Fall', 'fall', 2);
    expect(() => insert.run(w.solgarden.id, 'Läkemedel', 'läkemedel', -1)).toThrow(/CHECK/);
    expect(() => insert.run(w.solgarden.id, 'Läkemedel', 'läkemedel', 1.5)).toThrow(/CHECK/);
    expect(() => insert.run(w.solgarden.id, 'FALL', 'fall', 3)).toThrow(/UNIQUE/);
    expect(() => w.session.db.sqlite.prepare('DELETE FROM units WHERE id = ?').run(w.solgarden.id)).toThrow(/FOREIGN KEY/);
  });
});
