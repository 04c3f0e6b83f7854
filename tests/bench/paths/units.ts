// Importing 8,000 units from .xlsx the app's way (preview, then commit: the user's two steps),
// into an empty database and into the big one, against reading the file and inserting the rows
// with one prepared statement in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { newId } from '../../../db/schema/common.ts';
import { foldName } from '../../../db/shared/names.ts';
import { openBenchApi, type BenchApi, type BenchArea } from '../context.ts';
import type { ImportPreview, UnitImportRow } from '../../../db/api/contract.ts';

const HEADERS = ['Verksamhetsområde', 'Enhet', 'Verksamhetstyp', 'Regi', 'Utförare', 'Enhetschef'];
const AREAS = ['Hemtjänst', 'Särskilt boende', 'Funktionsstöd', 'Hemsjukvård'];

/** An .xlsx of `rows` new units (names no bench database holds), as the import dialog uploads it. */
export async function unitsWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Enheter');
  sheet.addRow(HEADERS);
  for (let i = 1; i <= rows; i++) {
    const area = AREAS[i % AREAS.length] ?? '';
    sheet.addRow([area, `Importerad enhet ${i}`, 'Hemtjänst', 'Egen regi', 'Exempelstads kommun', `Chef Nummer ${i}`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importThroughApi(api: BenchApi, file: { fileName: string; contentBase64: string }): Promise<{ inserted: number; previewed: number }> {
  const preview = await api.call<ImportPreview<UnitImportRow>>('units.importPreview', { file });
  const { inserted } = await api.call<{ inserted: number }>('units.importCommit', { file });
  return { inserted, previewed: preview.rows.length };
}

/** The floor: read the workbook, insert every row with one prepared statement in one transaction. */
async function rawImport(api: BenchApi, bytes: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const values: string[][] = [];
  workbook.worksheets[0]?.eachRow((row, n) => {
    if (n > 1) values.push((row.values as unknown[]).slice(1).map(String));
  });
  const sqlite = api.session.db.sqlite;
  const areas = new Map((sqlite.prepare('SELECT name, id FROM operating_areas').all() as { name: string; id: string }[]).map((a) => [a.name, a.id]));
  const insertArea = sqlite.prepare("INSERT INTO operating_areas (id, name, name_folded, updated_by) VALUES (?, ?, ?, 'bench')");
  const insertUnit = sqlite.prepare(
    "INSERT INTO units (id, operating_area_id, name, name_folded, unit_type, regi, provider, manager, updated_by) VALUES (?, ?, ?, ?, 'hemtjanst', 'egen_regi', ?, ?, 'bench')",
  );
  sqlite.exec('BEGIN');
  try {
    for (const [area = '', name = '', , , provider = '', manager = ''] of values) {
      let areaId = areas.get(area);
      if (!areaId) {
        areaId = newId();
        insertArea.run(areaId, area, foldName(area));
        areas.set(area, areaId);
      }
      insertUnit.run(newId(), areaId, name, foldName(name), provider, manager);
    }
  } finally {
    sqlite.exec('ROLLBACK');
  }
  return values.length;
}

const IMPORT_ROWS = 8000;

export const unitsArea: BenchArea = {
  name: 'units import',
  needs: 'session',
  async run({ api, recorder, settings }) {
    if (!api) throw new Error('needs the API');
    const rows = settings.smoke ? 200 : IMPORT_ROWS;
    const bytes = await unitsWorkbook(rows);
    const file = { fileName: 'enheter.xlsx', contentBase64: bytes.toString('base64') };
    const expect = (r: { inserted: number; previewed: number }) => (r.inserted === rows && r.previewed === rows ? null : `imported ${r.inserted} of ${rows}`);

    let empty: BenchApi | null = null;
    let n = 0;
    const closeEmpty = () => {
      empty?.session.close();
      empty = null;
    };
    await recorder.time({
      name: `units import, ${rows} xlsx rows, empty database (preview + commit)`,
      budget: { max: 2000 },
      reps: 3,
      before: () => {
        closeEmpty();
        empty = openBenchApi(path.join(settings.workDir, `empty-${++n}.db`));
      },
      app: () => importThroughApi(empty as unknown as BenchApi, file),
      after: closeEmpty,
      raw: () => rawImport(api, bytes),
      check: expect,
    });
    for (let i = 1; i <= n; i++) for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(path.join(settings.workDir, `empty-${i}.db${suffix}`), { force: true });

    // Into the big database: each run is rolled back, so the next run imports the same new names.
    const sqlite = api.session.db.sqlite;
    const rollback = () => {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    };
    await recorder.time({
      name: `units import, ${rows} xlsx rows, big database (preview + commit)`,
      budget: { max: 2000 },
      reps: 3,
      before: () => {
        rollback();
        sqlite.exec('BEGIN');
      },
      app: () => importThroughApi(api, file),
      after: rollback,
      raw: () => rawImport(api, bytes),
      check: expect,
      note: 'run inside a transaction that is rolled back afterwards (so the file is unchanged): the commit is a savepoint, its fsync is not in the time',
    });
  },
};
