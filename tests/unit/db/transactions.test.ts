// better-sqlite3 transactions are synchronous: an async function passed to transaction() would
// commit before its awaits run (reliability.md DUR-08). This scans the code that writes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/server.ts';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Line numbers of transaction() calls given an async function or a function body that awaits. */
function asyncTransactionLines(text: string): number[] {
  const pattern = /\.transaction\(\s*(async\b|\([^)]*\)\s*=>\s*\{[^}]*\bawait\b)/g;
  return [...text.matchAll(pattern)].map((m) => text.slice(0, m.index).split('\n').length);
}

describe('transactions', () => {
  it('are never given an async function or a function that awaits', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles(path.join(projectRoot, 'db')), ...sourceFiles(path.join(projectRoot, 'electron'))]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const line of asyncTransactionLines(text)) offenders.push(`${path.relative(projectRoot, file)}:${line}`);
    }
    expect(offenders).toEqual([]);
  });

  it('are opened by the dispatch for write methods, never by a handler', () => {
    const handlerDir = path.join(projectRoot, 'db', 'api', 'handlers');
    const opening = sourceFiles(handlerDir).filter((file) => /\.transaction\(/.test(fs.readFileSync(file, 'utf8')));
    expect(opening.map((file) => path.relative(projectRoot, file))).toEqual([]);
    expect(fs.readFileSync(path.join(projectRoot, 'db', 'api', 'handle.ts'), 'utf8')).toMatch(/\.transaction\(/);
  });

  it('finds an offending call in a sample, so the scan itself works', () => {
    expect(asyncTransactionLines('ok();\ndb.sqlite.transaction(async () => {\n  await x();\n})();')).toEqual([2]);
    expect(asyncTransactionLines('db.transaction(() => {\n  const y = await z;\n})();')).toEqual([1]);
    expect(asyncTransactionLines('db.transaction(() => {\n  insert.run(1);\n})();')).toEqual([]);
  });
});
