// A stand-in for Electron's safeStorage: reversible, backend-bound, but never the plain text.
import crypto from 'node:crypto';
import type { SafeStorageLike } from '../../db/crypto/databaseKey.ts';

export function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const mask = crypto.createHash('sha256').update(backend).digest();
  const xor = (b: Buffer) => Buffer.from(b.map((byte, i) => byte ^ (mask[i % mask.length] ?? 0)));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => xor(Buffer.from(`v10${text}`)),
    decryptString: (data) => {
      const text = xor(data).toString();
      if (!text.startsWith('v10')) throw new Error('cannot decrypt');
      return text.slice(3);
    },
    getSelectedStorageBackend: () => backend,
  };
}
