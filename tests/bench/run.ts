// `npm run bench`: generates (or reuses) the large database, runs every area's paths against it,
// measures growth of the planning paths from 500 to 4,000 units (on databases with planning data
// only), prints the tables and writes bench-results.json. Options: --units N (default 2000), --reps N (default 7),
// --growth 500,1000,2000,4000 | --no-growth, --only open,audit,… (area names), --out FILE.
// The same function runs once per path on a tiny database as the smoke test in `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setAuditActor } from '../../db/audit/trail.ts';
import { stateFileFor } from '../../db/maintenance/shutdownMarker.ts';
import { benchDatabase, FULL_SIZE, projectRoot, type BenchDatabase, type BenchFacts, type BenchSize } from './generate.ts';
import { BENCH_ACTOR, openBenchApi, Recorder, type BenchArea, type BenchRun, type BenchSettings } from './context.ts';
import { GENERATED_NOW_MARK, growthOf, growthTable, resultTable, type GrowthResult, type PathResult } from './measure.ts';
import { planningPaths } from './paths/tillsynPlanning.ts';
import { BENCH_AREAS } from './paths/index.ts';

export const GROWTH_SIZES = [500, 1000, 2000, 4000];
const GROWTH_PATHS = ['coverage view data', 'plan list', 're-plan (propose + accept)', 'plan proposal, fresh cycle'];

export interface BenchOptions {
  size: BenchSize;
  growthSizes: number[];
  settings: BenchSettings;
  only?: string[];
  cacheDir?: string;
  areas?: readonly BenchArea[];
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadBefore: number[]; loadAfter: number[] };
  facts: BenchFacts;
  generation: { ms: number; cached: boolean };
  results: PathResult[];
  growth: GrowthResult[];
  problems: string[];
  totalMs: number;
}

/**
 * The cached database of this size. Looked up (and generated when missing) in a child process
 * first (generateMain.ts), so generating leaves no memory behind in the process that measures.
 */
function cachedDatabase(size: BenchSize, cacheDir: string | undefined, log: (line: string) => void): BenchDatabase {
  const script = path.join(import.meta.dirname, 'generateMain.ts');
  const child = spawnSync(process.execPath, [script, JSON.stringify(size), ...(cacheDir ? [cacheDir] : [])], { encoding: 'utf8' });
  const lines = `${child.stdout}${child.stderr}`.split('\n').filter(Boolean);
  for (const line of lines.filter((l) => !l.startsWith(GENERATED_NOW_MARK))) log(line);
  if (child.status !== 0) throw new Error(`generating ${size.units} units failed (exit ${child.status})`);
  const generatedNow = lines.includes(`${GENERATED_NOW_MARK}true`);
  return { ...benchDatabase(size, { ...(cacheDir ? { cacheDir } : {}) }), generatedNow };
}

const SIDE_FILES = ['', '-wal', '-shm', '.lock', '.state'];

/**
 * A copy of the cached database for this run, recorded as closed cleanly and checked today
 * (db/maintenance/shutdownMarker.ts): the generated file is whole, and the weekly background check
 * would otherwise run in a worker beside every measurement of the run.
 */
function copyDatabase(from: string, to: string): string {
  removeDatabase(to);
  fs.copyFileSync(from, to);
  fs.writeFileSync(stateFileFor(to), JSON.stringify({ open: false, lastFullCheck: new Date().toISOString().slice(0, 10) }));
  return to;
}

function removeDatabase(file: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(file + suffix, { force: true });
}

async function runAreas(areas: readonly BenchArea[], run: Omit<BenchRun, 'api'>): Promise<void> {
  const { recorder, settings } = run;
  const inPhase = (needs: BenchArea['needs']) => areas.filter((a) => a.needs === needs);
  const runOne = async (area: BenchArea, extra: Partial<BenchRun> = {}) => {
    settings.log(`${area.name}:`);
    recorder.startArea(area.name);
    try {
      await area.run({ ...run, ...extra });
    } catch (error) {
      recorder.failed(area.name, error);
    }
  };
  for (const area of inPhase('file')) await runOne(area);
  const sessionAreas = inPhase('session');
  if (sessionAreas.length > 0) {
    const api = openBenchApi(run.file);
    // Set before any measured transaction, so a rolled-back one cannot take the actor with it.
    setAuditActor(api.session.db.sqlite, BENCH_ACTOR);
    try {
      for (const area of sessionAreas) await runOne(area, { api });
    } finally {
      api.session.close();
    }
  }
  for (const area of [...inPhase('server'), ...inPhase('none')]) await runOne(area);
}

