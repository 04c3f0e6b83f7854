// The IT command line's `help`: wall time of the whole process and its peak memory.
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../generate.ts';
import type { BenchArea } from '../context.ts';

/**
 * Preloaded into the child: prints its peak RSS (kB) to stderr as it exits. On Linux VmHWM, the peak
 * of the child's own memory since it started: getrusage's maxRSS (the fallback elsewhere) carries
 * over the parent's RSS at fork, which made `help` look as large as the bench process (270 MB).
 */
const REPORT_MAX_RSS = `data:text/javascript,import fs from "node:fs";process.on("exit",()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/^VmHWM:\\s+(\\d+)/m.exec(fs.readFileSync("/proc/self/status","utf8"))[1])}catch{}process.stderr.write("\\nBENCH_MAX_RSS_KB="+kb+"\\n")})`;

function runHelp(): { ms: number; mb: number; output: string } {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', REPORT_MAX_RSS, 'scripts/cli.ts', 'help'], { cwd: projectRoot, encoding: 'utf8' });
  const ms = performance.now() - start;
  const kb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr)?.[1] ?? Number.NaN);
  if (child.status !== 0) throw new Error(`cli help exited ${child.status}: ${child.stderr}`);
  return { ms, mb: kb / 1024, output: child.stdout };
}

export const cliArea: BenchArea = {
  name: 'cli',
  needs: 'none',
  run({ recorder, settings }) {
    const runs = Array.from({ length: settings.smoke ? 1 : 5 }, runHelp);
    const first = runs[0];
    if (!first?.output.includes('backup')) recorder.problems.push('cli help: the usage text does not list the commands');
    recorder.record('CLI help: time (whole process)', 'ms', runs.map((r) => r.ms), null, { max: 300 });
    recorder.record('CLI help: peak memory', 'MB', runs.map((r) => r.mb), null, { max: 120 });
    return Promise.resolve();
  },
};
