// Finds import circles among the TypeScript files under a folder: every static, type-only,
// re-export and dynamic import of a relative path counts. Run `node scripts/import-cycles.ts db`.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The files under `dir` that `file` imports (relative specifiers only; packages are leaves). */
export function importsOf(file: string, dir: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name))
    .filter((target) => target.startsWith(dir + path.sep) && fs.existsSync(target));
}

/** Each circle as the list of its files (relative to `dir`), found as strongly connected components. */
export function findImportCycles(dir: string): string[][] {
  const root = path.resolve(dir);
  const graph = new Map(sourceFiles(root).map((f) => [f, importsOf(f, root)]));
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfImport = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfImport) cycles.push(component.map((f) => path.relative(root, f)).sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'db';
  const cycles = findImportCycles(dir);
  for (const cycle of cycles) console.log(`Importcirkel (${cycle.length} filer): ${cycle.join(', ')}`);
  if (cycles.length === 0) console.log(`Inga importcirklar i ${dir}/.`);
  process.exitCode = cycles.length === 0 ? 0 : 1;
}
