import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, UnitImportRow, UnitRow, DownloadFile } from '../../../db/api/contract.ts';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import Database from 'better-sqlite3';
import { parsedFileCount as parseCount } from '../../../db/io/tabular.ts';
import { importCheckCount } from '../../../db/io/importPipeline.ts';
import { apiWithOneUnit, value } from '../../helpers/db.ts';

function csvUpload(text: string, fileName = 'enheter.csv', encoding: 'utf8' | 'latin1' = 'utf8') {
  return { file: { fileName, contentBase64: Buffer.from(text, encoding).toString('base64') } };
}

describe('units', () => {
  it('creates and updates a unit, stamping who changed it', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    expect(unit.operatingAreaName).toBe('Hemtjänst');
    const updated = value<UnitRow>(await dispatch('units.update', { id: unit.id, patch: { manager: 'Björn Ekström', activeFrom: '2024-01-01' } }));
    expect(updated.manager).toBe('Björn Ekström');
    expect(updated.activeFrom).toBe('2024-01-01');
    expect(session.db.sqlite.prepare('SELECT updated_by FROM units WHERE id = ?').pluck().get(unit.id)).toBe('Test Testsson');
    session.close();
  });

  it('refuses an impossible date and a closing date before the opening date, writing nothing', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    const before = contentChecksum(session.db.sqlite);
    const badDate = await dispatch('units.update', { id: unit.id, patch: { activeFrom: '2026-02-30' } });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Aktiv från är inget giltigt datum.' } });
    await dispatch('units.update', { id: unit.id, patch: { activeFrom: '2026-05-01' } });
    const mid = contentChecksum(session.db.sqlite);
    expect(mid).not.toBe(before);
    const reversed = await dispatch('units.update', { id: unit.id, patch: { activeTo: '2026-04-30' } });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(contentChecksum(session.db.sqlite)).toBe(mid);
    session.close();
  });

  it('refuses a second unit with the same name in the same area', async () => {
    const { dispatch, area, session } = await apiWithOneUnit();
    const clash = await dispatch('units.create', { operatingAreaId: area.id, name: 'hemtjänst norr', unitType: 'hemtjanst', regi: 'egen_regi', provider: 'X' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    session.close();
  });

  it('deletes an unreferenced unit and restores it with the same id (undo)', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    value(await dispatch('units.delete', { id: unit.id }));
    expect(value<UnitRow[]>(await dispatch('units.list', {}))).toHaveLength(0);
    const { operatingAreaId, name, unitType, regi, provider, manager, activeFrom, activeTo } = unit;
    const restored = value<UnitRow>(await dispatch('units.restore', { id: unit.id, values: { operatingAreaId, name, unitType, regi, provider, manager, activeFrom, activeTo } }));
    expect(restored.id).toBe(unit.id);
    session.close();
  });

  it('refuses to delete a unit with inspection history and explains to archive it', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    session.db.sqlite.prepare("INSERT INTO inspections (id, unit_id, start_date) VALUES ('insp', ?, '2026-03-10')").run(unit.id);
    const before = contentChecksum(session.db.sqlite);
    const refused = await dispatch('units.delete', { id: unit.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'referenced' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Arkivera/);
    expect(contentChecksum(session.db.sqlite)).toBe(before);
    const archived = value<UnitRow>(await dispatch('units.setArchived', { id: unit.id, archived: true }));
    expect(archived.archivedAt).not.toBeNull();
    expect(value<UnitRow[]>(await dispatch('units.list', {}))).toHaveLength(0);
    expect(value<UnitRow[]>(await dispatch('units.list', { includeArchived: true }))).toHaveLength(1);
    session.close();
  });

  it('sorts units in Swedish order: å, ä, ö after z', async () => {
    const { dispatch, area, session } = await apiWithOneUnit();
    for (const name of ['Östergården', 'Zenit', 'Ängen', 'Åby', 'Alfa']) {
      value(await dispatch('units.create', { operatingAreaId: area.id, name, unitType: 'hemtjanst', regi: 'egen_regi', provider: 'X' }));
    }
    const names = value<UnitRow[]>(await dispatch('units.list', {})).map((u) => u.name);
    expect(names).toEqual(['Alfa', 'Hemtjänst Norr', 'Zenit', 'Åby', 'Ängen', 'Östergården']);
    session.close();
  });
});

