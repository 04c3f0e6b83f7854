// Självskattning forms out: one .xlsx per unit (several units: one .zip of them). The form's first
// sheet is a long-format table (År, Enhet, Område, Påstående, Poäng, Kommentar) so a returned form
// reads through the same import as any answer file; its two hidden columns carry the unit id and
// each statement's id for the year, so it is matched exactly (selfAssessmentImport.ts). Each area
// starts with a heading row holding its definition. Poäng allows only 1–10 or "ej tillämplig" (a
// list validation Excel enforces); the sheet is protected, with only Poäng and Kommentar unlocked.
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { DownloadFile } from '../api/fields.ts';
import { SELF_ASSESSMENT_AREA_TEXTS, SELF_ASSESSMENT_AREAS } from '../domain/codes.ts';
import { NOT_APPLICABLE_TEXT, scoreCellText } from '../shared/selfAssessmentScore.ts';
import { getUnitAnswers, type ReadDb } from '../queries/selfAssessment.ts';
import { ANSWER_COLUMNS } from './selfAssessmentImport.ts';
import { neutralizeCell, XLSX_MIME } from './xlsxExport.ts';
import { safeFileName } from './reportDocument.ts';

const WIDTHS = [7, 24, 26, 70, 14, 44, 12, 12];
const SCORE_LIST = `"${[...Array.from({ length: 10 }, (_, i) => String(i + 1)), NOT_APPLICABLE_TEXT].join(',')}"`;
const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };

async function unitForm(db: ReadDb, unitId: string, year: number): Promise<{ name: string; bytes: Uint8Array }> {
  const answers = getUnitAnswers(db, unitId, year);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kvalitetsnavet';
  const sheet = workbook.addWorksheet('Självskattning', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ANSWER_COLUMNS.map((c, i) => ({ header: c.header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(7).hidden = true;
  sheet.getColumn(8).hidden = true;
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  const unitName = neutralizeCell(answers.unit.unitName);
  for (const area of SELF_ASSESSMENT_AREAS) {
    const texts = SELF_ASSESSMENT_AREA_TEXTS[area];
    const heading = sheet.addRow(['', '', texts.name, texts.definition]);
    heading.font = { bold: true };
    heading.eachCell({ includeEmpty: true }, (cell) => (cell.fill = HEADING_FILL));
    for (const statement of answers.rows.filter((r) => r.area === area)) {
      const row = sheet.addRow([
        year,
        unitName,
        texts.name,
        neutralizeCell(statement.text),
        scoreCellText(statement),
        neutralizeCell(statement.comment),
        answers.unit.unitId,
        statement.templateStatementId,
      ]);
      const score = row.getCell(5);
      score.protection = { locked: false };
      score.fill = INPUT_FILL;
      score.alignment = { horizontal: 'center', vertical: 'top' };
      score.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [SCORE_LIST],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Ogiltig poäng',
        error: 'Skriv ett heltal 1–10 eller välj ”ej tillämplig”.',
        showInputMessage: true,
        promptTitle: 'Poäng',
        prompt: '1–10, eller ej tillämplig. Lämna tomt om ni inte svarar.',
      };
      const comment = row.getCell(6);
      comment.protection = { locked: false };
      comment.fill = INPUT_FILL;
    }
  }
  // No password: the protection guards against changing the form by mistake, not against the unit.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const info = workbook.addWorksheet('Instruktioner');
  info.getColumn(1).width = 100;
  for (const line of [
    `Självskattning ${year}: ${answers.unit.unitName} (${answers.unit.operatingAreaName})`,
    '',
    'Fyll i kolumnen Poäng för varje påstående: ett heltal 1–10, eller ”ej tillämplig”. Lämna tomt om ni inte svarar.',
    'Skriv gärna en kommentar. Övriga celler är låsta. Ändra inte bladet Självskattning på annat sätt.',
    'Spara filen som .xlsx och skicka tillbaka den. Den läses in under Självskattning → Importera svar.',
  ]) {
    info.addRow([line]);
  }
  info.getRow(1).font = { bold: true, size: 14 };
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { name: `${safeFileName(`Självskattning ${year} ${answers.unit.unitName}`)}.xlsx`, bytes };
}

/** One unit's form as .xlsx, or several units' forms in one .zip. */
export async function exportAnswerForms(db: ReadDb, year: number, unitIds: readonly string[]): Promise<DownloadFile> {
  const forms: { name: string; bytes: Uint8Array }[] = [];
  for (const unitId of unitIds) forms.push(await unitForm(db, unitId, year));
  if (forms.length === 1) {
    const [form] = forms as [{ name: string; bytes: Uint8Array }];
    return { fileName: form.name, mimeType: XLSX_MIME, contentBase64: Buffer.from(form.bytes).toString('base64') };
  }
  // Two units with the same name in different verksamhetsområden get distinct file names.
  const used = new Map<string, number>();
  const entries: Record<string, Uint8Array> = {};
  for (const form of forms) {
    const n = (used.get(form.name) ?? 0) + 1;
    used.set(form.name, n);
    entries[n === 1 ? form.name : form.name.replace(/\.xlsx$/, ` (${n}).xlsx`)] = form.bytes;
  }
  // The forms are already compressed (xlsx is a zip): stored, not deflated again.
  const zip = zipSync(entries, { level: 0 });
  return { fileName: `Självskattning ${year} formulär.zip`, mimeType: 'application/zip', contentBase64: Buffer.from(zip).toString('base64') };
}
