// Classifying where the database lives, with the mount table injected.
import { describe, expect, it } from 'vitest';
import { classifyPath, parseProcMounts } from '../../../db/backup/storage.ts';

const mounts = parseProcMounts(
  [
    '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
    '//filserver/socialtjanst /mnt/socialtjanst cifs rw,vers=3.0 0 0',
    'nas01:/export/home /home/anna/nas nfs4 rw 0 0',
    '/dev/sdb1 /media/anna/USB\\040STICK vfat rw 0 0',
    'tmpfs /tmp tmpfs rw 0 0',
  ].join('\n'),
);

describe('classifyPath', () => {
  it('reads /proc/mounts with escaped spaces', () => {
    expect(mounts[3]).toEqual({ source: '/dev/sdb1', mountPoint: '/media/anna/USB STICK', fsType: 'vfat' });
  });

  it.each([
    ['/home/anna/.config/Kvalitetsnavet/kvalitetsnavet.db', 'local'],
    ['/mnt/socialtjanst/tillsyn/kv.db', 'network'],
    ['/home/anna/nas/kv.db', 'network'],
    ['/home/anna/nasse/kv.db', 'local'],
    ['/home/anna/Dropbox/kv.db', 'cloud_sync'],
    ['/Users/anna/Library/CloudStorage/OneDrive-Kommunen/kv.db', 'cloud_sync'],
    ['/tmp/kv.db', 'local'],
  ])('%s is %s on Linux/macOS', (file, kind) => {
    expect(classifyPath(file, mounts, 'linux').kind).toBe(kind);
  });

  it.each([
    ['\\\\filserver\\socialtjanst\\kv.db', 'network'],
    ['\\\\?\\UNC\\filserver\\socialtjanst\\kv.db', 'network'],
    ['C:\\Users\\anna\\OneDrive - Exempelby kommun\\Dokument\\kv.db', 'cloud_sync'],
    ['C:\\Users\\anna\\AppData\\Roaming\\Kvalitetsnavet\\kvalitetsnavet.db', 'local'],
  ])('%s is %s on Windows', (file, kind) => {
    expect(classifyPath(file, [], 'win32').kind).toBe(kind);
  });

  it('explains the risk in Swedish for a network share, and says nothing for a local disk', () => {
    expect(classifyPath('/mnt/socialtjanst/kv.db', mounts, 'linux').warning).toMatch(/nätverksenhet.*samtidigt/);
    expect(classifyPath('/home/anna/kv.db', mounts, 'linux').warning).toBeNull();
  });
});
