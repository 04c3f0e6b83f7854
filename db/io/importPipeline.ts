// The one import pipeline: read the file, map its header to known columns, validate every row
// with zod and the caller's cross-row rules, and report every problem per row. The caller
// writes only when the preview has no problems, in one transaction.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { UploadedFile } from '../api/fields.ts';
import { readTabularFile, type CellValue, type TabularData } from './tabular.ts';

export interface ImportColumn<K extends string> {
  key: K;
  header: string;
  aliases?: readonly string[];
  /**
   * How a cell becomes the text the row schema sees. 'date': Excel dates and date serial numbers
   * become 2026-11-23; 'number': Swedish decimal commas and thousands spaces become 1234.5.
   */
  kind?: 'text' | 'date' | 'number';
  /** A column the file may leave out (its cells then read as empty), e.g. the hidden ids of a form. */
  optional?: boolean;
}

export interface RowIssue {
  rowNumber: number;
  column: string;
  message: string;
}

export interface ImportPreview<T> {
  fileName: string;
  totalRows: number;
  rows: { rowNumber: number; values: T }[];
  issues: RowIssue[];
  /** Problems with the file as a whole (missing columns); nothing can be imported. */
  fileIssues: string[];
  canCommit: boolean;
}

export interface ImportSpec<K extends string, T> {
  columns: ImportColumn<K>[];
  rowSchema: z.ZodType<T, Record<K, string>>;
  /** Rules across rows or against the database, e.g. duplicates. */
  checkRows?: (rows: { rowNumber: number; values: T }[]) => RowIssue[];
}

const normalizeHeader = (h: string) => h.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/** Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug included); 2958465 is 9999-12-31. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** "1 234,5" (Swedish) → "1234.5"; anything else is left for the row schema to judge. */
export function normalizeDecimal(text: string): string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^[-−]?\d+(,\d+)?$/.test(compact) ? compact.replace(',', '.').replace('−', '-') : text;
}

export function cellText(value: CellValue | undefined, kind: ImportColumn<string>['kind'] = 'text'): string {
  if (value === null || value === undefined) return '';
  // ExcelJS gives dates as UTC midnight.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (kind === 'date' && typeof value === 'number') return excelSerialToIsoDate(value) ?? String(value);
  if (kind === 'number' && typeof value === 'string') return normalizeDecimal(value.trim());
  return String(value).trim();
}

export function decodeUpload(file: UploadedFile): Buffer {
  return Buffer.from(file.contentBase64, 'base64');
}

/** How long a parsed upload is kept for its commit: the user reads the preview, then imports. */
export const PARSED_UPLOAD_TTL_MS = 15 * 60 * 1000;
/** Parsed uploads kept at once (a few MB each at the row limit). */
const PARSED_UPLOADS_KEPT = 2;

/** Entries kept for a while and few at once: the oldest goes first. */
class KeptResults<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  get(key: string, now: number): T | undefined {
    for (const [k, entry] of this.entries) if (entry.expires <= now) this.entries.delete(k);
    return this.entries.get(key)?.value;
  }

  set(key: string, value: T, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + PARSED_UPLOAD_TTL_MS });
    while (this.entries.size > PARSED_UPLOADS_KEPT) this.entries.delete(this.entries.keys().next().value ?? key);
  }

  delete(key: string, value: T): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}

/** An upload's name and SHA-256: the same key for the same bytes, a new one for any other. */
export function uploadKey(file: UploadedFile, bytes = decodeUpload(file)): string {
  return `${file.fileName}\u0000${createHash('sha256').update(bytes).digest('hex')}`;
}

const parsedUploads = new KeptResults<TabularData>();

/**
 * The upload parsed once: a commit of the file its preview just read reuses that parse (the
 * worker's parse is most of an import's time). Keyed by the file's name and SHA-256, so different
 * bytes are always parsed anew.
 */
async function parseUpload(file: UploadedFile, now = Date.now()): Promise<TabularData> {
  const bytes = decodeUpload(file);
  const key = uploadKey(file, bytes);
  const kept = parsedUploads.get(key, now);
  if (kept) return kept;
  const data = await readTabularFile(file.fileName, bytes);
  parsedUploads.set(key, data, now);
  return data;
}

/**
 * Where the database stands: any write by this connection (total_changes, which counts rows its
 * statements and their triggers changed, also rolled back ones) or commit by another connection
 * (data_version) gives a new state. Whether a transaction is open is part of it: the app reads
 * outside transactions, and what was read inside one (the bench's rolled-back runs) is not reused
 * outside it, where a rollback may have undone what it saw.
 */