describe('unit import', () => {
  const header = 'Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef';

  it('previews a semicolon CSV and names every bad row, then writes nothing on commit', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const text = [
      header,
      'Särskilt boende;Solgården;Särskilt boende;Egen regi;Exempelby kommun;Karin Lundgren',
      'Särskilt boende;Ekbacken;Sjukhus;Egen regi;Vardaga AB;Per Persson',
      'Hemtjänst;Hemtjänst Norr;Hemtjänst;Egen regi;Exempelby kommun;Anna',
      'Funktionsstöd;;LSS gruppbostad;Privat;Nytida AB;',
    ].join('\r\n');
    const before = contentChecksum(session.db.sqlite);
    const preview = value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', csvUpload(text)));
    expect(preview.totalRows).toBe(4);
    expect(preview.canCommit).toBe(false);
    expect(preview.issues.map((i) => [i.rowNumber, i.column])).toEqual([
      [3, 'Verksamhetstyp'],
      [4, 'Enhet'],
      [5, 'Enhet'],
      [5, 'Regi'],
    ]);
    expect(preview.issues[0]?.message).toMatch(/Okänd verksamhetstyp ”Sjukhus”/);
    const commit = await dispatch('units.importCommit', csvUpload(text));
    expect(commit).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(contentChecksum(session.db.sqlite)).toBe(before);
    session.close();
  });

  it('commits the file its preview parsed without parsing it again, yet checks it against the database anew and never reuses other bytes', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const first = csvUpload([header, 'Hemtjänst;Hemtjänst Väst;Hemtjänst;Egen regi;;', 'Hemtjänst;Hemtjänst Öst;Hemtjänst;Egen regi;;'].join('\n'));
    expect(value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', first)).canCommit).toBe(true);
    const parsesBefore = parseCount();
    expect(value<{ inserted: number }>(await dispatch('units.importCommit', first)).inserted).toBe(2);
    expect(parseCount()).toBe(parsesBefore);
    // The same bytes again: the kept parse is used, but the rows now exist, so nothing is written.
    const again = await dispatch('units.importCommit', first);
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(parseCount()).toBe(parsesBefore);
    // Same name, other bytes: parsed anew, and its own rows are what is imported.
    const other = csvUpload([header, 'Hemtjänst;Hemtjänst Syd;Hemtjänst;Egen regi;;'].join('\n'));
    expect(value<{ inserted: number }>(await dispatch('units.importCommit', other)).inserted).toBe(1);
    expect(parseCount()).toBe(parsesBefore + 1);
    expect(value<UnitRow[]>(await dispatch('units.list', {})).map((u) => u.name)).toContain('Hemtjänst Syd');
    session.close();
  });

  it('commits a previewed file without checking it again while nothing was written, and checks anew after any write', async () => {
    const { dispatch, session, unit, file } = await apiWithOneUnit();
    const upload = csvUpload([header, 'Hemtjänst;Hemtjänst Väst;Hemtjänst;Egen regi;;', 'Hemtjänst;Hemtjänst Öst;Hemtjänst;Egen regi;;'].join('\n'));
    expect(value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', upload)).canCommit).toBe(true);
    const checks = importCheckCount();
    // A write after the preview (here a unit named as a row of the file): the commit sees it and refuses the row.
    value(await dispatch('units.create', { operatingAreaId: unit.operatingAreaId, name: 'Hemtjänst Öst', unitType: 'hemtjanst', regi: 'egen_regi', provider: '', manager: '' }));
    const refused = await dispatch('units.importCommit', upload);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'rad 3, kolumn Enhet', message: 'Enheten ”Hemtjänst Öst” finns redan i Hemtjänst.' }] } });
    expect(importCheckCount()).toBe(checks + 1);
    expect(value<UnitRow[]>(await dispatch('units.list', {})).map((u) => u.name)).not.toContain('Hemtjänst Väst');
    // Previewed again with nothing written since: the commit uses that check.
    const fixed = csvUpload([header, 'Hemtjänst;Hemtjänst Väst;Hemtjänst;Egen regi;;'].join('\n'));
    expect(value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', fixed)).canCommit).toBe(true);
    expect(value<{ inserted: number }>(await dispatch('units.importCommit', fixed)).inserted).toBe(1);
    expect(importCheckCount()).toBe(checks + 2);
    // Another connection's commit counts as a write too.
    const third = csvUpload([header, 'Hemtjänst;Hemtjänst Syd;Hemtjänst;Egen regi;;'].join('\n'));
    expect(value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', third)).canCommit).toBe(true);
    const other = new Database(file);
    other.prepare("UPDATE units SET name = 'Hemtjänst Syd', name_folded = 'hemtjänst syd' WHERE id = ?").run(unit.id);
    other.close();
    expect(await dispatch('units.importCommit', third)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(importCheckCount()).toBe(checks + 4);
    session.close();
  });

  it('imports a valid Windows-1252 CSV in one go and creates missing areas', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const text = [header, 'Särskilt boende;Solgården;Särskilt boende;Extern utförare;Vardaga Omsorg AB;Åsa Öberg', 'Hemtjänst;Hemtjänst Söder;hemtjänst;egen regi;Exempelby kommun;'].join('\r\n');
    const result = value<{ inserted: number; createdAreas: number }>(await dispatch('units.importCommit', csvUpload(text, 'enheter.csv', 'latin1')));
    expect(result).toEqual({ inserted: 2, createdAreas: 1 });
    const units = value<UnitRow[]>(await dispatch('units.list', {}));
    expect(units.find((u) => u.name === 'Solgården')).toMatchObject({ operatingAreaName: 'Särskilt boende', regi: 'extern_utforare', manager: 'Åsa Öberg' });
    session.close();
  });

  it('imports an .xlsx file and reports a missing column as a file problem', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Enheter');
    sheet.addRow(['Verksamhetsområde', 'Enhet', 'Verksamhetstyp', 'Regi', 'Utförare']);
    sheet.addRow(['Hemtjänst', 'Hemtjänst Väster', 'Hemtjänst', 'Egen regi', 'Exempelby kommun']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = { file: { fileName: 'enheter.xlsx', contentBase64: bytes.toString('base64') } };
    const preview = value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', upload));
    expect(preview.canCommit).toBe(false);
    expect(preview.fileIssues[0]).toMatch(/Kolumner saknas på första raden: Enhetschef/);
    session.close();
  });

  it('imports a register export where egen regi leaves Utförare blank, and still requires it for other regi', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    // As municipal registers are exported: extra columns, Utförare blank for the municipality's own units.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Utförarregister');
    sheet.addRow(['Verksamhetsområde', 'Enhet', 'Verksamhetstyp', 'Regi', 'Utförare', 'Org.nr', 'Enhetschef', 'Besöksadress']);
    sheet.addRow(['Äldreomsorg', 'Solgårdens vård- och omsorgsboende', 'Särskilt boende', 'Egen regi', '', '', 'Karin Lundgren', 'Solvägen 4']);
    sheet.addRow(['Äldreomsorg', 'Hemtjänst Centrum', 'Hemtjänst', 'Egen regi', null, '', 'Anna Berg', 'Storgatan 1']);
    sheet.addRow(['Äldreomsorg', 'Omsorgsgruppen Hemtjänst', 'Hemtjänst', 'Extern utförare', 'Omsorgsgruppen AB', '556677-8899', 'Per Ek', 'Industrivägen 2']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = { file: { fileName: 'utforarregister.xlsx', contentBase64: bytes.toString('base64') } };
    const preview = value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', upload));
    expect(preview.issues).toEqual([]);
    expect(value<{ inserted: number }>(await dispatch('units.importCommit', upload)).inserted).toBe(3);
    const units = value<UnitRow[]>(await dispatch('units.list', {}));
    expect(units.find((u) => u.name === 'Hemtjänst Centrum')).toMatchObject({ regi: 'egen_regi', provider: '' });
    expect(units.find((u) => u.name === 'Omsorgsgruppen Hemtjänst')).toMatchObject({ regi: 'extern_utforare', provider: 'Omsorgsgruppen AB' });

    const missing = csvUpload([header, 'Äldreomsorg;Trygga Händer;Hemtjänst;Extern utförare;;', 'Äldreomsorg;Väntjänsten;Hemtjänst;Ideell förening; ;'].join('\n'));
    const refused = value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', missing));
    expect(refused.issues.map((i) => [i.rowNumber, i.column, i.message])).toEqual([
      [2, 'Utförare', 'Utförare måste fyllas i (utom för egen regi, där utföraren är kommunen själv).'],
      [3, 'Utförare', 'Utförare måste fyllas i (utom för egen regi, där utföraren är kommunen själv).'],
    ]);
    session.close();
  });

  it('lets a unit in egen regi be created without Utförare, and no other', async () => {
    const { dispatch, session, area, unit } = await apiWithOneUnit();
    const own = value<UnitRow>(await dispatch('units.create', { operatingAreaId: area.id, name: 'Nattpatrullen', unitType: 'hemtjanst', regi: 'egen_regi' }));
    expect(own.provider).toBe('');
    const external = await dispatch('units.create', { operatingAreaId: area.id, name: 'Privata', unitType: 'hemtjanst', regi: 'extern_utforare', provider: ' ' });
    expect(external).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'provider' }] } });
    // Switching a unit with a blank Utförare to extern regi asks for one.
    const switched = await dispatch('units.update', { id: own.id, patch: { regi: 'extern_utforare' } });
    expect(switched).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Utförare måste fyllas i') } });
    expect(value<UnitRow>(await dispatch('units.update', { id: unit.id, patch: { provider: '' } })).provider).toBe('');
    session.close();
  });

  it('refuses a file that only pretends to be .xlsx', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const result = await dispatch('units.importPreview', { file: { fileName: 'enheter.xlsx', contentBase64: Buffer.from('hello').toString('base64') } });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_file', message: 'Filen heter .xlsx men är ingen Excel-fil. Välj rätt fil eller spara den som .xlsx i Excel.' } });
    session.close();
  });
});

