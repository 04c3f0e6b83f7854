// Writes the corpus of bad import files to tests/fixtures/bad-input/ (byte-for-byte reproducible:
// no timestamps, a tiny ZIP writer of our own). Run: node scripts/make-bad-input-corpus.ts
// Each file is listed in manifest.json with the words the Swedish refusal must contain.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
export const CORPUS_DIR = path.join(root, 'tests', 'fixtures', 'bad-input');

interface ZipEntry {
  name: string;
  data: Buffer;
  /** 0 = stored, 8 = deflated (default). */
  method?: 0 | 8;
  /** Claim another uncompressed size than the real one (a lying header). */
  declaredSize?: number;
  /** Set the "encrypted" flag bit. */
  encrypted?: boolean;
  /** Pre-compressed data (for big bombs built by streaming). */
  compressed?: Buffer;
  realSize?: number;
  crc?: number;
}

/** A minimal ZIP writer: local headers, data, central directory, end record; fixed DOS date. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    const body = entry.compressed ?? (method === 8 ? zlib.deflateRawSync(entry.data) : entry.data);
    const realSize = entry.realSize ?? entry.data.length;
    const size = entry.declaredSize ?? realSize;
    const crc = entry.crc ?? zlib.crc32(entry.data);
    const flags = (entry.encrypted ? 1 : 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE((46 << 9) | (1 << 5) | 1, 12); // 2026-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE((46 << 9) | (1 << 5) | 1, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

type Cell = string | number | { formula: string; cached?: string } | null;

/** Worksheet XML with inline strings; `extra` goes after sheetData (e.g. mergeCells). */
export function sheetXml(rows: Cell[][], extra = '', rowNumbers?: number[]): string {
  const body = rows
    .map((cells, i) => {
      const r = rowNumbers?.[i] ?? i + 1;
      const cs = cells
        .map((cell, j) => {
          const ref = `${colName(j + 1)}${r}`;
          if (cell === null) return '';
          if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
          if (typeof cell === 'object') {
            return `<c r="${ref}" t="str"><f>${esc(cell.formula)}</f>${cell.cached === undefined ? '' : `<v>${esc(cell.cached)}</v>`}</c>`;
          }
          return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${extra}</worksheet>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Enheter" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A minimal, valid .xlsx around one worksheet. */
export function xlsx(sheet: string | ZipEntry, more: ZipEntry[] = []): Buffer {
  const sheetEntry: ZipEntry = typeof sheet === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) } : sheet;
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    sheetEntry,
    ...more,
  ]);
}

/** A worksheet part that inflates to `megabytes` MB of whitespace from a few hundred kB. */
function bombSheet(megabytes: number, declaredSize?: number): ZipEntry {
  const head = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const filler = Buffer.alloc(1024 * 1024, 0x20);
  const tailPart = Buffer.from('</sheetData></worksheet>');
  const deflate = zlib.deflateRawSync(Buffer.concat([head, ...Array.from({ length: megabytes }, () => filler), tailPart]), { level: 9 });
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(filler, crc);
  crc = zlib.crc32(tailPart, crc);
  const realSize = head.length + megabytes * filler.length + tailPart.length;
  return { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), compressed: deflate, realSize, crc, ...(declaredSize ? { declaredSize } : {}) };
}

/** An OLE2 compound-file header followed by stream names (as in .xls or an encrypted .xlsx). */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(0x03, 26);
  header.writeUInt16LE(0xfffe, 28);
  const names = streams.map((s) => {
    const entry = Buffer.alloc(128);
    Buffer.from(s, 'utf16le').copy(entry, 0);
    return entry;
  });
  return Buffer.concat([header, ...names, Buffer.alloc(512)]);
}

const HEADER = ['Verksamhetsområde', 'Enhet', 'Verksamhetstyp', 'Regi', 'Utförare', 'Enhetschef'];
const GOOD_ROW = ['Hemtjänst', 'Hemtjänst Norr', 'Hemtjänst', 'Egen regi', 'Exempelby kommun', 'Anna Lindqvist'];
const csv = (rows: string[][], sep = ';') => rows.map((r) => r.join(sep)).join('\r\n') + '\r\n';

export interface CorpusFile {
  file: string;
  /** Words the Swedish message must contain (case-insensitive regular expression). */
  expect: string;
  description: string;
  content: () => Buffer;
}

