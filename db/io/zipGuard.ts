// Checks an .xlsx (a ZIP of XML) before any spreadsheet library sees it: the central directory is
// pre-scanned (entry count, declared sizes, ratio, names), then every entry is inflated as a stream
// with hard byte caps, so a zip bomb or a lying size header is refused after a bounded amount of work.
// Worksheet XML is scanned on the way: cell references within Excel's bounds, row count, merged
// header cells, and no DOCTYPE (entity expansion) in any XML part.
import yauzl from 'yauzl';
import { AppError } from '../errors.ts';
import { IMPORT_LIMITS, tooManyRows } from './limits.ts';

/** Excel's own sheet size: 1,048,576 rows × 16,384 columns (XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export interface XlsxScan {
  /** Entries of the archive, by name. */
  entryNames: string[];
  /** Largest row number referenced in the first worksheet. */
  maxRow: number;
}

const damaged = (detail: string) =>
  new AppError('unsupported_file', 'Filen är skadad eller ingen riktig Excel-fil (.xlsx) och kunde inte läsas.', detail);

const bomb = (detail: string) =>
  new AppError(
    'too_large',
    `Filen packas upp till mer än ${IMPORT_LIMITS.maxUncompressedBytes / 1024 / 1024} MB eller är misstänkt komprimerad (zip-bomb). Den läses inte.`,
    detail,
  );

/** Column letters to number: A → 1, XFD → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames refuses "../" and absolute names; sizes are validated while inflating.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error) reject(damaged(error.message));
      else resolve(zip);
    });
  });
}

/** Reads the central directory only: nothing is inflated yet. */
async function listEntries(bytes: Buffer): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  const zip = await openZip(bytes);
  if (zip.entryCount > IMPORT_LIMITS.maxZipEntries) {
    zip.close();
    throw new AppError(
      'too_large',
      `Filen innehåller för många delar (${zip.entryCount}, högst ${IMPORT_LIMITS.maxZipEntries}) för att vara en vanlig Excel-fil.`,
    );
  }
  const entries: yauzl.Entry[] = [];
  let declaredTotal = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      declaredTotal += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > IMPORT_LIMITS.maxEntryUncompressedBytes || declaredTotal > IMPORT_LIMITS.maxUncompressedBytes) {
        reject(bomb(`declared ${entry.uncompressedSize} / total ${declaredTotal}`));
        return;
      }
      if (entry.uncompressedSize > IMPORT_LIMITS.ratioCheckAboveBytes && ratio > IMPORT_LIMITS.maxCompressionRatio) {
        reject(bomb(`ratio ${Math.round(ratio)}`));
        return;
      }
      if (entry.isEncrypted()) {
        reject(new AppError('unsupported_file', 'Filen är lösenordsskyddad. Ta bort skyddet i Excel och spara som .xlsx.'));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) => reject(damaged(error.message)));
    zip.readEntry();
  }).catch((error: unknown) => {
    zip.close();
    throw error;
  });
  return { zip, entries };
}

/** Streams one entry, counting inflated bytes against the caps; `onText` sees the XML in chunks. */
function inflateEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: { remaining: number },
  onText?: (chunk: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(damaged(error.message));
        return;
      }
      let entryBytes = 0;
      const decoder = new TextDecoder('utf-8');
      stream.on('data', (chunk: Buffer) => {
        entryBytes += chunk.length;
        budget.remaining -= chunk.length;
        // Enforced on the real inflated bytes, whatever the headers claimed.
        if (entryBytes > IMPORT_LIMITS.maxEntryUncompressedBytes || budget.remaining < 0) {
          stream.destroy(bomb(`inflated ${entryBytes}`));
          return;
        }
        try {
          onText?.(decoder.decode(chunk, { stream: true }));
        } catch (scanError) {
          stream.destroy(scanError instanceof Error ? scanError : damaged(String(scanError)));
        }
      });
      stream.on('error', (streamError: Error) => {
        if (streamError instanceof AppError) reject(streamError);
        // yauzl stops a stream that inflates to more than the header declared: a lying size.
        else if (/too many bytes/i.test(streamError.message)) reject(bomb(streamError.message));
        else reject(damaged(streamError.message));
      });
      stream.on('end', () => resolve());
    });
  });
}