describe('unit export', () => {
  it('writes an .xlsx whose text cells can never run as formulas', async () => {
    const { dispatch, area, session } = await apiWithOneUnit();
    value(await dispatch('units.create', { operatingAreaId: area.id, name: '=HYPERLINK("http://x")', unitType: 'hemtjanst', regi: 'egen_regi', provider: '@SUM(1)' }));
    const file = value<DownloadFile>(await dispatch('units.exportXlsx', {}));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = sheet?.getSheetValues().slice(2).map((r) => (Array.isArray(r) ? r.slice(1, 6) : []));
    expect(rows).toContainEqual(['Hemtjänst', `'=HYPERLINK("http://x")`, 'Hemtjänst', 'Egen regi', `'@SUM(1)`]);
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Verksamhetsområde', 'Enhet', 'Verksamhetstyp', 'Regi', 'Utförare', 'Enhetschef', 'Aktiv från', 'Aktiv till']);
    session.close();
  });
});

describe('demo municipality', () => {
  it('opens about 60 units in five areas with a mix of regi, without touching the own database', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const ownBefore = contentChecksum(session.db.sqlite);
    value(await dispatch('app.openDemo', {}));
    const units = value<UnitRow[]>(await dispatch('units.list', {}));
    expect(units.length).toBe(60);
    expect(new Set(units.map((u) => u.operatingAreaName)).size).toBe(5);
    expect(new Set(units.map((u) => u.regi))).toEqual(new Set(['egen_regi', 'extern_utforare', 'ideell_forening']));
    value(await dispatch('app.closeDemo', {}));
    expect(contentChecksum(session.db.sqlite)).toBe(ownBefore);
    session.close();
  });
});
