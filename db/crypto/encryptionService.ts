// Turning encryption at rest on for the user's own database: the key is stored (safeStorage)
// before the file is encrypted in place, and every failure leaves the file readable as before.
import fs from 'node:fs';
import { AppError } from '../errors.ts';
import type { Session } from '../session.ts';
import {
  assertSafeStorageUsable,
  DatabaseKeyError,
  decryptDatabaseFile,
  encryptDatabaseFile,
  generateDatabaseKey,
  readKeyFile,
  recoveryCodeFor,
  writeKeyFile,
  type SafeStorageLike,
} from './databaseKey.ts';

/** What the desktop shell provides: OS-protected storage and where the key file lives. */
export interface EncryptionHost {
  safeStorage: SafeStorageLike;
  keyFile: string;
}

export interface EncryptionStatus {
  /** The own database file is encrypted (it was opened with a key). */
  encrypted: boolean;
  /** Encryption can be turned on here: desktop app, own database, secure OS key storage. */
  available: boolean;
  /** Why not, in Swedish, when it is not available. */
  reason: string;
}

/** The key file beside the database: "kvalitetsnavet.db" → "kvalitetsnavet.db.key". */
export function keyFileFor(databaseFile: string): string {
  return `${databaseFile}.key`;
}

export function encryptionStatus(session: Session, host: EncryptionHost | undefined): EncryptionStatus {
  const encrypted = session.options.key !== undefined;
  if (!host) return { encrypted, available: false, reason: 'Kryptering kan bara slås på i skrivbordsappen, inte i webbläsarläget.' };
  if (session.mode !== 'own') return { encrypted, available: false, reason: 'Exempeldatabasen krypteras inte; gå tillbaka till din egen databas.' };
  try {
    assertSafeStorageUsable(host.safeStorage);
  } catch (error) {
    return { encrypted, available: false, reason: error instanceof DatabaseKeyError ? error.message : 'Nyckellagringen går inte att använda.' };
  }
  return { encrypted, available: !encrypted, reason: encrypted ? 'Databasen är redan krypterad.' : '' };
}

/** Encrypts the own database in place and returns the recovery code, shown to the user once. */
export function enableEncryption(session: Session, host: EncryptionHost | undefined): { recoveryCode: string } {
  const status = encryptionStatus(session, host);
  if (!host || !status.available) throw new AppError('forbidden', status.reason);
  const key = generateDatabaseKey();
  const file = session.options.ownFile;
  // The key is safe before the file depends on it.
  writeKeyFile(host.keyFile, key, host.safeStorage);
  session.options.key = key;
  try {
    session.replaceOwnFile(
      () => encryptDatabaseFile(file, key),
      () => {
        // Back to the readable file: decrypt if the rekey went through, forget the key.
        try {
          decryptDatabaseFile(file, key);
        } catch {
          // Not encrypted (the rekey itself failed): nothing to undo in the file.
        }
        delete session.options.key;
        fs.rmSync(host.keyFile, { force: true });
      },
    );
  } catch (error) {
    throw new AppError('internal', 'Databasen kunde inte krypteras. Den är oförändrad och fungerar som förut.', error instanceof Error ? error.message : '');
  }
  return { recoveryCode: recoveryCodeFor(key) };
}

/**
 * Open options for the own database with encryption wired in: the key (when the file has a key
 * file beside it) and the host used to turn encryption on. Throws DatabaseKeyError when a key file
 * exists but cannot be read (then the recovery code is needed, see docs/encryption.md).
 */
export function withDatabaseKey<T extends { ownFile: string }>(options: T, safeStorage: SafeStorageLike): T & { key?: Buffer; encryption: EncryptionHost } {
  const keyFile = keyFileFor(options.ownFile);
  const key = readKeyFile(keyFile, safeStorage);
  return { ...options, ...(key ? { key } : {}), encryption: { safeStorage, keyFile } };
}
