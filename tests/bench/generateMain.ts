// Generates one bench database in a process of its own (run by run.ts when it is not cached), so
// the memory generation leaves behind (≈ 200 k statements prepared one by one through drizzle) is
// returned to the system before anything is measured. Usage: node generateMain.ts SIZE_JSON [CACHE_DIR] (SIZE_JSON: a BenchSize)
import { benchDatabase, type BenchSize } from './generate.ts';
import { GENERATED_NOW_MARK } from './measure.ts';

const [size = '', cacheDir] = process.argv.slice(2);
const db = benchDatabase(JSON.parse(size) as BenchSize, { ...(cacheDir ? { cacheDir } : {}), log: (line) => console.log(line) });
console.log(`${GENERATED_NOW_MARK}${String(db.generatedNow)}`);
