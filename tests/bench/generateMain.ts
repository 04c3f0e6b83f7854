// Generates one bench database in a process of its own (run by run.ts when it is not cached), so
// the memory generation leaves behind (≈ 200 k statements prepared one by one through drizzle) is
// returned to the system before anything is measured. Usage: node generateMain.ts UNITS CYCLES SEED [CACHE_DIR]
import { benchDatabase } from './generate.ts';
import { GENERATED_NOW_MARK } from './measure.ts';

const [units = '', cycles = '', seed = '', cacheDir] = process.argv.slice(2);
const db = benchDatabase({ units: Number(units), cycles: Number(cycles), seed: Number(seed) }, { ...(cacheDir ? { cacheDir } : {}), log: (line) => console.log(line) });
console.log(`${GENERATED_NOW_MARK}${String(db.generatedNow)}`);
