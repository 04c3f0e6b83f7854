// Självskattning answers imported through the real dispatch on a real SQLite file: a long-format
// file (.csv, semicolons, Windows-1252) whose every bad row is named by file, row and column and
// nothing written; the fixed file replaces the unit's answers (the preview says how many); a year
// without a template created from the file's statements only when confirmed; the pipeline's limits.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AnswerImportPreview, DownloadFile, AnswerImportResult, TemplateStatementRow, TemplateView, UnitAnswers, UnitRow } from '../../../db/api/contract.ts';
import { importCheckCount } from '../../../db/io/importPipeline.ts';
import { apiWithOneUnit, value } from '../../helpers/db.ts';

const HEADER = 'År;Enhet;Område;Påstående;Poäng;Kommentar';
const upload = (fileName: string, text: string, encoding: BufferEncoding | 'latin1' = 'utf8') => ({
  fileName,
  contentBase64: Buffer.from(text, encoding).toString('base64'),
});

async function setup() {
  const api = await apiWithOneUnit();
  const other = value<UnitRow>(
    await api.dispatch('units.create', {
      operatingAreaId: api.area.id,
      name: 'Älvgården',
      unitType: 'sarskilt_boende',
      regi: 'egen_regi',
      provider: 'Exempelby kommun',
      manager: 'Bo Ek',
    }),
  );
  value<TemplateView>(await api.dispatch('selfAssessment.createTemplate', { year: 2026 }));
  const add = async (area: string, text: string) =>
    value<TemplateStatementRow>(await api.dispatch('selfAssessment.addStatement', { year: 2026, area, text }));
  const a1 = await add('sjalvbestammande_integritet', 'Den enskilde är delaktig i sin genomförandeplan.');
  const b1 = await add('helhetssyn_samordning', 'Enheten deltar i SIP när det behövs.');
  const answers = () => api.session.db.sqlite.prepare('SELECT count(*) AS n FROM self_assessment_answers').get() as { n: number };
  return { ...api, other, a1, b1, answers };
}

