// File primitives for backups: fsync, atomic replace (temp name, fsync, rename, fsync folder), SHA-256.
// A crash at any point leaves either the old file or the new one, never half of one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals the rename itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes through `write(temp)` to a temp name in the target's folder, syncs, renames: whole or absent. */
function replaceAtomically(target: string, suffix: string, write: (temp: string) => void): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${suffix}`);
  try {
    write(temp);
    fsyncFile(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(target));
}

export function writeFileAtomic(file: string, data: string | Buffer): void {
  replaceAtomically(file, 'tmp', (temp) => fs.writeFileSync(temp, data));
}

export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** `2026-11-23T10-15-02-123Z`: a UTC timestamp that sorts as text and is a valid file name everywhere. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
