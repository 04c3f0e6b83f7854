// Measures what parsing one import file costs: peak RSS of this process (the parse worker is a
// thread in it) before and after. Run: node scripts/measure-import-memory.ts <file> [<file> ...]
import fs from 'node:fs';
import path from 'node:path';
import { readTabularFile } from '../db/io/tabular.ts';

for (const file of process.argv.slice(2)) {
  const before = process.resourceUsage().maxRSS;
  const started = performance.now();
  let outcome: string;
  try {
    const data = await readTabularFile(path.basename(file), fs.readFileSync(file));
    outcome = `läst: ${data.rows.length} rader`;
  } catch (error) {
    outcome = `avvisad: ${error instanceof Error ? error.message : String(error)}`;
  }
  const after = process.resourceUsage().maxRSS;
  console.log(
    `${path.basename(file)}: ${outcome}\n  topp-RSS ${Math.round(after / 1024)} MB (före ${Math.round(before / 1024)} MB), ${Math.round(performance.now() - started)} ms`,
  );
}
