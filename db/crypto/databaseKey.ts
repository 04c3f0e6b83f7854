// Encryption at rest (opt-in): a random 256-bit key per database, kept only as OS-protected data
// (Electron safeStorage: Keychain, DPAPI, libsecret/kwallet; never Linux "basic_text"), plus a
// printable recovery code that IS the key, so a lost keychain or a new computer never loses data.
// The SQLite driver is better-sqlite3-multiple-ciphers (installed under the name better-sqlite3).
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';

export const KEY_BYTES = 32;
/** SQLite3 Multiple Ciphers' default, authenticated scheme (ChaCha20-Poly1305). */
export const CIPHER = 'chacha20';

/** The part of Electron's safeStorage this needs; injected so it can be tested without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, i.e. no protection. */
  getSelectedStorageBackend?(): string;
}

export type KeyErrorKind = 'unavailable' | 'backend_changed' | 'unreadable' | 'bad_recovery_code';

const KEY_ERROR_MESSAGES: Record<KeyErrorKind, string> = {
  unavailable:
    'Datorn har ingen säker nyckellagring (t.ex. Nyckelring/Kwallet saknas, eller bara "basic_text" på Linux). Databasen kan därför inte krypteras här.',
  backend_changed:
    'Datorns nyckellagring har bytts sedan databasen krypterades. Ange återställningskoden för att låsa upp databasen.',
  unreadable: 'Databasnyckeln kunde inte läsas från datorns nyckellagring. Ange återställningskoden för att låsa upp databasen.',
  bad_recovery_code: 'Återställningskoden är felaktig. Kontrollera att alla tecken är rätt avskrivna.',
};

export class DatabaseKeyError extends Error {
  readonly kind: KeyErrorKind;
  constructor(kind: KeyErrorKind, detail = '') {
    super(KEY_ERROR_MESSAGES[kind]);
    this.name = 'DatabaseKeyError';
    this.kind = kind;
    this.cause = detail;
  }
}

export function generateDatabaseKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}

/** Key-file contents: the key only as safeStorage output, and which backend protected it. */
interface KeyFile {
  version: 1;
  cipher: typeof CIPHER;
  backend: string;
  encryptedKey: string;
}

function backendOf(safeStorage: SafeStorageLike): string {
  return safeStorage.getSelectedStorageBackend?.() ?? 'os';
}

/** Refuses storage that does not protect anything (Signal-Desktop does the same). */
export function assertSafeStorageUsable(safeStorage: SafeStorageLike): void {
  if (!safeStorage.isEncryptionAvailable()) throw new DatabaseKeyError('unavailable', 'not available');
  const backend = backendOf(safeStorage);
  if (backend === 'basic_text' || backend === 'unknown') throw new DatabaseKeyError('unavailable', backend);
}

export function writeKeyFile(file: string, key: Buffer, safeStorage: SafeStorageLike): void {
  assertSafeStorageUsable(safeStorage);
  const content: KeyFile = {
    version: 1,
    cipher: CIPHER,
    backend: backendOf(safeStorage),
    encryptedKey: safeStorage.encryptString(key.toString('hex')).toString('base64'),
  };
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(partial, file);
}

/** The key, or null when the database is not encrypted (no key file). */
export function readKeyFile(file: string, safeStorage: SafeStorageLike): Buffer | null {
  if (!fs.existsSync(file)) return null;
  let content: KeyFile;
  try {
    content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  } catch {
    throw new DatabaseKeyError('unreadable', 'key file is not JSON');
  }
  assertSafeStorageUsable(safeStorage);
  // A different backend would not decrypt it; never generate a new key over an encrypted database.
  if (content.backend !== backendOf(safeStorage)) throw new DatabaseKeyError('backend_changed', `${content.backend} → ${backendOf(safeStorage)}`);
  let hex: string;
  try {
    hex = safeStorage.decryptString(Buffer.from(content.encryptedKey, 'base64'));
  } catch (error) {
    throw new DatabaseKeyError('unreadable', error instanceof Error ? error.name : 'decrypt failed');
  }
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new DatabaseKeyError('unreadable', 'not a key');
  return Buffer.from(hex, 'hex');
}

// Crockford's base32: no I, L, O, U, so a printed code cannot be misread as 1/0.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function checksum(key: Buffer): string {
  return base32(crypto.createHash('sha256').update(key).digest()).slice(0, 4);
}

/** The recovery code to print and keep safe: the key itself in 56 characters, in groups of four. */
export function recoveryCodeFor(key: Buffer): string {
  if (key.length !== KEY_BYTES) throw new Error('key must be 32 bytes');
  return (base32(key) + checksum(key)).match(/.{1,4}/g)?.join('-') ?? '';
}

/** The key from a typed recovery code; spaces, dashes, case and O/I/L mix-ups are forgiven. */
export function keyFromRecoveryCode(code: string): Buffer {
  const clean = code.toUpperCase().replace(/[\s-]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');
  if (clean.length !== 56 || [...clean].some((ch) => !ALPHABET.includes(ch))) throw new DatabaseKeyError('bad_recovery_code');
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const ch of clean.slice(0, 52)) {
    value = ((value << 5) | ALPHABET.indexOf(ch)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const key = Buffer.from(bytes.slice(0, KEY_BYTES));
  if (checksum(key) !== clean.slice(52)) throw new DatabaseKeyError('bad_recovery_code');
  return key;
}

/** Keys this process has opened databases with, so its own backups can be verified (memory only). */
const knownKeys: Buffer[] = [];

/** Keys an open connection; must run before anything reads the file. Raw key: no passphrase KDF. */
export function applyDatabaseKey(sqlite: Database.Database, key: Buffer): void {
  sqlite.pragma(`cipher = '${CIPHER}'`);
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
  if (!knownKeys.some((k) => k.equals(key))) knownKeys.unshift(Buffer.from(key));
}

const isNotADatabase = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_NOTADB';

/**
 * Opens a database file that may be encrypted with a key this process already uses, e.g. a backup
 * (VACUUM INTO copies are encrypted with the same key) being verified. Plain files open as usual.
 */
export function openDatabaseFile(file: string, options: Database.Options = {}): Database.Database {
  for (const key of [null, ...knownKeys]) {
    const sqlite = new Database(file, options);
    try {
      if (key) applyDatabaseKey(sqlite, key);
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      return sqlite;
    } catch (error) {
      sqlite.close();
      if (!isNotADatabase(error) || key === knownKeys[knownKeys.length - 1] || knownKeys.length === 0) throw error;
    }
  }
  throw new Error('unreachable');
}

/**
 * Encrypts a closed, unencrypted database file in place. Rekeying needs rollback-journal mode,
 * so the WAL is checkpointed away first and WAL is switched back on afterwards.
 */
export function encryptDatabaseFile(file: string, key: Buffer): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`cipher = '${CIPHER}'`);
    sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`);
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}

/** Decrypts a closed database file in place (turning encryption off again). */
export function decryptDatabaseFile(file: string, key: Buffer): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    applyDatabaseKey(sqlite, key);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`rekey = ''`);
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}
