// One name folding for every uniqueness rule, through the API on a real database file: units
// within a verksamhetsområde (form, grid edit and import), verksamhetsområden, inspectors and
// kvalitetskrav codes. The case that failed before: "Älvgården" then "älvgården".
import { describe, expect, it } from 'vitest';
import type { ImportPreview, InspectorRow, OperatingAreaRow, RequirementRow, UnitImportRow, UnitRow } from '../../../db/api/contract.ts';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import { apiWithOneUnit, value } from '../../helpers/db.ts';

const unitValues = { unitType: 'hemtjanst', regi: 'egen_regi', provider: 'Exempelby kommun' } as const;

function csvUpload(lines: string[]) {
  return { file: { fileName: 'enheter.csv', contentBase64: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64') } };
}

describe('one name folding for uniqueness', () => {
  it('refuses "älvgården" after "Älvgården" in one verksamhetsområde, on the name field, with a Swedish message', async () => {
    const { dispatch, area, session } = await apiWithOneUnit();
    value<UnitRow>(await dispatch('units.create', { operatingAreaId: area.id, name: 'Älvgården', ...unitValues }));
    const before = contentChecksum(session.db.sqlite);
    const second = await dispatch('units.create', { operatingAreaId: area.id, name: 'älvgården', ...unitValues });
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Det finns redan en enhet som heter ”älvgården” i verksamhetsområdet.',
        issues: [{ field: 'name', message: 'Namnet används redan i verksamhetsområdet.' }],
      },
    });
    // Also with extra spaces and a decomposed Ä.
    const spaced = await dispatch('units.create', { operatingAreaId: area.id, name: '  A\u0308lvga\u030Arden ', ...unitValues });
    expect(spaced).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ field: 'name' }] } });
    expect(contentChecksum(session.db.sqlite)).toBe(before);
    session.close();
  });

  it('allows the same name in another verksamhetsområde', async () => {
    const { dispatch, area, session } = await apiWithOneUnit();
    const other = value<OperatingAreaRow>(await dispatch('operatingAreas.create', { name: 'Särskilt boende' }));
    value(await dispatch('units.create', { operatingAreaId: area.id, name: 'Älvgården', ...unitValues }));
    const elsewhere = value<UnitRow>(await dispatch('units.create', { operatingAreaId: other.id, name: 'älvgården', ...unitValues }));
    expect(elsewhere.operatingAreaName).toBe('Särskilt boende');
    session.close();
  });

  it('refuses a grid edit (units.update) that renames a unit onto another one', async () => {
    const { dispatch, area, unit, session } = await apiWithOneUnit();
    value(await dispatch('units.create', { operatingAreaId: area.id, name: 'Älvgården', ...unitValues }));
    const renamed = await dispatch('units.update', { id: unit.id, patch: { name: 'ÄLVGÅRDEN' } });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ field: 'name', message: 'Namnet används redan i verksamhetsområdet.' }] } });
    // Changing only the case of its own name is not a clash.
    expect(value<UnitRow>(await dispatch('units.update', { id: unit.id, patch: { name: 'HEMTJÄNST NORR' } })).name).toBe('HEMTJÄNST NORR');
    expect(session.db.sqlite.prepare('SELECT name_folded FROM units WHERE id = ?').pluck().get(unit.id)).toBe('hemtjänst norr');
    session.close();
  });

  it('names the import row that clashes with an existing unit or an earlier row, and writes nothing', async () => {
    const { dispatch, area, session } = await apiWithOneUnit();
    value(await dispatch('units.create', { operatingAreaId: area.id, name: 'Älvgården', ...unitValues }));
    const header = 'Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef';
    const upload = csvUpload([
      header,
      'HEMTJÄNST;älvgården;Hemtjänst;Egen regi;Exempelby kommun;',
      'Hemtjänst;Östergården;Hemtjänst;Egen regi;Exempelby kommun;',
      'hemtjänst;ÖSTERGÅRDEN;Hemtjänst;Egen regi;Exempelby kommun;',
    ]);
    const before = contentChecksum(session.db.sqlite);
    const preview = value<ImportPreview<UnitImportRow>>(await dispatch('units.importPreview', upload));
    expect(preview.canCommit).toBe(false);
    expect(preview.issues).toEqual([
      { rowNumber: 2, column: 'Enhet', message: 'Enheten ”älvgården” finns redan i HEMTJÄNST.' },
      { rowNumber: 4, column: 'Enhet', message: 'Enheten ”ÖSTERGÅRDEN” finns redan på rad 3.' },
    ]);
    expect(await dispatch('units.importCommit', upload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(contentChecksum(session.db.sqlite)).toBe(before);
    session.close();
  });

  it('imports into an existing verksamhetsområde written in other case, creating none', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const upload = csvUpload(['Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef', 'HEMTJÄNST;Åby;Hemtjänst;Egen regi;Exempelby kommun;']);
    expect(value(await dispatch('units.importCommit', upload))).toEqual({ inserted: 1, createdAreas: 0 });
    expect(value<OperatingAreaRow[]>(await dispatch('operatingAreas.list', {})).map((a) => a.name)).toEqual(['Hemtjänst']);
    session.close();
  });

  it('folds verksamhetsområden, inspectors and kvalitetskrav codes the same way', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    value(await dispatch('operatingAreas.create', { name: 'Äldreomsorg' }));
    expect(await dispatch('operatingAreas.create', { name: 'ÄLDREOMSORG' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Verksamhetsområdet ”ÄLDREOMSORG” finns redan.', issues: [{ field: 'name' }] },
    });
    value<InspectorRow>(await dispatch('inspectors.create', { name: 'Åsa Öberg' }));
    expect(await dispatch('inspectors.create', { name: 'åsa  öberg' })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ field: 'name' }] } });
    value<RequirementRow>(await dispatch('requirements.create', { code: 'Ö1', theme: 'Övrigt', title: 'Ett krav', description: '', deadlineDays: null }));
    expect(await dispatch('requirements.create', { code: 'ö1', theme: 'Övrigt', title: 'Ett annat krav', description: '', deadlineDays: null })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    session.close();
  });

  it('keeps the stored folded column as the database guard: a direct insert that clashes is refused', async () => {
    const { area, session } = await apiWithOneUnit();
    const insert = session.db.sqlite.prepare(
      "INSERT INTO units (id, operating_area_id, name, name_folded, unit_type, regi, provider) VALUES (?, ?, ?, ?, 'hemtjanst', 'egen_regi', 'X')",
    );
    insert.run('u-1', area.id, 'Älvgården', 'älvgården');
    expect(() => insert.run('u-2', area.id, 'ÄLVGÅRDEN', 'älvgården')).toThrow(/UNIQUE constraint failed: units.operating_area_id, units.name_folded/);
    session.close();
  });
});
