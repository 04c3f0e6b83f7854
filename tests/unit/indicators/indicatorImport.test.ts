// Nyckeltal imported from a file (Nyckeltal, Nivå, Period, Värde, Kvinnor, Män, Riket, Länet,
// Måltal) through the one import pipeline on a real database file: every bad row named and
// nothing written; a valid .xlsx imported; a re-import replacing the same indicator, level and
// period; cell edits validated; the views' rows and captions read from what was stored.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { importCheckCount } from '../../../db/io/importPipeline.ts';
import { useInspectionWorld, type InspectionWorld } from '../tillsyn/inspectionFixture.ts';
import { indicatorsAgainstTargetView, indicatorTrendView } from '../../../db/views/indicators.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

const SOL = 'Solgårdens vård- och omsorgsboende';
const HEADER = 'Nyckeltal;Nivå;Period;Värde;Kvinnor;Män;Riket;Länet;Måltal';

beforeEach(async () => {
  w = world();
  await w.call('indicators.create', { name: 'Nöjdhet särskilt boende', unit: 'procent', direction: 'higher_better', source: 'brukarundersokning' });
  await w.call('indicators.create', { name: 'Personalkontinuitet', unit: 'antal', direction: 'lower_better', source: 'kolada' });
});

const csv = (lines: string[], fileName = 'nyckeltal.csv') => ({
  file: { fileName, contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') },
});
const valueCount = () => w.session.db.sqlite.prepare('SELECT count(*) FROM indicator_values').pluck().get() as number;

describe('the nyckeltal import', () => {
  it('names every bad row and writes nothing', async () => {
    const file = csv([
      HEADER,
      'Nöjdhet särskilt boende;Kommunen;2023;79;;;78;79;83', // row 2: fine
      'Nöjdhet särskilt boende;Kommunen;2022;åttio;;;;;', // 3: value not a number
      `Nöjdhet särskilt boende;${SOL};2023;;;;;;83`, // 4: måltal on a level without values
      'Nöjdhet särskilt boende;Kommunen;mars 2023;79;;;;;', // 5: period does not parse
      'Nöjdhet särskilt boende;Okända gården;2023;80;;;;;', // 6: unknown unit or area
      'Nöjdhet särskilt boende;Äldreomsorgen;2023;80;;;;;', // 7: unknown area
      'Brukarnöjdhet LSS;Kommunen;2023;90;;;;;', // 8: unknown indicator
      'Nöjdhet särskilt boende;Kommunen;2023;80;;;;;', // 9: repeats row 2
      'Personalkontinuitet;Särskilt boende;2023;;;;;;', // 10: neither value nor måltal
      'Personalkontinuitet;Särskilt boende;2023 T4;12;1,5x;;;;', // 11: bad period and bad Kvinnor
    ]);
    const preview = await w.call('indicators.importPreview', file);
    expect(preview.canCommit).toBe(false);
    expect(preview.issues.map((i) => [i.rowNumber, i.column])).toEqual([
      [3, 'Värde'],
      [4, 'Måltal'],
      [5, 'Period'],
      [6, 'Nivå'],
      [7, 'Nivå'],
      [8, 'Nyckeltal'],
      [9, 'Period'],
      [10, 'Värde'],
      [11, 'Period'],
      [11, 'Kvinnor'],
    ]);
    const messages = preview.issues.map((i) => i.message);
    expect(messages[0]).toBe('Värde måste vara ett tal, till exempel 85 eller 0,75 (inte ”åttio”).');
    expect(messages[1]).toBe(
      `Måltal 83 för Nöjdhet särskilt boende gäller ${SOL} (Särskilt boende), som inte har några värden för nyckeltalet. Ange Värde på raden eller lägg målet på en nivå som har värden.`,
    );
    expect(messages[2]).toBe('Perioden ”mars 2023” kan inte läsas. Skriv ett år (2023) eller år och del: 2023 T1 (tertial), 2023 H1 (halvår), 2023 K1 (kvartal).');
    expect(messages[3]).toBe('Okänd nivå ”Okända gården”. Skriv Kommunen, ett verksamhetsområde eller en enhet som finns i enhetsregistret.');
    expect(messages[5]).toBe('Okänt nyckeltal ”Brukarnöjdhet LSS”. Lägg först upp det under Nyckeltal (namn, enhet, riktning och källa) och importera sedan igen.');
    expect(messages[6]).toBe('Raden upprepar rad 2: Nöjdhet särskilt boende, Kommunen, 2023. Varje nyckeltal, nivå och period får finnas en gång.');
    expect(messages[7]).toBe('Värde eller Måltal måste fyllas i.');
    expect(messages[9]).toBe('Kvinnor måste vara ett tal, till exempel 85 eller 0,75 (inte ”1,5x”).');
    const error = await w.fail('indicators.importCommit', file);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Ingenting har importerats');
    expect(error.issues?.map((i) => i.field)).toContain('rad 4, kolumn Måltal');
    expect(valueCount()).toBe(0);
  });

  it('imports a valid .xlsx (decimal comma, levels, a måltal-only row on a level with values) and replaces on re-import', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nyckeltal');
    sheet.addRows([
      ['Nyckeltal', 'Nivå', 'Period', 'Värde', 'Kvinnor', 'Män', 'Riket', 'Länet', 'Måltal'],
      ['Nöjdhet särskilt boende', 'Kommunen', 2022, 80, 82, 77, 78, null, 83],
      ['Nöjdhet särskilt boende', 'förvaltningen', '2023', '79,5', null, null, 78, 79, 83],
      ['Nöjdhet särskilt boende', 'Kommunen', '2024', null, null, null, null, null, 85],
      ['Personalkontinuitet', 'Särskilt boende', '2023 T1', 12, null, null, null, null, 10],
      ['Personalkontinuitet', SOL, '2023', 9, null, null, null, null, null],
    ]);
    const upload = { file: { fileName: 'nyckeltal.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') } };
    const preview = await w.call('indicators.importPreview', upload);
    expect(preview.issues).toEqual([]);
    expect(preview.replaces).toBe(0);
    expect(preview.rows.map((r) => [r.values.levelName, r.values.period, r.values.value, r.values.target])).toEqual([
      ['Kommunen', '2022', 80, 83],
      ['Kommunen', '2023', 79.5, 83],
      ['Kommunen', '2024', null, 85],
      ['Särskilt boende', '2023 T1', 12, 10],
      [`${SOL} (Särskilt boende)`, '2023', 9, null],
    ]);
    expect(await w.call('indicators.importCommit', upload)).toEqual({ inserted: 5, replaced: 0 });
    expect(valueCount()).toBe(5);

    const again = csv([HEADER, 'Nöjdhet särskilt boende;Kommunen;2023;79;;;78;79;83']);
    const checks = importCheckCount();
    expect((await w.call('indicators.importPreview', again)).replaces).toBe(1);
    expect(await w.call('indicators.importCommit', again)).toEqual({ inserted: 1, replaced: 1 });
    // The commit right after the preview reused its check (nothing was written in between).
    expect(importCheckCount()).toBe(checks + 1);
    expect(valueCount()).toBe(5);

    const [satisfaction] = (await w.call('indicators.list', {})).filter((i) => i.name === 'Nöjdhet särskilt boende');
    expect(satisfaction?.latestPeriod).toBe('2023');
    const values = await w.call('indicators.values', { indicatorId: satisfaction?.id ?? '' });
    expect(values.map((v) => [v.period, v.value, v.women])).toEqual([
      ['2022', 80, 82],
      ['2023', 79, null],
      ['2024', null, null],
    ]);

    // The views read what was stored: the trend's caption and the scope's rows.
    const db = w.session.db;
    const scope = { kind: 'forvaltning' } as const;
    const trendRows = indicatorTrendView.run(db, { indicatorId: satisfaction?.id ?? '' }, scope, '2026-11-23');
    const trend = indicatorTrendView.present(trendRows, { params: { indicatorId: satisfaction?.id ?? '' }, asOf: '2026-11-23', scopeLabel: 'Förvaltningen', scope });
    expect(trend.caption).toBe('Nöjdhet särskilt boende 79 % (mål 83 %), -1 procentenhet sedan 2022 (försämring)');
    const targetRows = indicatorsAgainstTargetView.run(db, {}, scope, '2026-11-23');
    expect(targetRows.map((r) => [r.name, r.levelName, r.period, r.value, r.target])).toEqual([
      ['Nöjdhet särskilt boende', 'Kommunen', '2023', 79, 83],
      ['Personalkontinuitet', 'Särskilt boende', '2023 T1', 12, 10],
      ['Personalkontinuitet', `${SOL} (Särskilt boende)`, '2023', 9, null],
    ]);
    const shown = indicatorsAgainstTargetView.present(targetRows, { params: {}, asOf: '2026-11-23', scopeLabel: 'Förvaltningen', scope });
    // 12 against 10 is 20 % off, 79 against 83 about 4.8 %: personalkontinuitet is furthest.
    expect(shown.caption).toBe('3 nyckeltal, 0 av 2 med måltal når målet; längst från målet: Personalkontinuitet – Särskilt boende 12 (mål 10)');
    expect(shown.table?.rows[0]).toEqual(['Nöjdhet särskilt boende', 'Kommunen', '2023', '79 %', '83 %', '4 procentenheter under målet', '78 %', '79 %', '-1 procentenhet sedan 2022 (försämring)']);
    const furthest = await w.call('indicators.furthestFromTarget', { limit: 5 });
    expect(furthest.map((f) => [f.name, f.gapText])).toEqual([
      ['Personalkontinuitet', '2 över målet'],
      ['Nöjdhet särskilt boende', '4 procentenheter under målet'],
    ]);
  });

  it('validates a value edited in the grid and saves it at once', async () => {
    const [indicator] = await w.call('indicators.list', {});
    const created = await w.call('indicators.createValue', { indicatorId: indicator?.id ?? '', period: '2023', value: '85,5', target: 88 });
    expect([created.period, created.value, created.levelName]).toEqual(['2023', 85.5, 'Kommunen']);
    const bad = await w.fail('indicators.updateValue', { id: created.id, patch: { value: 'mycket' } });
    expect(bad.issues?.[0]?.message).toBe('Värde måste vara ett tal, till exempel 85 eller 0,75 (inte ”mycket”).');
    const clash = await w.call('indicators.createValue', { indicatorId: indicator?.id ?? '', period: '2022', value: 80 });
    const taken = await w.fail('indicators.updateValue', { id: clash.id, patch: { period: '2023' } });
    expect(taken.message).toBe('Det finns redan ett värde för 2023 på nivån Kommunen.');
    expect((await w.call('indicators.updateValue', { id: created.id, patch: { women: '89' } })).women).toBe(89);
    const refused = await w.fail('indicators.delete', { id: indicator?.id ?? '' });
    expect(refused.message).toContain('har 2 värden och kan inte tas bort');
  });

  it('against target: the latest period by the month it ends (a year after its own T3), the måltal in force, the area with its units', async () => {
    await w.call(
      'indicators.importCommit',
      csv([
        HEADER,
        'Personalkontinuitet;Särskilt boende;2022;14;;;;;11', // måltal set in 2022, in force later
        'Personalkontinuitet;Särskilt boende;2023 T3;13;;;;;',
        'Personalkontinuitet;Särskilt boende;2023;12;;;15;;', // the whole year ends with T3 but is the longer period: latest
        'Personalkontinuitet;Särskilt boende;2023 T1;16;;;;;',
        'Personalkontinuitet;Särskilt boende;2027;;;;;;9', // a later måltal alone: not yet in force for 2023
        `Nöjdhet särskilt boende;${SOL};2021;70;;;;;`,
        'Nöjdhet särskilt boende;Kommunen;2024;81;;;;;85',
      ]),
    );
    const rows = (scope: Parameters<typeof indicatorsAgainstTargetView.run>[2], asOf = '2026-11-23') =>
      indicatorsAgainstTargetView.run(w.session.db, {}, scope, asOf).map((r) => [r.name, r.levelName, r.period, r.value, r.target, r.national, r.earlierPeriod, r.earlierValue]);
    const kontinuitet = ['Personalkontinuitet', 'Särskilt boende', '2023', 12, 11, 15, '2023 T3', 13];
    const solNojdhet = ['Nöjdhet särskilt boende', `${SOL} (Särskilt boende)`, '2021', 70, null, null, null, null];
    expect(rows({ kind: 'forvaltning' })).toEqual([['Nöjdhet särskilt boende', 'Kommunen', '2024', 81, 85, null, null, null], solNojdhet, kontinuitet]);
    expect(rows({ kind: 'area', areaId: w.area.id })).toEqual([solNojdhet, kontinuitet]);
    expect(rows({ kind: 'unit', unitId: w.solgarden.id })).toEqual([solNojdhet]);
    // As of 2023 the municipality's 2024 value was not there yet.
    expect(rows({ kind: 'forvaltning' }, '2023-12-31').map((r) => r[1])).toEqual([`${SOL} (Särskilt boende)`, 'Särskilt boende']);
  });
});