describe('självskattning: importera svar', () => {
  it('names every bad row by file, row and column and writes nothing; the fixed file replaces the answers', async () => {
    const t = await setup();
    await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2026, cells: [{ templateStatementId: t.a1.id, score: 2 }] });
    const bad = [
      HEADER,
      '2026;Hemtjänst Norr;Självbestämmande och integritet;Den enskilde är delaktig i sin genomförandeplan.;7;Bra',
      '2026;Hemtjänst Väst;Självbestämmande och integritet;Den enskilde är delaktig i sin genomförandeplan.;7;', // unknown unit
      '2026;Älvgården;Helhetssyn och samordning;Finns inte i mallen.;5;', // unknown statement
      '2026;Älvgården;Helhetssyn och samordning;Enheten deltar i SIP när det behövs.;11;', // out of range
      '2026;Älvgården;Självbestämmande och integritet;Den enskilde är delaktig i sin genomförandeplan.;sju;', // text
      '2026;Hemtjänst Norr;Självbestämmande och integritet;den enskilde är delaktig i sin genomförandeplan.;8;', // duplicate
      '2025;Hemtjänst Norr;Helhetssyn och samordning;Enheten deltar i SIP när det behövs.;4;', // other year
    ].join('\r\n');
    const file = upload('svar.csv', bad, 'latin1');
    const preview = value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [file] }));
    expect(preview.year).toBe(2026);
    expect(preview.canCommit).toBe(false);
    expect(preview.issues.map((i) => [i.fileName, i.rowNumber, i.column])).toEqual([
      ['svar.csv', 3, 'Enhet'],
      ['svar.csv', 4, 'Påstående'],
      ['svar.csv', 5, 'Poäng'],
      ['svar.csv', 6, 'Poäng'],
      ['svar.csv', 7, 'Påstående'],
      ['svar.csv', 8, 'År'],
    ]);
    expect(preview.issues[0]?.message).toContain('Okänd enhet: ”Hemtjänst Väst”');
    expect(preview.issues[4]?.message).toContain('rad 2');
    expect(preview.issues[5]?.message).toContain('Raden gäller 2025, men importen gäller 2026');

    const refused = await t.dispatch('selfAssessment.importCommit', { files: [file] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toContain('Ingenting har importerats');
      expect(refused.error.issues).toHaveLength(6);
      expect(refused.error.issues?.[0]?.field).toBe('svar.csv, rad 3, kolumn Enhet');
    }
    expect(t.answers().n).toBe(1);

    const good = [
      HEADER,
      '2026;Hemtjänst Norr;Helhetssyn och samordning;Enheten deltar i SIP när det behövs.;ej tillämplig;Ingen SIP i år',
      '2026;Älvgården;Självbestämmande och integritet;Den enskilde är delaktig i sin genomförandeplan.;9;',
      '2026;Älvgården;Helhetssyn och samordning;Enheten deltar i SIP när det behövs.;;',
    ].join('\n');
    const fixed = upload('svar.csv', good);
    const ok = value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [fixed] }));
    expect(ok.canCommit).toBe(true);
    expect(ok.units.map((u) => [u.unitName, u.answered, u.notApplicable, u.replaces])).toEqual([
      ['Hemtjänst Norr', 0, 1, 1],
      ['Älvgården', 1, 0, 0],
    ]);
    const result = value<AnswerImportResult>(await t.dispatch('selfAssessment.importCommit', { files: [fixed] }));
    expect(result).toEqual({ year: 2026, units: 2, answers: 2, createdStatements: 0 });
    const norr = value<UnitAnswers>(await t.dispatch('selfAssessment.answersForUnit', { unitId: t.unit.id, year: 2026 }));
    // The earlier 2 on a1 is replaced: the file has no answer for it.
    expect(norr.rows.map((r) => [r.score, r.notApplicable, r.comment, r.source])).toEqual([
      [null, false, '', null],
      [null, true, 'Ingen SIP i år', 'import'],
    ]);
    expect(t.answers().n).toBe(2);
  });

  it('commits the previewed plan while nothing was written, and matches the rows anew after a write', async () => {
    const t = await setup();
    const rows = [
      HEADER,
      '2026;Hemtjänst Norr;Självbestämmande och integritet;Den enskilde är delaktig i sin genomförandeplan.;7;',
      '2026;Älvgården;Helhetssyn och samordning;Enheten deltar i SIP när det behövs.;5;',
    ];
    const file = upload('svar.csv', rows.join('\n'));
    expect(value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [file] })).canCommit).toBe(true);
    const checks = importCheckCount();
    // The statement of row 3 archived after the preview: the commit sees it and writes nothing.
    value(await t.dispatch('selfAssessment.setStatementArchived', { id: t.b1.id, archived: true }));
    const refused = await t.dispatch('selfAssessment.importCommit', { files: [file] });
    expect(refused).toMatchObject({ ok: false, error: { issues: [{ field: 'svar.csv, rad 3, kolumn Påstående', message: 'Påståendet är arkiverat och besvaras inte längre.' }] } });
    expect(importCheckCount()).toBe(checks + 1);
    expect(t.answers().n).toBe(0);
    // Previewed again, nothing written since: the commit writes that plan without matching again.
    const fixed = upload('svar.csv', rows.slice(0, 2).join('\n'));
    expect(value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [fixed] })).canCommit).toBe(true);
    expect(value<AnswerImportResult>(await t.dispatch('selfAssessment.importCommit', { files: [fixed] }))).toEqual({ year: 2026, units: 1, answers: 1, createdStatements: 0 });
    expect(importCheckCount()).toBe(checks + 2);
    expect(t.answers().n).toBe(1);
  });

  it('a year without a template: created from the file only when confirmed', async () => {
    const t = await setup();
    const file = upload(
      'svar 2027.csv',
      [
        'År,Enhet,Område,Påstående,Poäng,Kommentar',
        '2027,Älvgården,Självbestämmande och integritet,Den enskilde är delaktig i sin genomförandeplan.,6,',
        '2027,Älvgården,Tillgänglighet,Lokalerna är tillgängliga.,8,',
        '2027,Hemtjänst Norr,Tillgänglighet,Lokalerna är tillgängliga.,ej tillämplig,',
      ].join('\n'),
    );
    const preview = value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [file] }));
    expect(preview.canCommit).toBe(false);
    expect(preview.newTemplate?.statements.map((s) => s.text)).toEqual(['Den enskilde är delaktig i sin genomförandeplan.', 'Lokalerna är tillgängliga.']);
    expect(preview.issues[0]?.message).toContain('Det finns ingen mall för självskattningen 2027');
    expect((await t.dispatch('selfAssessment.importCommit', { files: [file] })).ok).toBe(false);
    expect(t.answers().n).toBe(0);

    const result = value<AnswerImportResult>(await t.dispatch('selfAssessment.importCommit', { files: [file], createTemplate: true }));
    expect(result).toEqual({ year: 2027, units: 2, answers: 3, createdStatements: 2 });
    const template = value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2027 }));
    const asked = template.areas.flatMap((a) => a.statements);
    // Worded as in 2026: the same statement (trends follow it); the other is new.
    expect(asked.map((s) => [s.text, s.isNew, s.statementId === t.a1.statementId])).toEqual([
      ['Den enskilde är delaktig i sin genomförandeplan.', false, true],
      ['Lokalerna är tillgängliga.', true, false],
    ]);
  });

  it('refuses a file over 20 MB and a file without the columns, naming the file', async () => {
    const t = await setup();
    const big = { fileName: 'stor.csv', contentBase64: Buffer.alloc(21 * 1024 * 1024, 0x41).toString('base64') };
    expect((await t.dispatch('selfAssessment.importPreview', { files: [big] })).ok).toBe(false);
    const wrong = upload('fel.csv', 'Namn;Värde\nA;1\n');
    const good = upload('svar.csv', `${HEADER}\n2026;Älvgården;Tillgänglighet;x;5;`);
    const preview = value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [wrong, good], year: 2026 }));
    expect(preview.canCommit).toBe(false);
    expect(preview.issues[0]).toMatchObject({ fileName: 'fel.csv', rowNumber: null, column: 'fil' });
    expect(preview.issues[0]?.message).toContain('Kolumner saknas på första raden: År, Enhet, Område, Påstående, Poäng, Kommentar');
    expect(preview.issues[1]).toMatchObject({ fileName: 'svar.csv', rowNumber: 2, column: 'Påstående' });
    expect(t.answers().n).toBe(0);
  });

  it('a form out and back: validation, protection and hidden ids; filled in the unlocked cells it imports; another year refused', async () => {
    const t = await setup();
    const form = value<DownloadFile>(await t.dispatch('selfAssessment.exportForms', { year: 2026, unitIds: [t.other.id] }));
    expect(form.fileName).toBe('Självskattning 2026 Älvgården.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(form.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'År', 'Enhet', 'Område', 'Påstående', 'Poäng', 'Kommentar', 'Enhet-id', 'Påstående-id']);
    expect([sheet.getColumn(7).hidden, sheet.getColumn(8).hidden]).toEqual([true, true]);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // Row 2 is the first area's heading (its definition), row 3 its statement.
    expect(sheet.getCell('D2').value).toContain('Självbestämmande och integritet innebär');
    expect(sheet.getCell('G3').value).toBe(t.other.id);
    expect(sheet.getCell('H3').value).toBe(t.a1.id);
    expect(sheet.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4,5,6,7,8,9,10,ej tillämplig"'], errorStyle: 'stop' });
    expect([sheet.getCell('E3').protection?.locked, sheet.getCell('F3').protection?.locked, sheet.getCell('D3').protection?.locked]).toEqual([false, false, undefined]);

    // The manager fills in the unlocked cells, as in Excel.
    const headingRow = 4;
    expect(sheet.getCell(`C${headingRow}`).value).toBe('Helhetssyn och samordning');
    sheet.getCell('E3').value = 8;
    sheet.getCell('F3').value = 'Genomförandeplanerna följs upp.';
    sheet.getCell('E5').value = 'ej tillämplig';
    const filled = { fileName: 'Älvgården ifylld.xlsx', contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') };

    // The same form offered for 2027 (another year) is refused.
    value<TemplateView>(await t.dispatch('selfAssessment.createTemplate', { year: 2027 }));
    const wrongYear = value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [filled], year: 2027 }));
    expect(wrongYear.canCommit).toBe(false);
    expect(wrongYear.issues[0]).toMatchObject({ fileName: 'Älvgården ifylld.xlsx', rowNumber: 3, column: 'År' });
    expect(wrongYear.issues[0]?.message).toContain('Formuläret gäller 2026, inte 2027');

    const preview = value<AnswerImportPreview>(await t.dispatch('selfAssessment.importPreview', { files: [filled], year: 2026 }));
    expect(preview.files).toEqual([{ fileName: 'Älvgården ifylld.xlsx', kind: 'formular', rowCount: 7 }]);
    expect(preview.issues).toEqual([]);
    value<AnswerImportResult>(await t.dispatch('selfAssessment.importCommit', { files: [filled], year: 2026 }));
    const answers = value<UnitAnswers>(await t.dispatch('selfAssessment.answersForUnit', { unitId: t.other.id, year: 2026 }));
    expect(answers.rows.map((r) => [r.score, r.notApplicable, r.comment, r.source])).toEqual([
      [8, false, 'Genomförandeplanerna följs upp.', 'formular'],
      [null, true, '', 'formular'],
    ]);

    // All units: one zip with a form each.
    const zip = value<DownloadFile>(await t.dispatch('selfAssessment.exportForms', { year: 2026, unitIds: [t.unit.id, t.other.id] }));
    expect(zip.mimeType).toBe('application/zip');
    expect(Object.keys(unzipSync(Buffer.from(zip.contentBase64, 'base64'))).sort()).toEqual([
      'Självskattning 2026 Hemtjänst Norr.xlsx',
      'Självskattning 2026 Älvgården.xlsx',
    ]);
  });
});
