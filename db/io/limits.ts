// Limits for imported files and the Swedish messages that name them. Shared by the main process
// and the parse worker, so it imports nothing heavy.
import { AppError } from '../errors.ts';

export const IMPORT_LIMITS = {
  /** The uploaded file itself (the contract's uploadedFile has the same cap). */
  maxBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
  /** One cell's text; longer text is not a register value. */
  maxCellChars: 10_000,
  /** An .xlsx normally has 10–30 parts. */
  maxZipEntries: 500,
  /** All parts of an .xlsx inflated, and any one part; enforced on the real bytes while inflating. */
  maxUncompressedBytes: 150 * 1024 * 1024,
  maxEntryUncompressedBytes: 120 * 1024 * 1024,
  /** Ratio check (Apache POI's default too) for parts bigger than this; tiny parts compress well legitimately. */
  maxCompressionRatio: 100,
  ratioCheckAboveBytes: 1024 * 1024,
  /** The parse worker: heap cap and wall-clock limit, after which it is terminated. */
  workerHeapMb: 384,
  workerTimeoutMs: 30_000,
};

const thousands = (n: number) => n.toLocaleString('sv-SE');

export function tooManyRows(): AppError {
  return new AppError('too_large', `Filen har för många rader (högst ${thousands(IMPORT_LIMITS.maxRows)}). Dela upp den i flera filer.`);
}

export function tooManyColumns(count: number): AppError {
  return new AppError('too_large', `Filen har för många kolumner (${count}, högst ${IMPORT_LIMITS.maxColumns}).`);
}

export function cellTooLong(rowNumber: number, column: number): AppError {
  return new AppError(
    'too_large',
    `En cell på rad ${rowNumber} (kolumn ${column}) är för lång (högst ${thousands(IMPORT_LIMITS.maxCellChars)} tecken).`,
  );
}

export function tooLargeFile(): AppError {
  return new AppError('too_large', `Filen är för stor (högst ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB).`);
}

export function emptyFile(): AppError {
  return new AppError('invalid_input', 'Filen är tom.');
}