async function measureGrowth(options: BenchOptions): Promise<GrowthResult[]> {
  const { settings } = options;
  const medians = GROWTH_PATHS.map(() => [] as { units: number; ms: number }[]);
  for (const units of options.growthSizes) {
    const db = cachedDatabase({ ...options.size, units, planningOnly: true }, options.cacheDir, settings.log);
    const file = copyDatabase(db.file, path.join(settings.workDir, `growth-${units}.db`));
    const recorder = new Recorder({ ...settings, reps: Math.min(settings.reps, 5) });
    recorder.startArea(`growth ${units}`);
    settings.log(`growth, ${units} units:`);
    const api = openBenchApi(file);
    setAuditActor(api.session.db.sqlite, BENCH_ACTOR);
    try {
      await planningPaths(api, recorder, db.facts.currentCycleId, db.facts.units);
    } finally {
      api.session.close();
      removeDatabase(file);
    }
    recorder.results.forEach((r, i) => medians[i]?.push({ units, ms: r.app.median }));
    if (recorder.problems.length) throw new Error(`growth at ${units} units: ${recorder.problems.join('; ')}`);
  }
  return GROWTH_PATHS.map((name, i) => growthOf(name, medians[i] ?? []));
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const { settings } = options;
  const loadBefore = os.loadavg();
  const db = cachedDatabase(options.size, options.cacheDir, settings.log);
  const file = copyDatabase(db.file, path.join(settings.workDir, 'bench.db'));
  const recorder = new Recorder(settings);
  recorder.startArea('generate');
  recorder.record(
    `generate the database (${db.facts.units} units, ${db.facts.inspections} inspections, ${db.facts.actions} actions)`,
    'ms',
    [db.facts.generatedMs],
    null,
    {},
    db.generatedNow ? 'generated in this run' : 'cached: the time it took when it was generated',
  );
  const areas = (options.areas ?? BENCH_AREAS).filter((a) => !options.only || options.only.includes(a.name));
  await runAreas(areas, { facts: db.facts, file, recorder, settings });
  removeDatabase(file);
  let growth: GrowthResult[] = [];
  if (options.growthSizes.length > 1) {
    try {
      growth = await measureGrowth(options);
    } catch (error) {
      recorder.failed('growth', error);
    }
  }
  const cpus = os.cpus();
  return {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? '',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      loadBefore,
      loadAfter: os.loadavg(),
    },
    facts: db.facts,
    generation: { ms: db.facts.generatedMs, cached: !db.generatedNow },
    results: recorder.results,
    growth,
    problems: recorder.problems,
    totalMs: Math.round(performance.now() - started),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const units = Number(argValue(args, 'units') ?? process.env.BENCH_UNITS ?? FULL_SIZE.units);
  const reps = Number(argValue(args, 'reps') ?? process.env.BENCH_REPS ?? 7);
  const growthSizes = args.includes('--no-growth') ? [] : (argValue(args, 'growth') ?? GROWTH_SIZES.join(',')).split(',').map(Number);
  const only = argValue(args, 'only')?.split(',');
  const out = path.resolve(argValue(args, 'out') ?? path.join(projectRoot, 'bench-results.json'));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvalitetsnavet-bench-'));
  const settings: BenchSettings = { smoke: false, reps, maxPathMs: 15_000, workDir, log: (line) => console.log(line) };
  try {
    const report = await runBench({ size: { ...FULL_SIZE, units }, growthSizes, settings, ...(only ? { only } : {}) });
    const m = report.machine;
    console.log(`\n${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; load average before ${m.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${m.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`${report.facts.units} units, ${report.facts.inspections} inspections, ${report.facts.assessments} assessments, ${report.facts.actions} actions, ${report.facts.auditRows} audit rows, ${(report.facts.bytes / 2 ** 20).toFixed(0)} MiB\n`);
    console.log(resultTable(report.results));
    if (report.growth.length) console.log(`\nGrowth (median ms per size; exponent = log-log slope, 1 linear, 2 quadratic):\n\n${growthTable(report.growth)}`);
    const notes = report.results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
    if (notes.length) console.log(`\nNotes:\n${notes.join('\n')}`);
    if (report.problems.length) console.log(`\nProblems:\n${report.problems.map((p) => `- ${p}`).join('\n')}`);
    console.log(`\nWhole run: ${(report.totalMs / 1000).toFixed(0)} s. Results: ${out}`);
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    return report.problems.length ? 1 : 0;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