function databaseState(sqlite: Database.Database): string {
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}/${String(sqlite.pragma('data_version', { simple: true }))}/${sqlite.inTransaction ? 'tx' : ''}`;
}

const checkedImports = new KeptResults<{ sqlite: Database.Database; state: string; result: Promise<unknown> }>();
/** Import checks run in this process (a preview and its commit should count one), for tests. */
let checksRun = 0;
export const importCheckCount = (): number => checksRun;

/**
 * An import's checked preview (parse, rows validated, matched against the database), made once
 * while the database stays as it was: the commit that follows the user's preview reuses it
 * instead of reading and validating the file again. `key` names the import and every input it
 * depends on (uploadKey of each file, options). After any write to the database, or on another
 * connection (a switched database), it is made anew. The state is read before `check` starts, so
 * a write while it runs only makes the next call check again.
 */
export function checkedWhileUnchanged<T>(sqlite: Database.Database, key: string, check: () => Promise<T>, now = Date.now()): Promise<T> {
  const state = databaseState(sqlite);
  const kept = checkedImports.get(key, now);
  if (kept && kept.sqlite === sqlite && kept.state === state) return kept.result as Promise<T>;
  checksRun += 1;
  const entry = { sqlite, state, result: check() };
  checkedImports.set(key, entry, now);
  // A failed check (an unreadable file) is not kept: the next call tries again.
  entry.result.catch(() => checkedImports.delete(key, entry));
  return entry.result;
}

/**
 * previewImport of one file, checked once while the database is unchanged (checkedWhileUnchanged):
 * an import method's preview and the commit that follows it share this. `method` keeps imports
 * apart; `spec` is built only when the file is checked.
 */
export function checkedPreview<K extends string, T>(sqlite: Database.Database, method: string, file: UploadedFile, spec: () => ImportSpec<K, T>): Promise<ImportPreview<T>> {
  return checkedWhileUnchanged(sqlite, `${method}\u0000${uploadKey(file)}`, () => previewImport(file, spec()));
}

export async function previewImport<K extends string, T>(
  file: UploadedFile,
  spec: ImportSpec<K, T>,
): Promise<ImportPreview<T>> {
  const data = await parseUpload(file);
  const headerIndex = new Map(data.headers.map((h, i) => [normalizeHeader(h), i]));
  const columnIndex = new Map<K, number>();
  const missing: string[] = [];
  for (const column of spec.columns) {
    const names = [column.header, ...(column.aliases ?? [])].map(normalizeHeader);
    const index = names.map((n) => headerIndex.get(n)).find((i) => i !== undefined);
    if (index === undefined) {
      if (!column.optional) missing.push(column.header);
    }
    else columnIndex.set(column.key, index);
  }
  const empty: ImportPreview<T> = {
    fileName: file.fileName,
    totalRows: data.rows.length,
    rows: [],
    issues: [],
    fileIssues: [],
    canCommit: false,
  };
  if (missing.length > 0) {
    return {
      ...empty,
      fileIssues: [
        `Kolumner saknas på första raden: ${missing.join(', ')}. Förväntade kolumner: ${spec.columns.filter((c) => !c.optional).map((c) => c.header).join(', ')}.`,
      ],
    };
  }
  if (data.rows.length === 0) return { ...empty, fileIssues: ['Filen innehåller inga rader att importera.'] };

  const headerOf = new Map(spec.columns.map((c) => [c.key as string, c.header]));
  const rows: ImportPreview<T>['rows'] = [];
  const issues: RowIssue[] = [];
  for (const { rowNumber, cells } of data.rows) {
    const raw = Object.fromEntries(
      spec.columns.map((c) => [c.key, cellText(cells[columnIndex.get(c.key) ?? -1], c.kind)]),
    ) as Record<K, string>;
    const parsed = spec.rowSchema.safeParse(raw);
    if (parsed.success) {
      rows.push({ rowNumber, values: parsed.data });
    } else {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        issues.push({ rowNumber, column: headerOf.get(key) ?? key, message: issue.message });
      }
    }
  }
  issues.push(...(spec.checkRows?.(rows) ?? []));
  issues.sort((a, b) => a.rowNumber - b.rowNumber);
  return { ...empty, rows, issues, canCommit: issues.length === 0 };
}

export function assertCommittable<T>(preview: ImportPreview<T>): void {
  if (!preview.canCommit) {
    const count = preview.fileIssues.length + new Set(preview.issues.map((i) => i.rowNumber)).size;
    const first = preview.fileIssues[0] ?? (preview.issues[0] ? `rad ${preview.issues[0].rowNumber}, ${preview.issues[0].column}: ${preview.issues[0].message}` : '');
    // Every problem travels along (row, column, reason), so the CLI can list them all as the preview does.
    const issues = [
      ...preview.fileIssues.map((message) => ({ field: 'fil', message })),
      ...preview.issues.map((i) => ({ field: `rad ${i.rowNumber}, kolumn ${i.column}`, message: i.message })),
    ];
    throw new AppError(
      'invalid_input',
      `Filen innehåller fel (${count} st), först: ${first} Ingenting har importerats; rätta filen och försök igen.`,
      '',
      issues,
    );
  }
}