export const CORPUS: CorpusFile[] = [
  { file: 'empty.csv', expect: 'tom', description: 'Zero bytes', content: () => Buffer.alloc(0) },
  { file: 'empty.xlsx', expect: 'tom', description: 'Zero bytes named .xlsx', content: () => Buffer.alloc(0) },
  { file: 'whitespace-only.csv', expect: 'tom', description: 'Only blank lines', content: () => Buffer.from('  \r\n\r\n \r\n') },
  { file: 'header-only.csv', expect: 'inga rader', description: 'Header row, no data', content: () => Buffer.from(csv([HEADER])) },
  { file: 'header-only-bom.csv', expect: 'inga rader', description: 'UTF-8 BOM and a header only', content: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([HEADER]))]) },
  { file: 'header-only.xlsx', expect: 'inga rader', description: 'Workbook with a header row only', content: () => xlsx(sheetXml([HEADER])) },
  { file: 'empty-sheet.xlsx', expect: 'tom', description: 'Workbook whose sheet has no cells', content: () => xlsx(sheetXml([])) },
  { file: 'wrong-columns.csv', expect: 'Kolumner saknas', description: 'Columns of another register', content: () => Buffer.from(csv([['Namn', 'Adress', 'Telefon'], ['A', 'B', 'C']])) },
  { file: 'wrong-columns-1252.csv', expect: 'Kolumner saknas', description: 'Windows-1252 CSV with other columns', content: () => Buffer.from(csv([['Förnamn', 'Efternamn'], ['Åsa', 'Öberg']]), 'latin1') },
  { file: 'wrong-columns.xlsx', expect: 'Kolumner saknas', description: 'Workbook with other columns', content: () => xlsx(sheetXml([['Kund', 'Belopp'], ['X', 12.5]])) },
  { file: 'invalid-rows.csv', expect: 'rätta filen', description: 'Right columns, unknown unit type and missing provider', content: () => Buffer.from(csv([HEADER, ['Hemtjänst', 'Enhet A', 'Rymdstation', 'Egen regi', 'X', ''], ['Hemtjänst', 'Enhet B', 'Hemtjänst', 'Egen regi', '', '']])) },
  { file: 'invalid-rows.xlsx', expect: 'rätta filen', description: 'Right columns, unknown regi', content: () => xlsx(sheetXml([HEADER, ['Hemtjänst', 'Enhet A', 'Hemtjänst', 'Kommunal?', 'X', '']])) },
  { file: 'duplicate-rows.csv', expect: 'rätta filen', description: 'The same unit twice', content: () => Buffer.from(csv([HEADER, GOOD_ROW, GOOD_ROW])) },
  { file: 'comma-separated-invalid.csv', expect: 'rätta filen', description: 'Comma CSV with a missing required value', content: () => Buffer.from(csv([HEADER, ['Hemtjänst', '', 'Hemtjänst', 'Egen regi', 'X', '']], ',')) },
  { file: 'text-named.xlsx', expect: 'ingen Excel-fil', description: 'Plain text renamed to .xlsx', content: () => Buffer.from('Det här är ingen arbetsbok.\n') },
  { file: 'png-named.xlsx', expect: 'ingen Excel-fil', description: 'A PNG image renamed to .xlsx', content: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]) },
  { file: 'zip-not-workbook.xlsx', expect: 'ingen Excel-arbetsbok', description: 'A zip with a text file, no workbook', content: () => zip([{ name: 'readme.txt', data: Buffer.from('hej') }]) },
  { file: 'docx-named.xlsx', expect: 'ingen Excel-arbetsbok', description: 'A Word document renamed to .xlsx', content: () => zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }]) },
  { file: 'truncated.xlsx', expect: 'skadad', description: 'A valid workbook cut in half', content: () => { const whole = xlsx(sheetXml([HEADER, GOOD_ROW])); return whole.subarray(0, Math.floor(whole.length / 2)); } },
  { file: 'zip-bomb.xlsx', expect: 'zip-bomb', description: 'Worksheet inflating to 250 MB (ratio ~1000:1), honest headers', content: () => xlsx(bombSheet(250)) },
  { file: 'zip-bomb-lying-size.xlsx', expect: 'zip-bomb|skadad', description: 'Worksheet claims 1 kB but inflates to 250 MB', content: () => xlsx(bombSheet(250, 1000)) },
  { file: 'zip-many-entries.xlsx', expect: 'för många delar', description: '600 zip entries', content: () => xlsx(sheetXml([HEADER, GOOD_ROW]), Array.from({ length: 600 }, (_, i) => ({ name: `xl/media/bild${i}.bin`, data: Buffer.alloc(0), method: 0 as const }))) },
  { file: 'zip-encrypted-entry.xlsx', expect: 'lösenordsskyddad', description: 'ZIP entry with the encryption flag set', content: () => xlsx({ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml([HEADER])), encrypted: true }) },
  { file: 'zip-path-traversal.xlsx', expect: 'skadad', description: 'Entry named ../../evil.xml', content: () => xlsx(sheetXml([HEADER, GOOD_ROW]), [{ name: '../../evil.xml', data: Buffer.from('<x/>') }]) },
  { file: 'xml-entity-bomb.xlsx', expect: 'DOCTYPE', description: 'Billion-laughs entity declarations in the sheet', content: () => xlsx(sheetXml([HEADER]).replace('<worksheet', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet')) },
  { file: 'encrypted-office.xlsx', expect: 'lösenordsskyddad', description: 'Password-protected workbook (OLE container with EncryptionInfo)', content: () => oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']) },
  { file: 'old-format.xls', expect: '\\.xls', description: 'Excel 97–2003 workbook', content: () => oleFile(['Root Entry', 'Workbook']) },
  { file: 'old-format-renamed.xlsx', expect: 'gamla Excel-formatet', description: '.xls content renamed to .xlsx', content: () => oleFile(['Root Entry', 'Workbook']) },
  { file: 'merged-header.xlsx', expect: 'sammanfogade', description: 'Header cells A1:B1 merged', content: () => xlsx(sheetXml([HEADER, GOOD_ROW], '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>')) },
  { file: 'formula-without-value.xlsx', expect: 'formel utan beräknat värde', description: 'A formula cell with no cached value', content: () => xlsx(sheetXml([HEADER, ['Hemtjänst', { formula: 'CONCAT("Enhet ","A")' }, 'Hemtjänst', 'Egen regi', 'X', '']])) },
  { file: 'formula-error.xlsx', expect: 'formelfel', description: 'A formula whose cached value is #REF!', content: () => xlsx(sheetXml([HEADER, GOOD_ROW]).replace('<c r="B2" t="inlineStr"><is><t>Hemtjänst Norr</t></is></c>', '<c r="B2" t="e"><f>#REF!+1</f><v>#REF!</v></c>')) },
  { file: 'cell-beyond-excel.xlsx', expect: 'utanför Excels gränser', description: 'A cell reference XFE1 (column 16385)', content: () => xlsx(sheetXml([HEADER, GOOD_ROW]).replace('<c r="F2"', '<c r="XFE2"')) },
  { file: 'row-beyond-excel.xlsx', expect: 'utanför Excels gränser', description: 'Row 1048577', content: () => xlsx(sheetXml([HEADER, GOOD_ROW], '', [1, 1_048_577])) },
  { file: 'too-many-rows.xlsx', expect: 'för många rader', description: 'A data row numbered 60000', content: () => xlsx(sheetXml([HEADER, GOOD_ROW], '', [1, 60_000])) },
  { file: 'too-many-rows.csv', expect: 'för många rader', description: '50,001 data rows', content: () => Buffer.from(csv([HEADER, ...Array.from({ length: 50_001 }, () => ['x'])])) },
  { file: 'too-many-columns.csv', expect: 'för många kolumner', description: '300 columns', content: () => Buffer.from(csv([Array.from({ length: 300 }, (_, i) => `K${i}`), Array.from({ length: 300 }, () => '1')])) },
  { file: 'too-many-columns.xlsx', expect: 'för många kolumner', description: 'A cell in column 300', content: () => xlsx(sheetXml([[...HEADER, ...Array.from({ length: 294 }, (_, i) => `K${i}`)]])) },
  { file: 'long-cell.csv', expect: 'för lång', description: 'A 100,000-character cell', content: () => Buffer.from(csv([HEADER, ['Hemtjänst', 'Å'.repeat(100_000), 'Hemtjänst', 'Egen regi', 'X', '']])) },
  { file: 'long-cell.xlsx', expect: 'för lång', description: 'A 50,000-character cell in a workbook', content: () => xlsx(sheetXml([HEADER, ['Hemtjänst', 'x'.repeat(50_000), 'Hemtjänst', 'Egen regi', 'X', '']])) },
  { file: 'nul-bytes.csv', expect: 'binära tecken', description: 'A CSV with NUL bytes', content: () => Buffer.from(csv([HEADER, ['Hemtjänst', 'A\u0000B', 'Hemtjänst', 'Egen regi', 'X', '']])) },
  { file: 'binary.csv', expect: 'binära tecken', description: 'Binary data named .csv', content: () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256)) },
  { file: 'unclosed-quote.csv', expect: 'citattecken', description: 'A quoted field that never ends', content: () => Buffer.from(`${HEADER.join(';')}\r\nHemtjänst;"Enhet A;Hemtjänst;Egen regi;X;\r\nHemtjänst;Enhet B;Hemtjänst;Egen regi;X;\r\n`) },
  { file: 'unsupported.ods', expect: 'Filtypen stöds inte', description: 'An OpenDocument spreadsheet', content: () => zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }]) },
];

if (import.meta.main) {
  fs.rmSync(CORPUS_DIR, { recursive: true, force: true });
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  let total = 0;
  for (const entry of CORPUS) {
    const bytes = entry.content();
    total += bytes.length;
    fs.writeFileSync(path.join(CORPUS_DIR, entry.file), bytes);
  }
  const manifest = CORPUS.map(({ file, expect, description }) => ({ file, expect, description }));
  fs.writeFileSync(path.join(CORPUS_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${CORPUS.length} filer, ${(total / 1024).toFixed(0)} kB i ${path.relative(root, CORPUS_DIR)}`);
}
