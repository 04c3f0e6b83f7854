// For IT, when an encrypted database cannot be unlocked (new computer, cleared key storage,
// changed Linux keyring): writes a decrypted copy using the printed recovery code. The original
// file is never changed. Run: node scripts/unlock-database.ts <encrypted.db> <copy.db> "<recovery code>"
import fs from 'node:fs';
import { decryptDatabaseFile, keyFromRecoveryCode } from '../db/crypto/databaseKey.ts';

export function unlockCopy(source: string, target: string, recoveryCode: string): void {
  const key = keyFromRecoveryCode(recoveryCode);
  if (fs.existsSync(target)) throw new Error(`${target} finns redan; välj ett nytt filnamn.`);
  // The -wal holds committed changes not yet in the main file: copy it too, then decrypt the copy.
  fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${target}-wal`);
  try {
    decryptDatabaseFile(target, key);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    throw error;
  }
}

if (import.meta.main) {
  const [source, target, code] = process.argv.slice(2);
  if (!source || !target || !code) {
    console.error('Användning: node scripts/unlock-database.ts <krypterad.db> <ny-kopia.db> "<återställningskod>"');
    process.exit(2);
  }
  try {
    unlockCopy(source, target, code);
    console.log(`Okrypterad kopia skriven: ${target}. Öppna den i Kvalitetsnavet och slå på krypteringen igen (ny kod).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
