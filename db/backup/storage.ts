// Where a database file lives, classified for a warning: SQLite's locking and WAL do not work
// reliably over network file systems, and sync clients copy files mid-write. Pure, with the
// mount table injected; `currentMounts()` reads the real one (Linux) for the caller.
import fs from 'node:fs';
import path from 'node:path';

export type StorageKind = 'local' | 'network' | 'cloud_sync';

export interface MountEntry {
  mountPoint: string;
  fsType: string;
  source: string;
}

export interface StorageClass {
  kind: StorageKind;
  /** Swedish warning for the header, or null for a local disk. */
  warning: string | null;
}

const NETWORK_FS = /^(cifs|smb|smb2|smb3|smbfs|nfs|nfs4|afpfs|afs|9p|fuse\.sshfs|sshfs|davfs|fuse\.davfs2|webdav|ncpfs|glusterfs|ceph|fuse\.rclone)$/i;
const CLOUD_FOLDER = /(^|[\\/])(OneDrive( - [^\\/]+)?|Dropbox|Google Drive|GoogleDrive|My Drive|iCloud Drive|iCloudDrive|Mobile Documents|Box|Box Sync|pCloud Drive|Nextcloud|ownCloud|CloudStorage)([\\/]|$)/i;

const NETWORK_WARNING =
  'Databasen ligger på en nätverksenhet. Om flera öppnar samma fil samtidigt kan den skadas – låt bara en person i taget använda den, och lägg den helst på den egna datorn.';
const CLOUD_WARNING =
  'Databasen ligger i en synkroniserad molnmapp (t.ex. OneDrive eller Dropbox). Synkroniseringen kan kopiera filen mitt i en skrivning eller skapa konfliktkopior – lägg databasen utanför den synkroniserade mappen.';

/** Parses /proc/mounts lines (octal escapes such as \040 for a space). */
export function parseProcMounts(text: string): MountEntry[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 3)
    .map(([source = '', mountPoint = '', fsType = '']) => ({ source: unescape(source), mountPoint: unescape(mountPoint), fsType }));
}

/** The mount table of this machine where it can be read cheaply (Linux); elsewhere empty. */
export function currentMounts(): MountEntry[] {
  if (process.platform !== 'linux') return [];
  try {
    return parseProcMounts(fs.readFileSync('/proc/self/mounts', 'utf8'));
  } catch {
    return [];
  }
}

function mountFor(file: string, mounts: readonly MountEntry[], pathApi: typeof path.posix): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const mount of mounts) {
    const root = mount.mountPoint.endsWith(pathApi.sep) ? mount.mountPoint : mount.mountPoint + pathApi.sep;
    if ((file === mount.mountPoint || file.startsWith(root) || mount.mountPoint === pathApi.sep) && (!best || mount.mountPoint.length > best.mountPoint.length)) {
      best = mount;
    }
  }
  return best;
}

export function classifyPath(file: string, mounts: readonly MountEntry[], platform: NodeJS.Platform = process.platform): StorageClass {
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const resolved = pathApi.resolve(file);
  // \\server\share\… and \\?\UNC\server\share\… are network paths however they are mounted.
  if (platform === 'win32' && /^(\\\\\?\\UNC\\|\\\\(?!\?\\|\.\\))/i.test(resolved)) return { kind: 'network', warning: NETWORK_WARNING };
  if (platform !== 'win32') {
    const mount = mountFor(resolved, mounts, path.posix);
    if (mount && (NETWORK_FS.test(mount.fsType) || /^\/\/[^/]+\/|^[^/\s]+:\//.test(mount.source))) {
      return { kind: 'network', warning: NETWORK_WARNING };
    }
  }
  if (CLOUD_FOLDER.test(pathApi.dirname(resolved))) return { kind: 'cloud_sync', warning: CLOUD_WARNING };
  return { kind: 'local', warning: null };
}
