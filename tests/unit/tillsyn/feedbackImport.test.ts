// Synpunkter imported from a summary file (Period, Enhet, Typ, Antal) through the one import
// pipeline on a real database file: every bad row named and nothing written; a valid file
// imported; a re-imported period replacing that period's counts for the units in the file.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { importCheckCount } from '../../../db/io/importPipeline.ts';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

const csv = (lines: string[], fileName = 'synpunkter.csv') => ({
  file: { fileName, contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') },
});
const rowCount = () => w.session.db.sqlite.prepare('SELECT count(*) FROM feedback_counts').pluck().get() as number;
const SOL = 'Solgårdens vård- och omsorgsboende';
const LIND = 'Lindgårdens vård- och omsorgsboende';

describe('the synpunkter import', () => {
  it('names every bad row (unit, period, type, count, duplicate) and writes nothing', async () => {
    const file = csv([
      'Period;Enhet;Typ;Antal',
      `2026 T1;${SOL};Klagomål;4`, // row 2: fine
      '2026 T1;Okända gården;Klagomål;1', // 3: unknown unit
      `2026 T4;${SOL};Synpunkt;2`, // 4: no such tertial
      `mars 2026;${SOL};Synpunkt;2`, // 5: period that does not parse
      `2026 T1;${SOL};Tack;3`, // 6: unknown type
      `2026 T1;${SOL};Beröm;-1`, // 7: negative
      `2026 T1;${SOL};Förslag;2,5`, // 8: not an integer
      `2026 T1;${SOL};klagomål;5`, // 9: repeats row 2
    ]);
    const preview = await w.call('feedback.importPreview', file);
    expect(preview.canCommit).toBe(false);
    expect(preview.issues.map((i) => [i.rowNumber, i.column])).toEqual([
      [3, 'Enhet'],
      [4, 'Period'],
      [5, 'Period'],
      [6, 'Typ'],
      [7, 'Antal'],
      [8, 'Antal'],
      [9, 'Typ'],
    ]);
    expect(preview.issues.map((i) => i.message)).toEqual([
      'Okänd enhet ”Okända gården”. Enheten måste finnas i enhetsregistret.',
      'Perioden ”2026 T4” kan inte läsas. Skriv år och tertial, till exempel 2026 T1.',
      'Perioden ”mars 2026” kan inte läsas. Skriv år och tertial, till exempel 2026 T1.',
      'Okänd typ ”Tack”. Tillåtna: Klagomål, Synpunkt, Beröm, Förslag.',
      'Antal måste vara ett heltal, 0 eller större (inte ”-1”).',
      'Antal måste vara ett heltal, 0 eller större (inte ”2.5”).',
      `Raden upprepar rad 2: ${SOL}, 2026 T1, Klagomål. Varje enhet, period och typ får finnas en gång.`,
    ]);
    const error = await w.fail('feedback.importCommit', file);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Ingenting har importerats');
    expect(error.issues?.map((i) => i.field)).toContain('rad 3, kolumn Enhet');
    expect(rowCount()).toBe(0);
  });

  it('refuses a file without the four columns', async () => {
    const preview = await w.call('feedback.importPreview', csv(['Period;Enhet;Antal', `2026 T1;${SOL};3`]));
    expect(preview.fileIssues).toEqual(['Kolumner saknas på första raden: Typ. Förväntade kolumner: Period, Enhet, Typ, Antal.']);
    expect(preview.canCommit).toBe(false);
  });

  it('imports a valid .xlsx file and lists the counts per unit and tertial', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Synpunkter');
    sheet.addRows([
      ['Period', 'Enhet', 'Typ', 'Antal'],
      ['2026 T1', SOL, 'Klagomål', 4],
      ['2026 T1', SOL, 'Beröm', 7],
      ['T2 2026', LIND, 'Synpunkt', 2],
      ['2026T2', LIND, 'förslag', 0],
    ]);
    const upload = { file: { fileName: 'synpunkter.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') } };
    const preview = await w.call('feedback.importPreview', upload);
    expect(preview.issues).toEqual([]);
    expect(preview.replaces).toEqual([]);
    expect(await w.call('feedback.importCommit', upload)).toEqual({ inserted: 4, replaced: 0 });
    const rows = await w.call('feedback.list', { year: 2026 });
    expect(rows.map((r) => [r.unitName, `${r.year} T${r.tertial}`, r.counts, r.total])).toEqual([
      [LIND, '2026 T2', { klagomal: 0, synpunkt: 2, berom: 0, forslag: 0 }, 2],
      [SOL, '2026 T1', { klagomal: 4, synpunkt: 0, berom: 7, forslag: 0 }, 11],
    ]);
  });

  it('replaces a re-imported period for the units in the file, says so in the preview, and leaves the rest', async () => {
    await w.call('feedback.importCommit', csv(['Period;Enhet;Typ;Antal', `2026 T1;${SOL};Klagomål;4`, `2026 T1;${SOL};Beröm;7`, `2026 T1;${LIND};Klagomål;1`, `2026 T2;${SOL};Klagomål;9`]));
    const again = csv(['Period;Enhet;Typ;Antal', `2026 T1;${SOL};Klagomål;5`, `2026 T1;${SOL};Synpunkt;1`]);
    const checks = importCheckCount();
    const preview = await w.call('feedback.importPreview', again);
    expect(preview.replaces).toEqual([{ unitName: SOL, operatingAreaName: 'Särskilt boende', period: '2026 T1', storedRows: 2 }]);
    expect(await w.call('feedback.importCommit', again)).toEqual({ inserted: 2, replaced: 2 });
    // The commit right after the preview reused its check (nothing was written in between).
    expect(importCheckCount()).toBe(checks + 1);
    const rows = await w.call('feedback.list', { year: 2026 });
    expect(rows.map((r) => [r.unitName, `${r.year} T${r.tertial}`, r.counts])).toEqual([
      [SOL, '2026 T2', { klagomal: 9, synpunkt: 0, berom: 0, forslag: 0 }],
      [LIND, '2026 T1', { klagomal: 1, synpunkt: 0, berom: 0, forslag: 0 }],
      [SOL, '2026 T1', { klagomal: 5, synpunkt: 1, berom: 0, forslag: 0 }],
    ]);
    expect(rowCount()).toBe(4);
  });

  it('asks for the verksamhetsområde when a unit name is used in two areas', async () => {
    const home = await w.call('operatingAreas.create', { name: 'Hemtjänst' });
    await w.call('units.create', { operatingAreaId: home.id, name: SOL, unitType: 'hemtjanst', regi: 'egen_regi' });
    const preview = await w.call('feedback.importPreview', csv(['Period;Enhet;Typ;Antal', `2026 T1;${SOL};Klagomål;4`, `2026 T1;${SOL} (Hemtjänst);Klagomål;2`]));
    expect(preview.issues).toEqual([
      { rowNumber: 2, column: 'Enhet', message: `Enheten ”${SOL}” finns i flera verksamhetsområden (Särskilt boende, Hemtjänst). Skriv till exempel ”${SOL} (Särskilt boende)”.` },
    ]);
    expect(preview.rows.map((r) => r.values.operatingAreaName)).toEqual(['Hemtjänst']);
  });
});