/** A streaming scan of worksheet XML: refs within Excel's bounds, merged header cells, row count. */
function worksheetScanner(isFirstSheet: boolean, scan: XlsxScan): (chunk: string) => void {
  let tail = '';
  let rows = 0;
  return (chunk) => {
    const text = tail + chunk;
    // Keep the end of the chunk for the next round: a tag may be split across chunks.
    const cut = Math.max(0, text.lastIndexOf('<'));
    const complete = text.slice(0, cut);
    tail = text.slice(cut);
    if (tail.length > 4096) tail = tail.slice(-4096);
    for (const match of complete.matchAll(/<(?:\w+:)?(c|row)\b[^>]*?\br="([A-Z]*)(\d+)"/g)) {
      const [, tag, letters = '', digits = ''] = match;
      const row = Number(digits);
      if (row < 1 || row > EXCEL_MAX_ROWS || (letters && columnNumber(letters) > EXCEL_MAX_COLUMNS) || letters.length > 3) {
        throw new AppError(
          'unsupported_file',
          `Filen hänvisar till cellen ${letters}${digits}, som ligger utanför Excels gränser (${EXCEL_MAX_ROWS} rader × ${EXCEL_MAX_COLUMNS} kolumner). Filen är skadad eller manipulerad.`,
        );
      }
      if (!isFirstSheet) continue;
      if (tag === 'row') rows++;
      scan.maxRow = Math.max(scan.maxRow, row);
      if (rows > IMPORT_LIMITS.maxRows + 1 || scan.maxRow > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
    }
    if (!isFirstSheet) return;
    for (const match of complete.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
      if (Number(match[2]) === 1) {
        throw new AppError(
          'invalid_input',
          `Rubrikraden har sammanfogade celler (${match[1]}${match[2]}:${match[3]}${match[4]}). Dela upp dem så att varje kolumn har en egen rubrik och försök igen.`,
        );
      }
    }
  };
}

/** Refuses DOCTYPE in any XML part: entity declarations can expand without bound. */
function doctypeScanner(): (chunk: string) => void {
  let tail = '';
  return (chunk) => {
    const text = tail + chunk;
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
      throw new AppError('unsupported_file', 'Filen innehåller otillåtna XML-deklarationer (DOCTYPE/ENTITY) och läses inte.');
    }
    tail = text.slice(-16);
  };
}

export async function inspectXlsx(bytes: Buffer): Promise<XlsxScan> {
  const { zip, entries } = await listEntries(bytes);
  const scan: XlsxScan = { entryNames: entries.map((e) => e.fileName), maxRow: 0 };
  try {
    if (!scan.entryNames.includes('xl/workbook.xml')) {
      throw new AppError(
        'unsupported_file',
        'Filen är en zip-fil men ingen Excel-arbetsbok (.xlsx). Öppna den i Excel och spara som .xlsx, eller välj en CSV-fil.',
      );
    }
    const sheets = scan.entryNames.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const budget = { remaining: IMPORT_LIMITS.maxUncompressedBytes };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const isXml = /\.(xml|rels|vml)$/i.test(entry.fileName);
      const sheetScan = sheets.includes(entry.fileName) ? worksheetScanner(entry.fileName === sheets[0], scan) : undefined;
      const doctype = isXml ? doctypeScanner() : undefined;
      await inflateEntry(zip, entry, budget, isXml ? (chunk) => {
        doctype?.(chunk);
        sheetScan?.(chunk);
      } : undefined);
    }
    return scan;
  } finally {
    zip.close();
  }
}
