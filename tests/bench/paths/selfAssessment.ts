// Självskattning's long-format import (issue 16): 200 units × 40 statements (8,000 answers) as .csv
// and as .xlsx, the app's way (parse worker, matching, one write transaction) into a database that
// has the units and the year's template but no answers, against inserting the same answers with one
// prepared statement in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { newId } from '../../../db/schema/common.ts';
import { SELF_ASSESSMENT_AREAS, SELF_ASSESSMENT_AREA_TEXTS } from '../../../db/domain/codes.ts';
import type { AnswerImportResult } from '../../../db/api/contract.ts';
import { openBenchApi, type BenchApi, type BenchArea } from '../context.ts';

const YEAR = 2026;
const HEADER = ['År', 'Enhet', 'Område', 'Påstående', 'Poäng', 'Kommentar'];
const statementText = (s: number) => `Påstående nummer ${s} om verksamhetens kvalitet.`;
const areaOf = (s: number) => SELF_ASSESSMENT_AREAS[s % SELF_ASSESSMENT_AREAS.length]!;

/** A database with `units` units and a template of `statements` statements, no answers. */
async function prepareBase(file: string, units: number, statements: number): Promise<void> {
  const api = openBenchApi(file);
  try {
    const unitsCsv = ['Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef'];
    for (let u = 0; u < units; u++) unitsCsv.push(`Område ${u % 5};Enhet ${u};Hemtjänst;Egen regi;Exempelby kommun;Chef ${u}`);
    await api.call('units.importCommit', { file: { fileName: 'enheter.csv', contentBase64: Buffer.from(unitsCsv.join('\n')).toString('base64') } });
    await api.call('selfAssessment.createTemplate', { year: YEAR });
    for (let s = 0; s < statements; s++) await api.call('selfAssessment.addStatement', { year: YEAR, area: areaOf(s), text: statementText(s) });
  } finally {
    api.session.close();
  }
}

function answerRows(units: number, statements: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let u = 0; u < units; u++) {
    for (let s = 0; s < statements; s++) {
      rows.push([YEAR, `Enhet ${u}`, SELF_ASSESSMENT_AREA_TEXTS[areaOf(s)].name, statementText(s), ((u + s) % 10) + 1, s % 7 === 0 ? 'En kommentar' : '']);
    }
  }
  return rows;
}

/** The floor: the same answers inserted with one prepared statement in one (rolled-back) transaction. */
function rawInsert(api: BenchApi, rows: (string | number)[][]): number {
  const sqlite = api.session.db.sqlite;
  const unitIds = new Map((sqlite.prepare('SELECT name, id FROM units').all() as { name: string; id: string }[]).map((u) => [u.name, u.id]));
  const statementIds = new Map(
    (sqlite.prepare('SELECT s.text, s.id FROM self_assessment_template_statements s').all() as { text: string; id: string }[]).map((s) => [s.text, s.id]),
  );
  const insert = sqlite.prepare(
    "INSERT INTO self_assessment_answers (id, unit_id, template_statement_id, score, not_applicable, comment, source, updated_by) VALUES (?, ?, ?, ?, 0, ?, 'import', 'bench')",
  );
  sqlite.exec('BEGIN');
  try {
    for (const [, unit, , statement, score, comment] of rows) insert.run(newId(), unitIds.get(String(unit)), statementIds.get(String(statement)), score, comment);
  } finally {
    sqlite.exec('ROLLBACK');
  }
  return rows.length;
}

export const selfAssessmentArea: BenchArea = {
  name: 'självskattning import',
  needs: 'none',
  async run({ recorder, settings }) {
    const units = settings.smoke ? 10 : 200;
    const statements = settings.smoke ? 5 : 40;
    const base = path.join(settings.workDir, 'self-assessment-base.db');
    await prepareBase(base, units, statements);
    const rows = answerRows(units, statements);
    const csv = Buffer.from([HEADER, ...rows].map((r) => r.join(';')).join('\r\n'));
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Svar').addRows([HEADER, ...rows]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());

    let api: BenchApi | null = null;
    let n = 0;
    const fresh = () => {
      api?.session.close();
      const file = path.join(settings.workDir, `self-assessment-${++n}.db`);
      fs.copyFileSync(base, file);
      api = openBenchApi(file);
    };
    const close = () => {
      api?.session.close();
      api = null;
    };
    const importFile = (fileName: string, bytes: Buffer) =>
      (api as unknown as BenchApi).call<AnswerImportResult>('selfAssessment.importCommit', { files: [{ fileName, contentBase64: bytes.toString('base64') }] });
    const check = (r: AnswerImportResult) => (r.answers === rows.length ? null : `imported ${r.answers} of ${rows.length} answers`);
    // The first import warms the parse worker, as in a running app.
    fresh();
    await importFile('varm.csv', csv);
    close();
    const rawFile = path.join(settings.workDir, 'self-assessment-raw.db');
    fs.copyFileSync(base, rawFile);
    const rawApi = openBenchApi(rawFile);
    for (const [kind, bytes, max] of [['csv', csv, 500], ['xlsx', xlsx, 2000]] as const) {
      await recorder.time({
        name: `självskattning import, ${units} units × ${statements} statements, .${kind}`,
        budget: { max },
        reps: 3,
        before: fresh,
        app: () => importFile(`svar.${kind}`, bytes),
        after: close,
        raw: () => rawInsert(rawApi, rows),
        check,
      });
    }
    close();
    rawApi.session.close();
    for (const name of ['self-assessment-base', 'self-assessment-raw', ...Array.from({ length: n }, (_, i) => `self-assessment-${i + 1}`)]) {
      for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(path.join(settings.workDir, `${name}.db${suffix}`), { force: true });
    }
  },
};
