import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatch, type ApiContext } from '../../../db/api/handle.ts';
import { handlers } from '../../../db/api/handlers/index.ts';
import type { EncryptionStatusInfo, OperatingAreaRow } from '../../../db/api/contract.ts';
import { keyFromRecoveryCode, readKeyFile } from '../../../db/crypto/databaseKey.ts';
import { keyFileFor } from '../../../db/crypto/encryptionService.ts';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import { openDatabase } from '../../../db/open.ts';
import { migrationsFolder, testApi, value } from '../../helpers/db.ts';
import { fakeSafeStorage } from '../../helpers/safeStorage.ts';

const MARKER = 'Hemliga området 42';

async function desktopApi(backend = 'dpapi') {
  const api = testApi();
  const storage = fakeSafeStorage(backend);
  const ctx: ApiContext = { ...api.ctx, encryption: { safeStorage: storage, keyFile: keyFileFor(api.file) } };
  const dispatch = createDispatch(ctx, handlers);
  value<OperatingAreaRow>(await dispatch('operatingAreas.create', { name: MARKER }));
  return { ...api, dispatch, storage };
}

describe('turning encryption on', () => {
  it('is not offered in browser mode or for the example database', async () => {
    const api = testApi();
    expect(value<EncryptionStatusInfo>(await api.dispatch('security.encryptionStatus', {}))).toMatchObject({
      encrypted: false,
      available: false,
      reason: 'Kryptering kan bara slås på i skrivbordsappen, inte i webbläsarläget.',
    });
    api.session.close();
  });

  it('encrypts the open database in place, keeps working, and returns the recovery code once', async () => {
    const { dispatch, session, file, storage } = await desktopApi();
    expect(value<EncryptionStatusInfo>(await dispatch('security.encryptionStatus', {}))).toEqual({ encrypted: false, available: true, reason: '' });
    const { recoveryCode } = value<{ recoveryCode: string }>(await dispatch('security.enableEncryption', { recoveryCodeWillBeKept: true }));
    expect(recoveryCode).toMatch(/^(\w{4}-){13}\w{4}$/);
    // The app carries on with the same data, now encrypted.
    expect(value<OperatingAreaRow[]>(await dispatch('operatingAreas.list', {})).map((a) => a.name)).toContain(MARKER);
    expect(value<EncryptionStatusInfo>(await dispatch('security.encryptionStatus', {}))).toMatchObject({ encrypted: true, available: false });
    session.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).includes(Buffer.from(MARKER))).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 6).toString()).not.toBe('SQLite');
    // The stored key and the recovery code are the same key.
    expect(readKeyFile(keyFileFor(file), storage)?.equals(keyFromRecoveryCode(recoveryCode))).toBe(true);
    session.close();
    const reopened = openDatabase(file, { migrationsFolder, key: keyFromRecoveryCode(recoveryCode) });
    expect(reopened.sqlite.prepare('SELECT count(*) FROM operating_areas WHERE name = ?').pluck().get(MARKER)).toBe(1);
    reopened.sqlite.close();
  });

  it('refuses on Linux basic_text storage and leaves the file as it was', async () => {
    const { dispatch, session, file } = await desktopApi('basic_text');
    const before = contentChecksum(session.db.sqlite);
    const result = await dispatch('security.enableEncryption', { recoveryCodeWillBeKept: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('basic_text') } });
    expect(contentChecksum(session.db.sqlite)).toBe(before);
    expect(fs.existsSync(keyFileFor(file))).toBe(false);
    session.close();
  });

  it('needs the explicit confirmation that the recovery code will be kept', async () => {
    const { dispatch, session } = await desktopApi();
    const result = await dispatch('security.enableEncryption', { recoveryCodeWillBeKept: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Bekräfta att du sparar återställningskoden.' } });
    session.close();
  });
});
